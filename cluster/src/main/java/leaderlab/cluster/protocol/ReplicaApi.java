package leaderlab.cluster.protocol;

import java.util.List;

/** Follower fetches: how replication works (pull-based, as in Kafka). */
public final class ReplicaApi {

    private ReplicaApi() {}

    /** @param lastFetchedEpoch epoch of the follower's last record, for divergence checks (KIP-595 fetch) */
    public record FetchPartition(int partitionId, int currentLeaderEpoch, long fetchOffset, int lastFetchedEpoch) {}

    /**
     * A follower fetch within a fetch session (Kafka's KIP-227): a full request lists every partition
     * and opens a new session; an incremental one lists only partitions whose fetch position changed,
     * plus those the follower no longer fetches from this leader.
     *
     * @param sessionEpoch increments with every incremental request, so a lost request is detected
     */
    public record FetchRequest(
            int replicaId,
            long brokerEpoch,
            int sessionId,
            int sessionEpoch,
            boolean full,
            List<FetchPartition> partitions,
            List<Integer> forgotten)
            implements ToBroker {}

    /** The leader's answer when the follower's log diverges: truncate using this (epoch, end offset). */
    public record DivergingEpoch(int epoch, long endOffset) {}

    /** @param diverging non-null when the follower must truncate first (then no records are sent) */
    public record FetchedPartition(
            int partitionId, Errors error, long highWatermark, DivergingEpoch diverging, LogSlice records) {}

    /**
     * The leader's answer: only partitions with something to say (records, a new high watermark, an
     * error or a divergence), or a session error that makes the follower start a new full session.
     */
    public record FetchResponse(Errors error, int sessionId, List<FetchedPartition> partitions) implements ToBroker {}
}
