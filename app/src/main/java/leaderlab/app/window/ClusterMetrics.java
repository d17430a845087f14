package leaderlab.app.window;

import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The health numbers Kafka operators watch, computed from one snapshot: leaders per broker (balance),
 * and the under-replicated, under-min-ISR and offline partition counts (as kafka-topics' filters
 * define them). O(partitions), so the window computes it a few times a second, not every frame.
 */
public record ClusterMetrics(Map<Integer, Integer> leadersPerBroker, int underReplicated, int underMinIsr,
                             int offline) {

    public static ClusterMetrics of(ClusterSnapshot snapshot) {
        Map<Integer, Integer> leaders = new TreeMap<>();
        snapshot.brokers().forEach(b -> leaders.put(b.id(), 0));
        int underReplicated = 0;
        int underMinIsr = 0;
        int offline = 0;
        for (TopicInfo topic : snapshot.topics()) {
            int minIsr = snapshot.metadata().configs().getInt(ConfigKey.MIN_INSYNC_REPLICAS, topic.name());
            for (int p = 0; p < topic.partitionCount(); p++) {
                PartitionRegistration partition = snapshot.metadata().partitions().get(topic.partitionId(p));
                if (!partition.hasLeader()) {
                    offline++;
                } else {
                    leaders.merge(partition.leader(), 1, Integer::sum);
                }
                if (partition.isr().length < partition.replicationFactor()) {
                    underReplicated++;
                }
                if (partition.isr().length < minIsr) {
                    underMinIsr++;
                }
            }
        }
        return new ClusterMetrics(leaders, underReplicated, underMinIsr, offline);
    }
}
