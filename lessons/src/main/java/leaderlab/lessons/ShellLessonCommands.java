package leaderlab.lessons;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * The lesson commands of the interactive shell: {@code lesson list|verify} and {@code record start FILE}
 * / {@code record stop}. Playing a lesson needs the whole terminal, so it starts from the launcher.
 */
final class ShellLessonCommands {

    private ShellLessonCommands() {}

    /**
     * Adds the commands to a registry (part of {@link LessonCommands#registry()}). A recording watches
     * the session's lines from {@code record start} to {@code record stop}.
     *
     * @param ender what {@code lesson end} ends (the window's presented lesson)
     */
    static void register(CommandRegistry registry, LessonEnder ender) {
        Recorder recorder = new Recorder(registry);
        registry.add(Command.builder("record")
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .usage("record start FILE | record stop")
                .summary("write what you type from now on as a lesson skeleton (Markdown) to edit")
                .details("Each group of commands becomes a step with TODO narration; a group ends at an empty line "
                        + "or after a command that shows something (describe, events, why, log, ...). The front "
                        + "matter takes the cluster's shape and seed. Lines that were errors are left out.")
                .example("record start my-lesson.md")
                .example("record stop")
                .run((args, session) -> record(args, session, recorder)));
        registry.add(Command.builder("lesson")
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .usage("lesson list | lesson verify [NAME|FILE.md] | lesson end")
                .summary("list the course's lessons, verify one, or end the one presented in the window")
                .details("Play one in the terminal with: leaderlab lesson play NAME; in the window with present NAME. "
                        + "lesson end gives the window its normal layout and the session a fresh cluster in the mode "
                        + "it started in.")
                .run((args, session) -> lesson(args, session, ender)));
    }

    private static Result record(Args args, Session session, Recorder recorder) {
        String action = args.positional(0, "start FILE or stop");
        try {
            if (action.equals("start")) {
                args.expectAtMost(2, "record start FILE");
                Path file = Path.of(args.positional(1, "a FILE to write, e.g. record start my-lesson.md"));
                recorder.start(file, session.cluster().options());
                session.observe(recorder);
                return Result.ok(
                        "recording to " + file + "; type commands, an empty line ends a step; record stop writes it");
            }
            if (action.equals("stop")) {
                args.expectAtMost(1, "record stop");
                Path file = recorder.file();
                int steps = recorder.stop();
                session.stopObserving(recorder);
                return Result.ok("wrote " + file + " (" + steps
                        + " step(s)); edit the TODOs, then: leaderlab lesson play " + file);
            }
        } catch (IOException e) {
            throw new CommandException(e.getMessage());
        }
        throw new CommandException("record takes start FILE or stop, got '" + action + "'");
    }

    private static Result lesson(Args args, Session session, LessonEnder ender) {
        String action = args.positional(0, "list, verify or end");
        if (action.equals("end")) {
            args.expectAtMost(1, "lesson end");
            if (!ender.end()) {
                throw new CommandException("no lesson is being presented (present NAME starts one in the window)");
            }
            return Result.ok("lesson ended");
        }
        LessonLibrary library = new LessonLibrary();
        List<String> lines = new ArrayList<>();
        try {
            switch (action) {
                case "list" -> {
                    args.expectAtMost(1, "lesson list");
                    for (String name : library.names()) {
                        lines.add(String.format(
                                Locale.ROOT,
                                "%-36s %s",
                                name,
                                library.load(name).title()));
                    }
                    lines.add("play one with: leaderlab lesson play NAME");
                }
                case "verify" -> {
                    args.expectAtMost(2, "lesson verify [NAME|FILE.md]");
                    List<String> names = args.count() > 1 ? List.of(args.positional(1, "")) : library.names();
                    for (String name : names) {
                        LessonVerifier.Report report = LessonVerifier.verify(library.load(name), PlayMode.SIMULATED);
                        lines.add(report.summary());
                        lines.addAll(report.failures());
                    }
                }
                case "play" ->
                    throw new CommandException("a lesson plays on its own cluster from the launcher: "
                            + "leaderlab lesson play " + (args.count() > 1 ? args.positional(1, "") : "NAME"));
                default -> throw new CommandException("lesson takes list, verify or end, got '" + action + "'");
            }
        } catch (IOException e) {
            throw new CommandException(e.getMessage());
        } catch (LessonFormatException e) {
            throw new CommandException(String.join("; ", e.errors()));
        }
        return Result.ok(lines);
    }
}
