package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completion;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/** The journal, help and quit. */
final class InfoCommands {

    /** Events shown when no --since is given. */
    private static final int DEFAULT_EVENTS = 30;

    private static final Completion EVENT_TYPES = (context, out) -> {
        for (EventType type : EventType.values()) {
            out.offer(type.name(), "event type");
        }
    };

    private InfoCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("events")
                .completes(Completions.first(Completions.words("live events", "on", "off")))
                .recording(Command.Recording.ENDS_STEP)
                .usage("events [on|off] [--follow] [--since DURATION] [--all] [--type TYPE] [--json]")
                .summary("show the event journal: elections, fencing, ISR changes, truncation, produce results")
                .details("Each event says what happened and, in parentheses, why. Without --since it shows the last "
                        + DEFAULT_EVENTS + " events; --all shows everything. HW_ADVANCED and PRODUCE_ACKED events are "
                        + "only shown with --all or --type. In the interactive shell, 'events on' (the default) "
                        + "prints elections, fencing and ISR changes above the prompt as they happen; 'events off' "
                        + "stops that. --follow shows the latest events and keeps printing new ones as they happen "
                        + "(the same as events on).")
                .options("since")
                .option("type", EVENT_TYPES)
                .flags("all", "json", "follow")
                .example("events")
                .example("events --since 5s")
                .example("events --type LEADER_ELECTED")
                .run(InfoCommands::events));
        registry.add(Command.builder("help")
                .completes(Completions.first(Completions.commands()))
                .recording(Command.Recording.IGNORED)
                .usage("help [COMMAND]")
                .summary("list commands, or explain one with examples")
                .run((args, session) -> help(args, registry)));
        registry.add(Command.builder("quit")
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .usage("quit")
                .summary("leave leaderlab")
                .run((args, session) -> {
                    session.requestQuit();
                    return Result.ok();
                }));
    }

    private static Result events(Args args, Session session) {
        if (args.count() == 1) {
            String toggle = args.positional(0, "on or off");
            if (!toggle.equals("on") && !toggle.equals("off")) {
                throw new CommandException("events takes on or off, or options; got '" + toggle + "'");
            }
            session.setLiveEvents(toggle.equals("on"));
            return Result.ok(
                    toggle.equals("on") ? "live events on: cluster events print above the prompt" : "live events off");
        }
        args.expectAtMost(0, "events [on|off] [--follow] [--since DURATION] [--all] [--type TYPE]");
        if (args.flag("follow")) {
            if (!session.interactive()) {
                throw new CommandException(
                        "events --follow needs the interactive shell; in a script use events or wait until");
            }
            session.setLiveEvents(true);
        }
        EventType type = null;
        if (args.option("type") != null) {
            try {
                type = EventType.valueOf(args.option("type").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandException("unknown event type '" + args.option("type") + "'; types: "
                        + java.util.Arrays.toString(EventType.values()));
            }
        }
        EventType only = type;
        boolean all = args.flag("all");
        java.util.function.Predicate<Event> filter = e -> only != null
                ? e.type() == only
                : all || (e.type() != EventType.HW_ADVANCED && e.type() != EventType.PRODUCE_ACKED);
        List<Event> events;
        if (args.option("since") != null) {
            long now = session.simulated()
                    ? session.cluster().nowMs()
                    : session.snapshots().snapshot().timeMs();
            long since = now - Parse.durationMs(args.option("since"));
            events = new ArrayList<>();
            for (Event e : session.snapshots().journal().latest(Integer.MAX_VALUE, e -> e.timeMs() >= since)) {
                if (filter.test(e)) {
                    events.add(e);
                }
            }
        } else if (all) {
            events = session.snapshots().journal().since(0, filter);
        } else {
            events = session.snapshots().journal().latest(DEFAULT_EVENTS, filter);
        }
        if (args.flag("json")) {
            leaderlab.shell.command.Json json = new leaderlab.shell.command.Json().beginArray();
            for (Event e : events) {
                leaderlab.shell.command.EventJson.write(json, e);
            }
            return Result.ok(json.endArray().toString());
        }
        List<String> lines = new ArrayList<>();
        events.forEach(e -> lines.add(e.format()));
        if (lines.isEmpty()) {
            lines.add("no events");
        }
        if (args.flag("follow")) {
            lines.add("following: new events print above the prompt as they happen (events off stops)");
        }
        return Result.ok(lines);
    }

    private static Result help(Args args, CommandRegistry registry) {
        args.expectAtMost(1, "help [COMMAND]");
        List<String> lines = new ArrayList<>();
        if (args.count() == 0) {
            lines.add("Commands (help COMMAND for details and examples):");
            for (Command command : registry.all()) {
                lines.add(String.format(Locale.ROOT, "  %-10s %s", command.name(), command.summary()));
            }
            lines.add(
                    "Times are cluster time. Kafka's rules are followed; where leaderlab simplifies, help COMMAND says so.");
            return Result.ok(lines);
        }
        Command command = registry.find(args.positional(0, "a command"));
        if (command == null) {
            List<String> close = registry.suggestions(args.positional(0, ""));
            throw new CommandException("no command '" + args.positional(0, "") + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        }
        lines.add("usage: " + command.usage());
        lines.add("  " + command.summary());
        if (!command.details().isEmpty()) {
            lines.add("");
            lines.addAll(wrap(command.details(), 96));
        }
        if (!command.examples().isEmpty()) {
            lines.add("");
            lines.add("examples:");
            command.examples().forEach(e -> lines.add("  " + e));
        }
        return Result.ok(lines);
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("  ");
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 2) {
                lines.add(line.toString());
                line = new StringBuilder("  ");
            }
            line.append(line.length() > 2 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
