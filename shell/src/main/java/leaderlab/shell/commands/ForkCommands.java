package leaderlab.shell.commands;

import leaderlab.shell.bundle.Fork;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/** {@code fork [at TIME]} and {@code unfork}: what-if branches of a simulated run. */
final class ForkCommands {

    private ForkCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("fork")
                .usage("fork [at TIME]")
                .summary("branch a what-if off this simulated run at a past moment (default: now); unfork returns")
                .details("The fork is a fresh cluster with the run's seed that replays the run's commands up to TIME "
                        + "(a time from history, events or the scrubber), so it is exactly the run as it was when its clock "
                        + "reached TIME (a command that started at TIME itself, like a kill, has not happened yet); "
                        + "from there, type different commands. A moment inside a wait is reached by waiting less; "
                        + "one inside another command (a produce that blocked) forks just before that command. "
                        + "unfork goes back to the original run exactly as it was. Seeded runs only.")
                .example("fork at 12.5s")
                .example("fork")
                .completes(Completions.words("at TIME", "at"))
                // A lesson plays on a cluster of its own, which Back already rewinds by replay.
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .run(ForkCommands::fork));
        registry.add(Command.builder("unfork")
                .usage("unfork")
                .summary("leave the what-if fork and return to the original run as it was")
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .run(ForkCommands::unfork));
    }

    private static Result fork(Args args, Session session) {
        args.expectAtMost(2, "fork [at TIME]");
        long atMs = session.cluster().nowMs();
        if (args.count() > 0) {
            if (!args.positional(0, "at").equals("at") || args.count() != 2) {
                throw new CommandException(
                        "fork takes 'at TIME', e.g. fork at 12.5s; got '" + String.join(" ", args.positionals()) + "'");
            }
            atMs = Parse.durationMs(args.positional(1, "a time, e.g. 12.5s"));
        }
        return Fork.fork(session, atMs);
    }

    private static Result unfork(Args args, Session session) {
        args.expectAtMost(0, "unfork");
        return Fork.unfork(session);
    }
}
