package leaderlab.cluster.journal;

/** The partition an event is about, as the shell names it ({@code orders-0}). */
public record TopicPartition(String topic, int partition) {

    public boolean is(String topicName, int partitionIndex) {
        return partition == partitionIndex && topic.equals(topicName);
    }

    /** "topic-partition". */
    public String name() {
        return topic + "-" + partition;
    }

    @Override
    public String toString() {
        return name();
    }
}
