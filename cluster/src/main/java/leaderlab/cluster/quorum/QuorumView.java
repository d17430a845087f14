package leaderlab.cluster.quorum;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One controller's quorum state as published for readers (the {@code quorum} command, the window, the
 * invariant checks): immutable.
 *
 * @param voters      as the leader sees them (log end offset and last fetch of each), empty elsewhere
 * @param epochStarts the first offset of each epoch in its log, oldest first (enough to compare logs)
 * @param lastFetchMs as a follower: when it last fetched from the leader successfully, else -1
 */
public record QuorumView(
        int id,
        QuorumState.Role role,
        int epoch,
        int leaderId,
        int votedFor,
        long endOffset,
        long highWatermark,
        Map<Integer, LeaderState.VoterProgress> voters,
        List<OffsetAndEpoch> epochStarts,
        long lastFetchMs) {

    /** @param leader the leader's side of replication, null unless the voter leads */
    static QuorumView of(QuorumState state, RaftLog log, long highWatermark, LeaderFetches leader, long lastFetchMs) {
        return new QuorumView(
                state.localId(),
                state.role(),
                state.epoch(),
                state.leaderId(),
                state.votedFor(),
                log.endOffset(),
                highWatermark,
                leader == null
                        ? Map.of()
                        : Collections.unmodifiableMap(
                                new TreeMap<>(leader.state().voters())),
                log.epochStarts(),
                lastFetchMs);
    }

    public boolean isLeader() {
        return role == QuorumState.Role.LEADER;
    }

    /** The epoch of the record at {@code offset}, from the epoch starts; -1 beyond the log end. */
    public int epochAt(long offset) {
        if (offset < 0 || offset >= endOffset) {
            return -1;
        }
        int epoch = -1;
        for (OffsetAndEpoch start : epochStarts) {
            if (start.offset() > offset) {
                break;
            }
            epoch = start.epoch();
        }
        return epoch;
    }
}
