package leaderlab.cluster.protocol;

import java.util.List;
import java.util.Map;

/** What an admin client can ask of the controller. */
public sealed interface AdminOperation {

    /** @param assignment explicit replica lists per partition, or null to let the controller place them */
    record CreateTopic(
            String name, int partitions, int replicationFactor, int[][] assignment, Map<String, String> configs)
            implements AdminOperation {}

    enum ElectionType {
        PREFERRED,
        UNCLEAN
    }

    /** @param partitions the partitions to elect for, or null for all partitions */
    record ElectLeaders(ElectionType type, List<TopicPartitionRef> partitions) implements AdminOperation {}

    record AlterReassignment(TopicPartitionRef partition, int[] targetReplicas) implements AdminOperation {}

    /** Lowest leadership priority for a broker (or back to normal). */
    record Demote(int broker, boolean demoted) implements AdminOperation {}

    /** @param topic null for a cluster-wide setting */
    record AlterConfig(String key, String value, String topic) implements AdminOperation {}

    /** Kafka's UpdateFeatures (kafka-features upgrade/downgrade): a finalized feature level. */
    record UpdateFeature(String feature, String level) implements AdminOperation {}

    record TopicPartitionRef(String topic, int partition) {
        @Override
        public String toString() {
            return topic + "-" + partition;
        }
    }
}
