package leaderlab.cluster.metadata;

import java.util.Map;
import java.util.SortedMap;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.view.PersistentArray;

/**
 * An immutable picture of the metadata one node has replayed, up to (not including) {@code offset}.
 * The controller's is the truth; a broker's may lag behind it.
 */
public record MetadataView(
        long offset,
        SortedMap<Integer, BrokerRegistration> brokers,
        Map<String, TopicInfo> topics,
        PersistentArray<PartitionRegistration> partitions,
        Configs configs) {

    public PartitionRegistration partition(String topic, int index) {
        TopicInfo info = topics.get(topic);
        if (info == null || index < 0 || index >= info.partitionCount()) {
            return null;
        }
        return partitions.get(info.partitionId(index));
    }
}
