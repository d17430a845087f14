package leaderlab.kafka;

import java.util.List;
import java.util.Map;

/**
 * A real Kafka cluster at one moment, as the Admin API answered: brokers, and every topic's partitions
 * with leader, replicas, ISR, ELR and high watermark. Immutable; made on the command thread or the
 * observer thread and read from either.
 *
 * @param timeMs milliseconds since leaderlab connected
 */
public record RealState(long timeMs, List<Broker> brokers, List<Topic> topics) {

    /**
     * One broker.
     *
     * @param state RUNNING (registered and unfenced), FENCED (its process runs, the controller does not
     *              list it), STALLED (SIGSTOP), STOPPED (no process)
     * @param pid   its JVM's pid when leaderlab started it, else -1
     * @param unfenced whether the controller lists it as registered and unfenced (describeCluster), whatever
     *              its process does: a killed broker stays unfenced until its session times out
     */
    public record Broker(int id, String rack, String state, long pid, boolean unfenced) {

        public Broker(int id, String rack, String state, long pid) {
            this(id, rack, state, pid, state.equals("RUNNING"));
        }
    }

    /** @param configs the topic's own settings (kafka-topics' Configs column) */
    public record Topic(
            String name, String topicId, Map<String, String> configs, int minIsr, List<Partition> partitions) {}

    /**
     * One partition.
     *
     * @param leader        broker id, -1 without one
     * @param highWatermark the leader's (Admin.listOffsets latest), -1 when it has no leader or did not answer
     */
    public record Partition(
            String topic,
            int partition,
            int leader,
            List<Integer> replicas,
            List<Integer> isr,
            List<Integer> elr,
            List<Integer> lastKnownElr,
            List<Integer> adding,
            List<Integer> removing,
            long highWatermark) {

        public String name() {
            return topic + "-" + partition;
        }
    }

    public Topic topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    public Broker broker(int id) {
        return brokers.stream().filter(b -> b.id() == id).findFirst().orElse(null);
    }

    public Partition partition(String topic, int index) {
        Topic t = topic(topic);
        return t == null || index < 0 || index >= t.partitions().size()
                ? null
                : t.partitions().get(index);
    }

    public long brokersUp() {
        return brokers.stream().filter(b -> b.state().equals("RUNNING")).count();
    }

    public long offlinePartitions() {
        return topics.stream()
                .flatMap(t -> t.partitions().stream())
                .filter(p -> p.leader() < 0)
                .count();
    }
}
