package leaderlab.shell.commands;

import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/** Session-level commands: start over with a fresh cluster. */
final class SessionCommands {

    private SessionCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("reset")
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .usage("reset [--brokers N] [--controllers N] [--racks R] [--seed N]")
                .summary("throw the cluster away and start a fresh one (same shape unless options say otherwise)")
                .details("--seed N switches to the deterministic simulator with that seed; without it the cluster "
                        + "keeps its current runtime (live, or simulated with the same seed).")
                .options("brokers", "controllers", "racks", "seed")
                .example("reset")
                .example("reset --brokers 5 --racks 3")
                .example("reset --controllers 1")
                .run(SessionCommands::reset));
    }

    private static Result reset(Args args, Session session) {
        args.expectAtMost(0, "reset [--brokers N] [--controllers N] [--racks R] [--seed N]");
        ClusterOptions old = session.cluster().options();
        int brokers = args.intOption("brokers", old.brokers());
        int controllers = args.intOption("controllers", old.controllers());
        int racks = args.intOption("racks", args.option("brokers") != null && old.racks() > brokers ? 0 : old.racks());
        boolean simulated = old.simulated() || args.option("seed") != null;
        long seed = args.option("seed") == null ? old.seed() : args.intOption("seed", 0);
        ClusterOptions options;
        try {
            options = new ClusterOptions(brokers, racks, seed, simulated, old.kafkaTimings(), controllers);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        session.replaceCluster(Cluster.start(options));
        return Result.ok("fresh cluster: " + brokers + " broker(s), " + controllers + " controller(s)"
                + (racks > 0 ? " on " + racks + " rack(s)" : "")
                + (simulated ? ", simulated with seed " + seed : ", live"));
    }
}
