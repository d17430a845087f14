package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completion;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/** Topic commands: create and describe, in the shape of kafka-topics. */
final class TopicCommands {

    /** KEY= for each config key, so the value follows at once. */
    private static final Completion CONFIG_ASSIGNMENTS =
            (context, out) -> ConfigKey.names().forEach(k -> out.offer(k + "=", "config"));

    private TopicCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("create")
                .completes(Completions.first(Completions.words("create topic NAME", "topic")))
                .kafka(args -> args.count() < 2
                        ? null
                        : "kafka-topics.sh " + KafkaTools.BOOTSTRAP + " --create --topic "
                                + args.positional(1, "")
                                + args.words().subList(2, args.words().size()).stream()
                                        .map(w -> " " + w)
                                        .collect(java.util.stream.Collectors.joining()))
                .usage("create topic NAME [--partitions N] [--replication-factor R] "
                        + "[--replica-assignment 1:2:3,2:3:1] [--config KEY=VALUE]...")
                .summary("create a topic; the controller places replicas (rack-aware) unless you assign them")
                .details("Like kafka-topics --create. Without --replica-assignment the controller places replicas "
                        + "as Kafka's striped placer does: leaders round-robin over unfenced brokers, replicas "
                        + "spread over racks. The ISR starts as the alive replicas and the leader is the first of "
                        + "them. Defaults: num.partitions and default.replication.factor (leaderlab's classroom "
                        + "default is 3, capped at the number of brokers; Kafka's is 1).")
                .options("partitions", "replication-factor", "replica-assignment")
                .option("config", CONFIG_ASSIGNMENTS)
                .example("create topic orders --partitions 3 --replication-factor 3")
                .example("create topic payments --replica-assignment 1:2:3 --config min.insync.replicas=2")
                .run(TopicCommands::create));
        registry.add(Command.builder("describe")
                .completes(Completions.first(Completions.topics()))
                .recording(Command.Recording.ENDS_STEP)
                .kafka(args -> "kafka-topics.sh " + KafkaTools.BOOTSTRAP + " --describe"
                        + (args.count() == 0 ? "" : " --topic " + args.positional(0, "")))
                .usage("describe [TOPIC] [--json] [--under-replicated-partitions | --under-min-isr-partitions | "
                        + "--at-min-isr-partitions | --unavailable-partitions]")
                .summary("show topics as kafka-topics --describe does (leader, replicas, ISR)")
                .details("Prints Kafka's format: Leader is 'none' for an offline partition; during a reassignment "
                        + "Adding/Removing Replicas follow the ISR. Elr lists the eligible leader replicas (KIP-966, "
                        + "on as in a new Kafka 4.4 cluster): replicas that left an ISR below min.insync.replicas and "
                        + "may still be elected cleanly once the ISR is empty; LastKnownElr is the leader when the "
                        + "ISR emptied. Both stay empty with `feature set eligible.leader.replicas.version 0`. "
                        + "--json adds leader and partition epochs, ELR, the high watermark (null for a partition "
                        + "without a leader) and each replica's log end offset.")
                .flags(
                        "json",
                        "under-replicated-partitions",
                        "under-min-isr-partitions",
                        "at-min-isr-partitions",
                        "unavailable-partitions")
                .example("describe orders")
                .example("describe --under-replicated-partitions")
                .example("describe --json")
                .run(TopicCommands::describe));
    }

    private static Result create(Args args, Session session) {
        List<String> words = args.positionals();
        String name;
        if (words.size() == 2 && words.get(0).equals("topic")) {
            name = words.get(1);
        } else if (words.size() == 1 && !words.get(0).equals("topic")) {
            name = words.get(0);
        } else {
            throw new CommandException("usage: create topic NAME [--partitions N] [--replication-factor R] ...");
        }
        ClusterSnapshot snapshot = session.cluster().snapshot();
        int[][] assignment = null;
        String assignmentText = args.option("replica-assignment");
        if (assignmentText != null) {
            assignment = parseAssignment(assignmentText);
            if (args.option("partitions") != null || args.option("replication-factor") != null) {
                throw new CommandException("--replica-assignment sets partitions and replication factor; "
                        + "drop --partitions and --replication-factor");
            }
        }
        int brokers = snapshot.brokers().size();
        int partitions =
                args.intOption("partitions", snapshot.metadata().configs().getInt(ConfigKey.NUM_PARTITIONS, null));
        int replicationFactor = args.intOption(
                "replication-factor",
                Math.min(brokers, snapshot.metadata().configs().getInt(ConfigKey.DEFAULT_REPLICATION_FACTOR, null)));
        Map<String, String> configs = new LinkedHashMap<>();
        for (String entry : args.optionValues("config")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new CommandException(
                        "--config takes KEY=VALUE, e.g. --config min.insync.replicas=2; got '" + entry + "'");
            }
            configs.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        AdminResult result = session.cluster()
                .admin(new AdminOperation.CreateTopic(
                        name,
                        assignment == null ? partitions : assignment.length,
                        assignment == null ? replicationFactor : assignment[0].length,
                        assignment,
                        configs));
        if (result.error().isError()) {
            return Result.error(result.error().name() + ": " + result.message());
        }
        return Result.ok(result.message());
    }

    private static int[][] parseAssignment(String text) {
        String[] partitions = text.split(",", -1);
        int[][] assignment = new int[partitions.length][];
        for (int p = 0; p < partitions.length; p++) {
            String[] replicas = partitions[p].split(":", -1);
            assignment[p] = new int[replicas.length];
            for (int r = 0; r < replicas.length; r++) {
                if (replicas[r].isBlank()) {
                    throw new CommandException("--replica-assignment lists replicas with ':' and partitions with ',', "
                            + "e.g. 1:2:3,2:3:1; got '" + text + "'");
                }
                assignment[p][r] = Parse.integer(replicas[r], "--replica-assignment broker id");
            }
        }
        return assignment;
    }

    private static Result describe(Args args, Session session) {
        args.expectAtMost(1, "describe [TOPIC] [--json] [filter]");
        ClusterSnapshot snapshot = session.snapshots().snapshot();
        Collection<TopicInfo> topics = args.count() == 1
                ? List.of(Targets.topic(session, args.positional(0, "TOPIC")))
                : new ArrayList<>(snapshot.topics());
        if (args.flag("json")) {
            return Result.ok(Describe.json(snapshot, topics));
        }
        if (topics.isEmpty()) {
            return Result.ok("no topics yet (create topic NAME)");
        }
        String filter = null;
        for (String candidate : Describe.FILTERS) {
            if (args.flag(candidate)) {
                if (filter != null) {
                    throw new CommandException("use one partition filter at a time");
                }
                filter = candidate;
            }
        }
        return Result.ok(Describe.text(snapshot, topics, filter));
    }
}
