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
public record RealState(long timeMs, List<Broker> brokers, List<Topic> topics, Quorum quorum) {

    /** A state without the controller quorum (tests of what does not concern it). */
    public RealState(long timeMs, List<Broker> brokers, List<Topic> topics) {
        this(timeMs, brokers, topics, null);
    }

    /**
     * The KRaft controller quorum as describeMetadataQuorum reports it (the active controller's view).
     *
     * @param running the voters whose process runs (all of them on an attached cluster: leaderlab cannot tell)
     */
    public record Quorum(
            int leaderId, int leaderEpoch, long highWatermark, List<Voter> voters, List<Integer> running) {}

    /** @param logEndOffset the voter's metadata log end offset as the leader last heard it */
    public record Voter(int id, long logEndOffset) {}

    /**
     * One broker.
     *
     * @param state RUNNING (registered and unfenced), FENCED (its process runs, the controller does not
     *              list it), STALLED (SIGSTOP), STOPPED (no process)
     * @param registration what the controller reports (describeCluster with fenced brokers): UNFENCED,
     *              FENCED, or UNREGISTERED when it does not list the broker at all
     * @param pid   its JVM's pid when leaderlab started it, else -1
     */
    public record Broker(int id, String rack, String state, String registration, long pid) {

        /** Whether its process runs (as far as leaderlab can tell: an attached cluster's always seem to). */
        public boolean running() {
            return !state.equals("STOPPED");
        }

        /**
         * Whether the controller lists it as registered and unfenced, whatever its process does: a killed
         * broker stays unfenced until its session times out.
         */
        public boolean unfenced() {
            return registration.equals("UNFENCED");
        }
    }

    /**
     * @param configs         the topic's own settings (kafka-topics' Configs column)
     * @param uncleanElection unclean.leader.election.enable in force for it, whatever its source
     * @param staleSinceMs    -1 when this poll read it; else the time of the poll that last did, because
     *                        since then Kafka answered for this topic alone with {@code staleReason} (e.g.
     *                        UNKNOWN_TOPIC_OR_PARTITION while it is created or deleted): what is shown is
     *                        the last known state
     */
    public record Topic(
            String name,
            String topicId,
            Map<String, String> configs,
            int minIsr,
            boolean uncleanElection,
            List<Partition> partitions,
            long staleSinceMs,
            String staleReason) {

        public Topic(String name, String topicId, Map<String, String> configs, int minIsr, List<Partition> partitions) {
            this(name, topicId, configs, minIsr, false, partitions, -1, null);
        }

        public boolean stale() {
            return staleSinceMs >= 0;
        }

        /** This topic kept as last known, since {@code lastReadMs} (kept if already stale), for {@code reason}. */
        public Topic keptStale(long lastReadMs, String reason) {
            return new Topic(
                    name,
                    topicId,
                    configs,
                    minIsr,
                    uncleanElection,
                    partitions,
                    stale() ? staleSinceMs : lastReadMs,
                    reason);
        }
    }

    /**
     * One partition.
     *
     * @param leader        broker id, -1 without one
     * @param leaderEpoch   the leader epoch listOffsets reported with the high watermark, -1 when unknown
     * @param highWatermark the leader's (Admin.listOffsets latest), -1 when it has no leader or did not answer
     */
    public record Partition(
            String topic,
            int partition,
            int leader,
            int leaderEpoch,
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

    /** The topics this poll kept as last known (their reads failed alone), in name order. */
    public List<Topic> staleTopics() {
        return topics.stream().filter(Topic::stale).toList();
    }

    public long offlinePartitions() {
        return topics.stream()
                .flatMap(t -> t.partitions().stream())
                .filter(p -> p.leader() < 0)
                .count();
    }
}
