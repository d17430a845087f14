package leaderlab.shell.commands;

import java.util.List;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * Finalized feature levels, as {@code kafka-features} sets them. Only eligible.leader.replicas.version
 * is modelled: 1 (Kafka 4.4's default for a new cluster) or 0 (as before 4.1).
 */
final class FeatureCommands {

    private static final ConfigKey ELR = ConfigKey.ELIGIBLE_LEADER_REPLICAS_VERSION;

    private FeatureCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("feature")
                .usage("feature [describe] | feature set eligible.leader.replicas.version 0|1")
                .summary("show or set a feature level (eligible leader replicas on or off)")
                .details("eligible.leader.replicas.version=1 (the default, as a freshly formatted Kafka 4.4 "
                        + "cluster): replicas leaving an ISR below min.insync.replicas become eligible leader "
                        + "replicas (ELR), the ISR may become empty, and an ELR member is elected cleanly. 0 turns "
                        + "them off, as Kafka before 4.1: the last ISR member stays in the ISR even when it is dead. "
                        + "Turning it off clears every ELR and LastKnownElr.")
                .example("feature")
                .example("feature set eligible.leader.replicas.version 0")
                .run(FeatureCommands::feature));
        registry.add(Command.builder("kafka-features")
                .usage("kafka-features (describe | upgrade|downgrade --feature eligible.leader.replicas.version=N)")
                .summary("kafka-features.sh spelling of feature")
                .options("feature", "bootstrap-server")
                .example("kafka-features downgrade --feature eligible.leader.replicas.version=0")
                .run(FeatureCommands::kafkaFeatures));
    }

    private static Result feature(Args args, Session session) {
        String verb = args.count() == 0 ? "describe" : args.positional(0, "describe or set");
        if (verb.equals("describe")) {
            args.expectAtMost(1, "feature [describe]");
            return describe(session);
        }
        if (!verb.equals("set")) {
            throw new CommandException("usage: feature [describe] | feature set eligible.leader.replicas.version 0|1");
        }
        args.expectAtMost(3, "feature set NAME LEVEL");
        return set(
                session,
                args.positional(1, "a feature name, e.g. " + ELR.key()),
                args.positional(2, "a level, 0 or 1"));
    }

    private static Result kafkaFeatures(Args args, Session session) {
        String verb = args.positional(0, "describe, upgrade or downgrade");
        args.expectAtMost(1, "kafka-features describe|upgrade|downgrade ...");
        if (verb.equals("describe")) {
            return describe(session);
        }
        String feature = args.option("feature");
        if (!(verb.equals("upgrade") || verb.equals("downgrade")) || feature == null || feature.indexOf('=') <= 0) {
            throw new CommandException("usage: kafka-features upgrade|downgrade --feature " + ELR.key() + "=N");
        }
        int eq = feature.indexOf('=');
        return set(session, feature.substring(0, eq), feature.substring(eq + 1));
    }

    private static Result set(Session session, String name, String level) {
        AdminResult result = session.cluster().setFeature(name, level);
        return result.error().isError() ? Result.error(result.message()) : Result.ok(result.message());
    }

    /** kafka-features describe's line for the one modelled feature. */
    private static Result describe(Session session) {
        int level = session.cluster().snapshot().metadata().configs().getInt(ELR, null);
        return Result.ok(List.of("Feature: " + ELR.key() + "\tSupportedMinVersion: 0\tSupportedMaxVersion: 1\t"
                + "FinalizedVersionLevel: " + level));
    }
}
