package leaderlab.app.window;

import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionHealth;

/**
 * The health numbers Kafka operators watch, computed from one snapshot: leaders per broker (balance),
 * and the under-replicated, under-min-ISR, at-min-ISR and offline partition counts, each partition judged
 * by {@link PartitionHealth} exactly as describe's filters judge it. O(partitions), so the window computes
 * it a few times a second, not every frame.
 */
public record ClusterMetrics(
        Map<Integer, Integer> leadersPerBroker, int underReplicated, int underMinIsr, int atMinIsr, int offline) {

    public static ClusterMetrics of(ClusterSnapshot snapshot) {
        Map<Integer, Integer> leaders = new TreeMap<>();
        snapshot.brokers().forEach(b -> leaders.put(b.id(), 0));
        int underReplicated = 0;
        int underMinIsr = 0;
        int atMinIsr = 0;
        int offline = 0;
        for (TopicInfo topic : snapshot.topics()) {
            for (int p = 0; p < topic.partitionCount(); p++) {
                PartitionRegistration partition =
                        snapshot.metadata().partitions().get(topic.partitionId(p));
                PartitionHealth health = PartitionHealth.of(partition, snapshot);
                if (health.offline()) {
                    offline++;
                } else {
                    leaders.merge(partition.leader(), 1, Integer::sum);
                }
                underReplicated += health.underReplicated() ? 1 : 0;
                underMinIsr += health.underMinIsr() ? 1 : 0;
                atMinIsr += health.atMinIsr() ? 1 : 0;
            }
        }
        return new ClusterMetrics(leaders, underReplicated, underMinIsr, atMinIsr, offline);
    }
}
