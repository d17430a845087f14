package leaderlab.cluster.view;

import java.util.Map;

/**
 * One partition as a reader sees it: the controller's registration joined with each replica's log end
 * offset (from each broker) and the leader's high watermark.
 *
 * @param leader        broker id, -1 when the partition has no leader
 * @param highWatermark the leader's HW; without a leader, the highest HW any replica has
 * @param leo           log end offset by broker id, for replicas whose broker has published one
 * @param offline       no leader
 * @param elr           eligible leader replicas (KIP-966), ascending
 * @param lastKnownElr  the leader when the ISR emptied, while the partition has none
 */
public record PartitionView(
        String topic,
        int partition,
        int leader,
        int leaderEpoch,
        int partitionEpoch,
        int[] replicas,
        int[] isr,
        int[] adding,
        int[] removing,
        boolean recovering,
        long highWatermark,
        Map<Integer, Long> leo,
        boolean offline,
        int[] elr,
        int[] lastKnownElr) {

    public String name() {
        return topic + "-" + partition;
    }
}
