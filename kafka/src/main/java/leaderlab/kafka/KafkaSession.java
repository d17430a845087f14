package leaderlab.kafka;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.metadata.PartitionName;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;

/**
 * What the commands on a real cluster share: the cluster, its observer, and what the shell remembers
 * between commands (the last produce's outcome per partition). Used on the command thread.
 */
final class KafkaSession {

    private final RealCluster cluster;
    private final Observer observer;
    /** Partition name to "acked" or Kafka's error name, for {@code expect last-produce is ...}. */
    private Map<String, String> lastProduce = Map.of();

    private final LastResults results = new LastResults();

    KafkaSession(RealCluster cluster, Observer observer) {
        this.cluster = cluster;
        this.observer = observer;
    }

    RealCluster cluster() {
        return cluster;
    }

    Observer observer() {
        return observer;
    }

    RealState state() {
        return cluster.state();
    }

    LastResults results() {
        return results;
    }

    Map<String, String> lastProduce() {
        return lastProduce;
    }

    void setLastProduce(Map<String, String> outcomes) {
        lastProduce = new TreeMap<>(outcomes);
    }

    RealState.Topic topic(RealState state, String name) {
        RealState.Topic topic = state.topic(name);
        if (topic == null) {
            List<String> known =
                    state.topics().stream().map(RealState.Topic::name).toList();
            throw new CommandException("no topic '" + name + "'"
                    + (known.isEmpty() ? " (no topics yet)" : " (topics: " + String.join(", ", known) + ")"));
        }
        return topic;
    }

    /** TOPIC-P against the cluster as it is now. */
    RealState.Partition partition(RealState state, String text) {
        PartitionName name = PartitionName.parse(text)
                .orElseThrow(() -> new CommandException("expected TOPIC-PARTITION like orders-0, got '" + text + "'"));
        RealState.Topic topic = topic(state, name.topic());
        if (name.partition() >= topic.partitions().size()) {
            throw new CommandException(topic.name() + " has partitions 0.."
                    + (topic.partitions().size() - 1) + ", not " + name.partition());
        }
        return topic.partitions().get(name.partition());
    }

    /** A broker id of the cluster leaderlab started. */
    int broker(String text) {
        int id = Parse.integer(text, "broker id");
        int count = cluster.local().options().brokers();
        if (id < 1 || id > count) {
            throw new CommandException("no broker " + id + " (brokers are 1.." + count + ")");
        }
        return id;
    }
}
