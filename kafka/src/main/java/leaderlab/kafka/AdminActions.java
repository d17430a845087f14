package leaderlab.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.PartitionName;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.Errors;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.ResultJson;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ElectionNotNeededException;

/** elect, reassign, config and demote through Kafka's Admin API, reported in the words of Kafka's tools. */
final class AdminActions {

    private final KafkaSession kafka;

    AdminActions(KafkaSession kafka) {
        this.kafka = kafka;
    }

    Result elect(Args args, Session session) throws InterruptedException {
        String type = args.positional(0, "an election type: elect preferred|unclean (TOPIC | TOPIC-P | --all)")
                .toLowerCase(Locale.ROOT);
        ElectionType electionType = switch (type) {
            case "preferred" -> ElectionType.PREFERRED;
            case "unclean" -> ElectionType.UNCLEAN;
            default -> throw new CommandException("election type must be preferred or unclean, got '" + type + "'");
        };
        args.expectAtMost(2, "elect preferred|unclean (TOPIC | TOPIC-P | --all) [--json]");
        Set<TopicPartition> partitions;
        if (args.count() == 2) {
            if (args.flag("all")) {
                throw new CommandException("give either a topic/partition or --all, not both");
            }
            partitions = targets(args.positional(1, "a target"));
        } else if (args.flag("all")) {
            partitions = null;
        } else {
            throw new CommandException("elect needs a TOPIC, a TOPIC-P or --all");
        }
        List<String> lines = election(electionType, partitions, args.flag("all"), session);
        return args.flag("json")
                ? Result.ok(ResultJson.election(
                        AdminOperation.ElectionType.valueOf(electionType.name()), session.lastElection()))
                : Result.ok(lines);
    }

    /** Kafka's election and the tool's report of it: elected, not needed, or Kafka's error per partition. */
    private List<String> election(
            ElectionType type, Set<TopicPartition> partitions, boolean omitNotNeeded, Session session)
            throws InterruptedException {
        Map<TopicPartition, Optional<Throwable>> results =
                new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        results.putAll(StateReader.get(
                kafka.cluster().admin().electLeaders(type, partitions).partitions()));
        List<String> elected = new ArrayList<>();
        List<String> notNeeded = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, String> outcomes = new TreeMap<>();
        results.forEach((tp, error) -> outcomes.put(
                tp.toString(),
                error.isEmpty()
                        ? "elected"
                        : error.get() instanceof ElectionNotNeededException
                                ? "not needed"
                                : KafkaCallException.errorName(error.get())));
        kafka.results().setElected(outcomes);
        session.setLastElection(adminResult(results));
        results.forEach((tp, error) -> {
            if (error.isEmpty()) {
                elected.add(tp.toString());
            } else if (error.get() instanceof ElectionNotNeededException) {
                notNeeded.add(tp.toString());
            } else {
                lines.add("Error completing leader election (" + type + ") for partition: " + tp + ": "
                        + KafkaCallException.describe(error.get()));
            }
        });
        if (!elected.isEmpty()) {
            lines.add(
                    0,
                    "Successfully completed leader election (" + type + ") for partitions "
                            + String.join(", ", elected));
        }
        if (!notNeeded.isEmpty() && !omitNotNeeded) {
            lines.add("Valid replica already elected for partitions " + String.join(", ", notNeeded));
        }
        if (lines.isEmpty()) {
            lines.add("No partition needed a " + type.toString().toLowerCase(Locale.ROOT) + " election");
        }
        return lines;
    }

    /** Kafka's answer as the simulator's controller gives it: per partition, NONE or the error and its message. */
    private static AdminResult adminResult(Map<TopicPartition, Optional<Throwable>> results) {
        List<AdminResult.PartitionResult> partitions = new ArrayList<>();
        results.forEach((tp, error) -> partitions.add(new AdminResult.PartitionResult(
                new AdminOperation.TopicPartitionRef(tp.topic(), tp.partition()),
                error.isEmpty() ? Errors.NONE : ClientActions.error(KafkaCallException.errorName(error.get())),
                error.isEmpty() ? "" : KafkaCallException.describe(error.get()))));
        return new AdminResult(Errors.NONE, "", partitions);
    }

    private Set<TopicPartition> targets(String text) {
        RealState state = kafka.state();
        Set<TopicPartition> out = new HashSet<>();
        if (PartitionName.parse(text).isPresent() && state.topic(text) == null) {
            RealState.Partition p = kafka.partition(state, text);
            out.add(new TopicPartition(p.topic(), p.partition()));
        } else {
            for (RealState.Partition p : kafka.topic(state, text).partitions()) {
                out.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        return out;
    }

    Result reassign(Args args) throws InterruptedException {
        args.expectAtMost(1, "reassign TOPIC-P --replicas 2,3,1 [--json]");
        RealState.Partition p = kafka.partition(kafka.state(), args.positional(0, "a partition, e.g. orders-0"));
        if (args.option("replicas") == null) {
            throw new CommandException("reassign needs --replicas, e.g. --replicas 2,3,1");
        }
        List<Integer> replicas = new ArrayList<>();
        for (int id : Parse.brokerList(args.option("replicas"), "--replicas")) {
            replicas.add(id);
        }
        move(Map.of(new TopicPartition(p.topic(), p.partition()), replicas));
        String message = "Successfully started partition reassignment for " + p.name() + " (replicas "
                + Changes.list(replicas) + "); watch it with describe";
        return Result.ok(
                args.flag("json")
                        ? ResultJson.reassignment(p.name(), Changes.ints(replicas), AdminResult.ok(message))
                        : message);
    }

    private void move(Map<TopicPartition, List<Integer>> targets) throws InterruptedException {
        Map<TopicPartition, Optional<NewPartitionReassignment>> request =
                new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        targets.forEach((tp, replicas) -> request.put(tp, Optional.of(new NewPartitionReassignment(replicas))));
        StateReader.get(
                kafka.cluster().admin().alterPartitionReassignments(request).all());
    }

    Result config(Args args) throws InterruptedException {
        if (!args.positional(0, "set: config set KEY VALUE [--topic TOPIC]").equals("set")) {
            throw new CommandException("usage: config set KEY VALUE [--topic TOPIC]");
        }
        args.expectAtMost(3, "config set KEY VALUE [--topic TOPIC]");
        String key = args.positional(1, "a KEY");
        String value = args.positional(2, "a VALUE");
        ConfigKey known = ConfigKey.byName(key).orElse(null);
        if (known != null && known.scope() == ConfigKey.Scope.CLIENT) {
            throw new CommandException(
                    key + " is a client setting; on real Kafka give it to the command " + "(e.g. produce --acks 1)");
        }
        if (known != null && known.scope() == ConfigKey.Scope.FEATURE) {
            throw new CommandException(key + " is a feature level, fixed when leaderlab formatted the cluster");
        }
        String topic = args.option("topic");
        ConfigResource resource = topic == null
                // The cluster-wide default every broker reads, as kafka-configs --entity-default sets it.
                ? new ConfigResource(ConfigResource.Type.BROKER, "")
                : new ConfigResource(
                        ConfigResource.Type.TOPIC,
                        kafka.topic(kafka.state(), topic).name());
        Map<ConfigResource, Collection<AlterConfigOp>> change =
                Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET)));
        StateReader.get(kafka.cluster().admin().incrementalAlterConfigs(change).all());
        return Result.ok("Completed updating config for " + (topic == null ? "the cluster default" : "topic " + topic)
                + ": " + key + "=" + value);
    }

    /**
     * Kafka has no demotion; its recipe (Cruise Control's demote) is to move the broker to the end of
     * every replica list it is in, then run a preferred election there.
     */
    Result demote(Args args, Session session) throws InterruptedException {
        args.expectAtMost(1, "demote BROKER");
        int broker = Parse.integer(args.positional(0, "a broker id, e.g. demote 1"), "broker id");
        RealState state = kafka.state();
        if (state.broker(broker) == null) {
            throw new CommandException("no broker " + broker);
        }
        Map<TopicPartition, List<Integer>> reorder =
                new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        for (RealState.Topic topic : state.topics()) {
            for (RealState.Partition p : topic.partitions()) {
                List<Integer> replicas = p.replicas();
                if (replicas.contains(broker) && replicas.get(replicas.size() - 1) != broker) {
                    List<Integer> moved = new ArrayList<>(replicas);
                    moved.remove(Integer.valueOf(broker));
                    moved.add(broker);
                    reorder.put(new TopicPartition(p.topic(), p.partition()), moved);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Kafka has no demote; this is its recipe: move broker " + broker
                + " last in each replica list (kafka-reassign-partitions), then a preferred election "
                + "(kafka-leader-election --election-type PREFERRED)");
        if (reorder.isEmpty()) {
            lines.add("broker " + broker + " is already last in every replica list it is in");
            return Result.ok(lines);
        }
        move(reorder);
        lines.add("moved broker " + broker + " last in " + reorder.size() + " replica list(s)");
        lines.addAll(election(ElectionType.PREFERRED, reorder.keySet(), false, session));
        return Result.ok(lines);
    }
}
