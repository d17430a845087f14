package leaderlab.cluster.protocol;

import java.util.List;
import leaderlab.cluster.runtime.Message;

/** Follower fetches: how replication works (pull-based, as in Kafka). */
public final class ReplicaApi {

    private ReplicaApi() {
    }

    /** @param lastFetchedEpoch epoch of the follower's last record, for divergence checks (KIP-595 fetch) */
    public record FetchPartition(int partitionId, int currentLeaderEpoch, long fetchOffset, int lastFetchedEpoch) {
    }

    public record FetchRequest(int replicaId, long brokerEpoch, List<FetchPartition> partitions) implements Message {
    }

    /** The leader's answer when the follower's log diverges: truncate using this (epoch, end offset). */
    public record DivergingEpoch(int epoch, long endOffset) {
    }

    /** @param diverging non-null when the follower must truncate first (then no records are sent) */
    public record FetchedPartition(int partitionId, Errors error, long highWatermark, DivergingEpoch diverging,
                                   LogSlice records) {
    }

    public record FetchResponse(List<FetchedPartition> partitions) implements Message {
    }
}
