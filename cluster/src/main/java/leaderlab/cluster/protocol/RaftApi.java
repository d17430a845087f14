package leaderlab.cluster.protocol;

import java.util.List;
import leaderlab.cluster.metadata.MetadataRecord;

/**
 * Messages among the controllers of the KRaft quorum (KIP-595, pre-vote KIP-996): elections and the
 * pull-based replication of the metadata log from the quorum leader to the other voters.
 */
public final class RaftApi {

    private RaftApi() {}

    /**
     * A (pre-)vote request. A pre-vote carries the candidate's current epoch and changes nobody's state;
     * a real vote carries the epoch the candidate has moved to.
     */
    public record VoteRequest(int epoch, int candidateId, int lastEpoch, long lastEndOffset, boolean preVote)
            implements ToController {}

    /** @param leaderId the leader the voter knows in its epoch, or -1 */
    public record VoteResponse(int epoch, int voterId, boolean granted, boolean preVote, int leaderId)
            implements ToController {}

    /** The new leader announcing itself to the other voters. */
    public record BeginQuorumEpochRequest(int epoch, int leaderId) implements ToController {}

    /** A resigning leader telling the voters, best successor first, so they need not wait a timeout. */
    public record EndQuorumEpochRequest(int epoch, int leaderId, List<Integer> preferredSuccessors)
            implements ToController {}

    /** A follower voter fetching the metadata log from {@code fetchOffset}. */
    public record QuorumFetchRequest(int epoch, int replicaId, long fetchOffset, int lastFetchedEpoch)
            implements ToController {}

    /**
     * The leader's answer: either records (each with the epoch it was written in) and the high
     * watermark, or a diverging epoch the follower must truncate to; or, from a voter that does not lead
     * the epoch, its epoch and the leader it knows so the follower can catch up.
     *
     * @param divergingEpoch -1 unless the follower's log diverges from the leader's
     */
    public record QuorumFetchResponse(
            Errors error,
            int epoch,
            int leaderId,
            long baseOffset,
            List<MetadataRecord> records,
            int[] recordEpochs,
            long highWatermark,
            int divergingEpoch,
            long divergingEndOffset)
            implements ToController {

        /** An answer without records: the asked voter cannot serve this fetch. */
        public static QuorumFetchResponse refused(
                Errors error, int epoch, int leaderId, long fetchOffset, long highWatermark) {
            return new QuorumFetchResponse(
                    error, epoch, leaderId, fetchOffset, List.of(), new int[0], highWatermark, -1, -1);
        }
    }
}
