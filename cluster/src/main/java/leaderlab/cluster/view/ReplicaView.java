package leaderlab.cluster.view;

/**
 * One replica as its own broker sees it, immutable.
 *
 * @param role        LEADER, FOLLOWER or OFFLINE (no leader known)
 * @param leaderEpoch the leader epoch this replica acts on (may lag the controller's)
 * @param leaderId    the leader this replica believes in, -1 if none
 */
public record ReplicaView(int partitionId, String role, int leaderEpoch, int leaderId, int[] isr, LogView log) {

    public long endOffset() {
        return log.endOffset();
    }

    public long highWatermark() {
        return log.highWatermark();
    }
}
