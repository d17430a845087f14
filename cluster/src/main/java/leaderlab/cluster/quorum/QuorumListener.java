package leaderlab.cluster.quorum;

/** What a voter tells its controller about the leadership and the high watermark. */
public interface QuorumListener {

    /** Now the active controller: the log holds this epoch's leader-change record. */
    void onBecomeLeader(int epoch);

    /** No longer the active controller (resigned, or a higher epoch exists). */
    void onLeadershipLost();

    /** Records below {@code highWatermark} are committed: brokers may now see them. */
    void onCommit(long highWatermark);
}
