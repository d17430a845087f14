package leaderlab.cluster.metadata;

/**
 * A topic. Its partitions have consecutive global partition ids starting at {@code firstPartitionId};
 * the global id indexes every per-partition array in the engine.
 */
public record TopicInfo(String name, String topicId, int firstPartitionId, int partitionCount) {

    public int partitionId(int index) {
        if (index < 0 || index >= partitionCount) {
            throw new IndexOutOfBoundsException(name + " has no partition " + index);
        }
        return firstPartitionId + index;
    }
}
