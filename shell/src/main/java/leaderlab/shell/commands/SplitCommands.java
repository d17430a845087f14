package leaderlab.shell.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.cluster.journal.Event;
import leaderlab.shell.bundle.RunBundle;
import leaderlab.shell.bundle.Split;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/** {@code split "SETUP A" "SETUP B" [--script FILE]}: the same run under two configurations, in two columns. */
final class SplitCommands {

    static final int COLUMN = 58;
    private static final String USAGE = "split \"SETUP A\" \"SETUP B\" [--script FILE]";

    private SplitCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("split")
                .usage(USAGE)
                .summary("run the same commands on two clusters that differ in one setup line, side by side")
                .details("Both clusters get this session's brokers, racks and seed (simulated, so the comparison is "
                        + "exact). Each first runs its own setup line (the one difference: a config, a feature), then "
                        + "both run the same commands: those of --script FILE, or else the commands of this run so "
                        + "far. Shows both outputs in two columns, the first event where the journals part (>>), "
                        + "and a one-line diff of the outcome: leader, ISR and HW per partition, lost records. "
                        + "The session's own cluster is not touched.")
                .example(
                        "split \"config set acks 1\" \"config set acks all\" --script scripts/example-a-acks-from-config.ll")
                .example("split \"config set unclean.leader.election.enable false\" "
                        + "\"config set unclean.leader.election.enable true\"")
                .options("script")
                // A lesson step may open a split to teach a contrast; it shows what the class looks at.
                .recording(Command.Recording.ENDS_STEP)
                .run(SplitCommands::split));
    }

    private static Result split(Args args, Session session) {
        args.expectAtMost(2, USAGE);
        String left = args.positional(0, "two setup lines in quotes, e.g. " + USAGE);
        String right = args.positional(1, "a second setup line in quotes, e.g. " + USAGE);
        List<String> commands = args.option("script") == null
                ? session.runLog().entries().stream().map(RunBundle.Entry::line).toList()
                : script(args.option("script"));
        if (commands.isEmpty()) {
            throw new CommandException("nothing to compare: give --script FILE, or run some commands first");
        }
        Split.Outcome outcome = Split.run(session.cluster().options(), session.registry(), left, right, commands);
        session.showSplit(outcome);
        List<String> lines = new ArrayList<>();
        lines.add(row("A: " + left, "B: " + right, " "));
        lines.add(row("-".repeat(COLUMN), "-".repeat(COLUMN), " "));
        for (int i = 0; i < commands.size(); i++) {
            lines.add(row("> " + commands.get(i), "> " + commands.get(i), " "));
            List<String> a = outcome.left().results().get(i).lines();
            List<String> b = outcome.right().results().get(i).lines();
            for (int k = 0; k < Math.max(a.size(), b.size()); k++) {
                String l = k < a.size() ? a.get(k) : "";
                String r = k < b.size() ? b.get(k) : "";
                lines.add(row(l, r, l.equals(r) ? " " : "≠"));
            }
        }
        lines.add("");
        if (outcome.divergence() < 0) {
            lines.add("the journals do not part: every event after setup is the same on both sides");
        } else {
            Event a = Split.eventAt(outcome.left(), outcome.divergence());
            Event b = Split.eventAt(outcome.right(), outcome.divergence());
            lines.add(">> first divergent event (#" + outcome.divergence() + " after setup):");
            lines.add(">>   A: " + describe(a));
            lines.add(">>   B: " + describe(b));
        }
        lines.add("outcome A | B: " + Split.outcomeDiff(outcome));
        return Result.ok(lines);
    }

    private static String describe(Event event) {
        return event == null ? "(no more events)" : event.format().strip();
    }

    /** Two columns, each cut to its width; the gutter marks lines that differ. */
    static String row(String left, String right, String gutter) {
        return String.format(Locale.ROOT, "%-" + COLUMN + "s %s %s", fit(left), gutter, fit(right))
                .stripTrailing();
    }

    private static String fit(String text) {
        String flat = text.replace('\t', ' ');
        return flat.length() <= COLUMN ? flat : flat.substring(0, COLUMN - 1) + "…";
    }

    private static List<String> script(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
                    .toList();
        } catch (NoSuchFileException e) {
            throw new CommandException("no such script file: " + file);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
