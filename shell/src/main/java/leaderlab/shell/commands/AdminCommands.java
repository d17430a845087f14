package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.PartitionName;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminOperation.ElectionType;
import leaderlab.cluster.protocol.AdminOperation.TopicPartitionRef;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.Errors;
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

/** Admin operations: leader elections, reassignment and dynamic configs. */
final class AdminCommands {

    private AdminCommands() {}

    /** Config keys with their documentation. */
    private static final Completion CONFIG_KEYS = (context, out) -> {
        for (ConfigKey key : ConfigKey.values()) {
            out.offer(key.key(), key.doc());
        }
    };

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("elect")
                .completes(Completions.byPosition(
                        Completions.words("election type", "preferred", "unclean"),
                        Completions.both(Completions.topics(), Completions.partitions())))
                .kafka(AdminCommands::electionCli)
                .usage("elect preferred|unclean (TOPIC | TOPIC-P | --all) [--json]")
                .summary("run a leader election, as kafka-leader-election does, with its per-partition results")
                .details("preferred: elect replicas[0] if it is alive and in the ISR (else Kafka keeps the current "
                        + "leader: PreferredLeaderNotAvailable). unclean: only for partitions with no leader; Kafka "
                        + "still prefers an in-sync replica and otherwise takes the first alive one, which can lose "
                        + "acknowledged records. Partitions that need nothing report 'Valid replica already elected' "
                        + "(omitted with --all). Unlike the Kafka tool, failures do not stop a script. --json prints "
                        + ResultJson.ELECT_SHAPE)
                .flags("all", "json")
                .example("elect preferred --all")
                .example("elect unclean orders-0")
                .run(AdminCommands::elect));
        registry.add(Command.builder("reassign")
                .completes(Completions.first(Completions.partitions()))
                .kafka(AdminCommands::reassignmentCli)
                .usage("reassign TOPIC-P --replicas 2,3,1 [--json]")
                .summary("move a partition's replicas; the first replica becomes its preferred leader")
                .details("As kafka-reassign-partitions --execute (KIP-455): new replicas are added and catch up, "
                        + "and once all target replicas are in the ISR the removed ones are dropped; if the leader "
                        + "was removed a new one is elected from the target replicas. Watch it with describe. --json prints "
                        + ResultJson.REASSIGN_SHAPE)
                .options("replicas")
                .flags("json")
                .example("reassign orders-0 --replicas 2,3,4")
                .run(AdminCommands::reassign));
        registry.add(Command.builder("config")
                .completes(Completions.byPosition(
                        Completions.words("change a setting", "set"), CONFIG_KEYS, Completion.NONE))
                .usage("config set KEY VALUE [--topic TOPIC]")
                .summary("change a setting cluster-wide or for one topic (Kafka's config names)")
                .details("Topic settings: min.insync.replicas, unclean.leader.election.enable. Cluster settings "
                        + "include broker.session.timeout.ms, replica.lag.time.max.ms, auto.leader.rebalance.enable, "
                        + "leader.imbalance.check.interval.seconds. Client settings: acks, request.timeout.ms. "
                        + "Brokers learn changes through the metadata log, like every other change.")
                .option("topic", Completions.topics())
                .example("config set min.insync.replicas 2 --topic orders")
                .example("config set unclean.leader.election.enable true")
                .run(AdminCommands::config));
    }

    /** kafka-leader-election for checked elect arguments, or null without a target. */
    private static String electionCli(Args args) {
        if (args.count() < 1 || (args.count() < 2 && !args.flag("all"))) {
            return null;
        }
        String scope;
        if (args.flag("all")) {
            scope = "--all-topic-partitions";
        } else {
            String target = args.positional(1, "");
            scope = PartitionName.parse(target)
                    .map(p -> "--topic " + p.topic() + " --partition " + p.partition())
                    .orElse("--topic " + target);
        }
        return "kafka-leader-election.sh " + KafkaTools.BOOTSTRAP + " --election-type "
                + args.positional(0, "").toUpperCase(Locale.ROOT) + " " + scope;
    }

    /** kafka-reassign-partitions and the JSON file it reads, or null without a partition and --replicas. */
    private static String reassignmentCli(Args args) {
        PartitionName target = args.count() < 1
                ? null
                : PartitionName.parse(args.positional(0, "")).orElse(null);
        if (target == null || args.option("replicas") == null) {
            return null;
        }
        return "kafka-reassign-partitions.sh " + KafkaTools.BOOTSTRAP
                + " --execute --reassignment-json-file reassign.json"
                + "   # reassign.json: {\"version\":1,\"partitions\":[{\"topic\":\"" + target.topic()
                + "\",\"partition\":" + target.partition() + ",\"replicas\":[" + args.option("replicas") + "]}]}";
    }

    private static Result elect(Args args, Session session) {
        String type = args.positional(0, "an election type: elect preferred|unclean (TOPIC | TOPIC-P | --all)")
                .toLowerCase(Locale.ROOT);
        ElectionType electionType = switch (type) {
            case "preferred" -> ElectionType.PREFERRED;
            case "unclean" -> ElectionType.UNCLEAN;
            default -> throw new CommandException("election type must be preferred or unclean, got '" + type + "'");
        };
        args.expectAtMost(2, "elect preferred|unclean (TOPIC | TOPIC-P | --all)");
        List<TopicPartitionRef> partitions = null;
        if (args.count() == 2) {
            if (args.flag("all")) {
                throw new CommandException("give either a topic/partition or --all, not both");
            }
            partitions = targets(session, args.positional(1, "a target"));
        } else if (!args.flag("all")) {
            throw new CommandException("say which partitions: TOPIC, TOPIC-P or --all");
        }
        AdminResult result = session.cluster().admin(new AdminOperation.ElectLeaders(electionType, partitions));
        session.setLastElection(result);
        if (result.error().isError()) {
            return Result.error(result.error().name() + ": " + result.message());
        }
        return args.flag("json")
                ? Result.ok(ResultJson.election(electionType, result))
                : Result.ok(electionReport(electionType, result));
    }

    private static List<TopicPartitionRef> targets(Session session, String text) {
        TopicInfo whole = session.cluster().snapshot().topic(text);
        if (whole != null) {
            List<TopicPartitionRef> refs = new ArrayList<>();
            for (int p = 0; p < whole.partitionCount(); p++) {
                refs.add(new TopicPartitionRef(whole.name(), p));
            }
            return refs;
        }
        Targets.TopicPartition tp = Targets.partition(session, text);
        return List.of(new TopicPartitionRef(tp.topic().name(), tp.partition()));
    }

    /** kafka-leader-election's output, line for line. */
    static List<String> electionReport(ElectionType type, AdminResult result) {
        List<String> succeeded = new ArrayList<>();
        List<String> notNeeded = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (AdminResult.PartitionResult r : result.partitions()) {
            if (r.error() == Errors.NONE) {
                succeeded.add(r.partition().toString());
            } else if (r.error() == Errors.ELECTION_NOT_NEEDED) {
                notNeeded.add(r.partition().toString());
            } else {
                failures.add("Error completing leader election (" + type + ") for partition: " + r.partition() + ": "
                        + r.error().asException(r.message()));
            }
        }
        if (!succeeded.isEmpty()) {
            lines.add("Successfully completed leader election (" + type + ") for partitions "
                    + String.join(", ", succeeded));
        }
        if (!notNeeded.isEmpty()) {
            lines.add("Valid replica already elected for partitions " + String.join(", ", notNeeded));
        }
        lines.addAll(failures);
        if (!failures.isEmpty()) {
            lines.add(failures.size() + " replica(s) could not be elected");
        }
        if (lines.isEmpty()) {
            lines.add("no partition needed an election");
        }
        return lines;
    }

    private static Result reassign(Args args, Session session) {
        args.expectAtMost(1, "reassign TOPIC-P --replicas 2,3,1");
        Targets.TopicPartition tp =
                Targets.partition(session, args.positional(0, "a partition, e.g. reassign orders-0 --replicas 2,3,1"));
        String replicas = args.option("replicas");
        if (replicas == null) {
            throw new CommandException("reassign needs --replicas, e.g. --replicas 2,3,1");
        }
        int[] target = Parse.brokerList(replicas, "--replicas");
        AdminResult result = session.cluster()
                .admin(new AdminOperation.AlterReassignment(
                        new TopicPartitionRef(tp.topic().name(), tp.partition()), target));
        if (result.error().isError()) {
            return Result.error(result.error().name() + ": " + result.message());
        }
        return Result.ok(args.flag("json") ? ResultJson.reassignment(tp.name(), target, result) : result.message());
    }

    private static Result config(Args args, Session session) {
        if (!args.positional(0, "'set KEY VALUE', e.g. config set min.insync.replicas 2")
                .equals("set")) {
            throw new CommandException("usage: config set KEY VALUE [--topic TOPIC]");
        }
        args.expectAtMost(3, "config set KEY VALUE [--topic TOPIC]");
        String key = args.positional(1, "a KEY and VALUE, e.g. config set min.insync.replicas 2");
        String value = args.positional(2, "a VALUE for " + key);
        String topic = args.option("topic");
        if (topic != null) {
            Targets.topic(session, topic);
        }
        AdminResult result = session.cluster().setConfig(key, value, topic);
        if (result.error().isError()) {
            return Result.error(result.message());
        }
        return Result.ok(result.message());
    }
}
