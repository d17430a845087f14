package leaderlab.cluster.view;

import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.PartitionRegistration;

/**
 * A partition's health as kafka-topics' filters define it: the one computation behind both
 * {@code describe --under-min-isr-partitions} (and its siblings) and the window's health counts.
 *
 * @param underReplicated replication factor (not counting replicas being added) above the ISR size
 * @param underMinIsr     no leader, or fewer in sync than the topic's min.insync.replicas
 * @param atMinIsr        exactly min.insync.replicas in sync
 * @param unavailable     no leader, or its leader's process is not running
 * @param offline         no leader
 */
public record PartitionHealth(
        boolean underReplicated, boolean underMinIsr, boolean atMinIsr, boolean unavailable, boolean offline) {

    public static PartitionHealth of(PartitionRegistration partition, ClusterSnapshot snapshot) {
        int minIsr = snapshot.metadata().configs().getInt(ConfigKey.MIN_INSYNC_REPLICAS, partition.topic());
        int isr = partition.isr().length;
        boolean offline = !partition.hasLeader();
        ClusterSnapshot.BrokerState leader = offline ? null : snapshot.broker(partition.leader());
        return new PartitionHealth(
                partition.replicationFactor() > isr,
                offline || isr < minIsr,
                isr == minIsr,
                offline || leader == null || !leader.running(),
                offline);
    }

    /** The health of the partition a view shows (the view's registration, as of the same snapshot). */
    public static PartitionHealth of(PartitionView partition, ClusterSnapshot snapshot) {
        return of(snapshot.metadata().partition(partition.topic(), partition.partition()), snapshot);
    }
}
