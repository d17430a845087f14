package leaderlab.cluster.quorum;

import java.util.List;

/**
 * What a controller keeps on disk across restarts: its metadata log and its quorum state (epoch and
 * vote, Kafka's quorum-state file), so a restarted voter can neither vote twice in an epoch nor lose
 * records it acknowledged.
 */
public final class QuorumStorage {

    private final RaftLog log = new RaftLog();
    private final QuorumState state;

    public QuorumStorage(int localId, List<Integer> voterIds) {
        this.state = new QuorumState(localId, voterIds);
    }

    public RaftLog log() {
        return log;
    }

    public QuorumState state() {
        return state;
    }
}
