package leaderlab.shell.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import leaderlab.shell.bundle.RunBundle;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/** {@code save run FILE}: the current simulated run as a bundle that {@code leaderlab replay} reproduces. */
final class BundleCommands {

    static final String LIVE_REFUSAL = "save run needs a seeded run: a live cluster's timing comes from real threads, "
            + "so no replay could reproduce it exactly (start with --seed N, or reset --seed N)";

    private BundleCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("save")
                .usage("save run FILE")
                .summary(
                        "write this simulated run (options, seed, every command with its cluster time, journal digest) "
                                + "to FILE")
                .details("The file is small text: diff it, attach it to an issue or a course page. ./leaderlab replay "
                        + "FILE runs it again and checks the journal digest after every command, naming the line where "
                        + "a run parts from it. It holds the commands since the cluster started (or since the last "
                        + "reset); rejected commands and commands that write files are left out. Live runs (no --seed) "
                        + "are refused: their timing comes from real threads.")
                .example("save run acks1-loss.run")
                .completes(Completions.words("what to save", "run"))
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .run(BundleCommands::save));
    }

    static Path writeText(String file, String text) {
        Path path = Path.of(file);
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return path;
    }

    private static Result save(Args args, Session session) {
        args.expectAtMost(2, "save run FILE");
        if (!args.positional(0, "what to save: run").equals("run")) {
            throw new CommandException("save takes 'run FILE', got '" + args.positional(0, "") + "'");
        }
        String file = args.positional(1, "a file name, e.g. save run my.run");
        if (!session.cluster().options().simulated()) {
            throw new CommandException(LIVE_REFUSAL);
        }
        RunBundle bundle = session.runLog().bundle();
        writeText(file, bundle.format());
        return Result.ok("saved " + bundle.entries().size() + " command(s), " + bundle.events() + " events (digest "
                + bundle.digest() + ") to " + file);
    }
}
