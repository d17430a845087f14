package leaderlab.shell.commands;

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
 * Kafka's own tool spellings, so what students type here works on a real cluster: each is translated
 * to the core command it means and run through the same dispatcher. {@code --bootstrap-server} is
 * accepted and ignored.
 */
final class KafkaTools {

    /** How the Kafka-equivalent lines address the cluster. */
    static final String BOOTSTRAP = "--bootstrap-server localhost:9092";

    private KafkaTools() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("kafka-topics")
                .recording(Command.Recording.ENDS_STEP)
                .usage("kafka-topics (--describe [--topic T] [filters] | --create --topic T [--partitions N] "
                        + "[--replication-factor R] [--replica-assignment A] [--config K=V] | --list)")
                .summary("kafka-topics.sh spelling of create/describe")
                .options(
                        "topic", "partitions", "replication-factor", "replica-assignment", "config", "bootstrap-server")
                .flags(
                        "describe",
                        "create",
                        "list",
                        "under-replicated-partitions",
                        "under-min-isr-partitions",
                        "at-min-isr-partitions",
                        "unavailable-partitions")
                .example("kafka-topics --describe --topic orders")
                .example("kafka-topics --describe --under-replicated-partitions")
                .example("kafka-topics --create --topic orders --partitions 3 --replication-factor 3")
                .run(KafkaTools::topics));
        registry.add(Command.builder("kafka-leader-election")
                .usage(
                        "kafka-leader-election --election-type preferred|unclean (--all-topic-partitions | --topic T --partition P)")
                .summary("kafka-leader-election.sh spelling of elect")
                .options("election-type", "topic", "partition", "bootstrap-server")
                .flags("all-topic-partitions")
                .example("kafka-leader-election --election-type preferred --all-topic-partitions")
                .run(KafkaTools::leaderElection));
        registry.add(Command.builder("kafka-configs")
                .usage(
                        "kafka-configs --alter (--entity-type topics --entity-name T | --entity-type brokers --entity-default) "
                                + "--add-config K=V[,K=V]")
                .summary("kafka-configs.sh spelling of config set")
                .options("entity-type", "entity-name", "add-config", "bootstrap-server")
                .flags("alter", "entity-default")
                .example(
                        "kafka-configs --alter --entity-type topics --entity-name orders --add-config min.insync.replicas=2")
                .run(KafkaTools::configs));
    }

    private static Result topics(Args args, Session session) {
        args.expectAtMost(0, "kafka-topics --describe|--create|--list ...");
        String topic = args.option("topic");
        if (args.flag("list")) {
            return Result.ok(new ArrayList<>(
                    session.cluster().snapshot().metadata().topics().keySet()));
        }
        if (args.flag("create")) {
            if (topic == null) {
                throw new CommandException("kafka-topics --create needs --topic NAME");
            }
            StringBuilder line = new StringBuilder("create topic ").append(topic);
            for (String option : List.of("partitions", "replication-factor", "replica-assignment")) {
                if (args.option(option) != null) {
                    line.append(" --").append(option).append(' ').append(args.option(option));
                }
            }
            args.optionValues("config").forEach(c -> line.append(" --config ").append(c));
            return session.run(line.toString());
        }
        if (args.flag("describe")) {
            StringBuilder line = new StringBuilder("describe");
            if (topic != null) {
                line.append(' ').append(topic);
            }
            for (String filter : Describe.FILTERS) {
                if (args.flag(filter)) {
                    line.append(" --").append(filter);
                }
            }
            return session.run(line.toString());
        }
        throw new CommandException("kafka-topics needs --describe, --create or --list");
    }

    private static Result leaderElection(Args args, Session session) {
        args.expectAtMost(0, "kafka-leader-election --election-type TYPE ...");
        String type = args.option("election-type");
        if (type == null) {
            throw new CommandException("kafka-leader-election needs --election-type preferred|unclean");
        }
        String target;
        if (args.flag("all-topic-partitions")) {
            target = "--all";
        } else if (args.option("topic") != null && args.option("partition") != null) {
            target = args.option("topic") + "-" + args.option("partition");
        } else {
            throw new CommandException("give --all-topic-partitions, or --topic T with --partition P");
        }
        return session.run("elect " + type.toLowerCase(Locale.ROOT) + " " + target);
    }

    private static Result configs(Args args, Session session) {
        args.expectAtMost(0, "kafka-configs --alter ...");
        if (!args.flag("alter") || args.option("add-config") == null) {
            throw new CommandException("kafka-configs needs --alter and --add-config K=V");
        }
        String entityType = args.option("entity-type");
        String topic;
        if ("topics".equals(entityType) && args.option("entity-name") != null) {
            topic = args.option("entity-name");
        } else if ("brokers".equals(entityType) && args.flag("entity-default")) {
            topic = null;
        } else {
            throw new CommandException(
                    "use --entity-type topics --entity-name T, or --entity-type brokers --entity-default");
        }
        List<String> lines = new ArrayList<>();
        for (String entry : args.option("add-config").split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new CommandException("--add-config takes K=V pairs separated by commas, got '" + entry + "'");
            }
            Result result = session.run("config set " + entry.substring(0, eq) + " " + entry.substring(eq + 1)
                    + (topic == null ? "" : " --topic " + topic));
            if (!result.isOk()) {
                return result;
            }
            lines.addAll(result.lines());
        }
        return Result.ok(lines);
    }
}
