package leaderlab.cluster.broker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.LogSlice;
import leaderlab.cluster.protocol.ReplicaApi.DivergingEpoch;
import leaderlab.cluster.protocol.ReplicaApi.FetchPartition;
import leaderlab.cluster.protocol.ReplicaApi.FetchedPartition;

/**
 * One replica of one partition on one broker (Kafka's Partition): its role, the leader's view of its
 * followers ({@link Followers}), ISR maintenance (§2), the high watermark (§3.2) and divergence checks (§3.4). Pure state
 * and decisions: it owns its fields and changes them only through the methods below; the
 * {@link ReplicaManager} does the sending.
 *
 * <p>Role transitions, each driven by a partition registration replayed from the metadata log:
 * <pre>
 *   becomeLeader    OFFLINE | FOLLOWER -> LEADER    leader epoch newer than the one it knows
 *                   LEADER -> LEADER                 same or newer epoch (an ISR or assignment change)
 *   becomeFollower  any role -> FOLLOWER | OFFLINE  leader epoch newer (a new leader, or none)
 *   updateState     same role, same leader          same leader epoch, ISR or replicas changed
 *   stop            any role -> STOPPED              a reassignment removed the replica; final
 * </pre>
 * A leader epoch never goes backwards, and a STOPPED replica never changes again: anything else
 * throws {@link IllegalStateException}, because it would mean this broker acted on stale metadata
 * as if it were new.
 */
final class Partition {

    enum Role {
        LEADER,
        FOLLOWER,
        OFFLINE,
        STOPPED
    }

    final int id;
    final String name;
    /** The partition as the journal names it, made once. */
    final TopicPartition topicPartition;

    final ReplicaLog log;
    private final int self;
    private Role role = Role.OFFLINE;
    private int leaderId = PartitionRegistration.NO_LEADER;
    /** The leader whose fetch session holds this partition (kept by FollowerFetcher), or NO_LEADER. */
    private int fetchingFrom = PartitionRegistration.NO_LEADER;

    private int leaderEpoch = -1;
    private int partitionEpoch = -1;
    private int[] replicas = Replicas.NONE;
    private int[] committedIsr = Replicas.NONE;
    /** The ISR asked for in an AlterPartition still in flight, or null. */
    private int[] pendingIsr;

    private long leaderEpochStartOffset;
    private Followers followers = Followers.none();
    final List<PendingProduce> pendingProduces = new ArrayList<>();

    Partition(int self, PartitionRegistration registration, ReplicaLog log) {
        this.self = self;
        this.id = registration.id();
        this.name = registration.name();
        this.topicPartition = new TopicPartition(registration.topic(), registration.index());
        this.log = log;
    }

    Role role() {
        return role;
    }

    boolean isLeader() {
        return role == Role.LEADER;
    }

    int leaderId() {
        return leaderId;
    }

    int leaderEpoch() {
        return leaderEpoch;
    }

    int partitionEpoch() {
        return partitionEpoch;
    }

    int[] replicas() {
        return replicas;
    }

    /** The ISR the controller has committed (the one acks=all and min.insync.replicas count). */
    int[] committedIsr() {
        return committedIsr;
    }

    /** The ISR asked for in an AlterPartition still in flight, or null. */
    int[] pendingIsr() {
        return pendingIsr;
    }

    /** Where this leader's epoch begins in its log. */
    long leaderEpochStartOffset() {
        return leaderEpochStartOffset;
    }

    int fetchingFrom() {
        return fetchingFrom;
    }

    /** The follower fetcher moved this partition's fetch session to {@code leader} (or NO_LEADER). */
    void startFetchingFrom(int leader) {
        fetchingFrom = leader;
    }

    /** An AlterPartition asking for {@code isr} is on its way to the controller. */
    void proposeIsr(int[] isr) {
        pendingIsr = isr;
    }

    /** The AlterPartition in flight was answered, refused or timed out: the committed ISR stands. */
    void settleIsrProposal() {
        pendingIsr = null;
    }

    /** ISR used for the HW and acks: during an expansion it already counts the new member. */
    int[] maximalIsr() {
        if (pendingIsr == null) {
            return committedIsr;
        }
        int[] union = committedIsr;
        for (int member : pendingIsr) {
            union = Replicas.with(union, member);
        }
        return union;
    }

    void becomeLeader(PartitionRegistration registration, long nowMs) {
        if (registration.leader() != self) {
            throw illegal("becomeLeader", registration, "it names broker " + registration.leader() + " leader");
        }
        boolean newEpoch = registration.leaderEpoch() > leaderEpoch || role != Role.LEADER;
        requireEpoch("becomeLeader", registration, role == Role.LEADER);
        role = Role.LEADER;
        leaderId = self;
        updateEpochs(registration);
        pendingIsr = null;
        if (newEpoch) {
            log.assignEpochStartOffset(leaderEpoch, log.endOffset());
            leaderEpochStartOffset = log.endOffset();
            followers = Followers.fresh(Replicas.without(registration.replicas(), self), committedIsr, nowMs);
        } else {
            followers = followers.track(Replicas.without(registration.replicas(), self));
        }
    }

    void becomeFollower(PartitionRegistration registration) {
        if (registration.leader() == self) {
            throw illegal("becomeFollower", registration, "it names this broker leader");
        }
        requireEpoch("becomeFollower", registration, false);
        role = registration.hasLeader() ? Role.FOLLOWER : Role.OFFLINE;
        leaderId = registration.leader();
        updateEpochs(registration);
        pendingIsr = null;
    }

    /** Same leader epoch, newer partition epoch: the controller changed the ISR or replicas. */
    void updateState(PartitionRegistration registration) {
        if (registration.leaderEpoch() != leaderEpoch || registration.leader() != leaderId || role == Role.STOPPED) {
            throw illegal("updateState", registration, "it changes the leader or its epoch");
        }
        updateEpochs(registration);
        pendingIsr = null;
        if (role == Role.LEADER) {
            followers = followers.track(Replicas.without(registration.replicas(), self));
        }
    }

    /** A reassignment removed this replica: it is deleted and never changes again. */
    void stop() {
        role = Role.STOPPED;
        pendingIsr = null;
    }

    /**
     * The registration's leader epoch must be newer than the one known, or, when {@code sameAllowed}
     * (a leader told of its own ISR change), the same; never older, and never after {@link #stop}.
     */
    private void requireEpoch(String transition, PartitionRegistration registration, boolean sameAllowed) {
        if (role == Role.STOPPED) {
            throw illegal(transition, registration, "the replica was stopped and deleted");
        }
        int epoch = registration.leaderEpoch();
        if (epoch < leaderEpoch || (epoch == leaderEpoch && !sameAllowed)) {
            throw illegal(transition, registration, "leader epoch " + epoch + " is not newer than " + leaderEpoch);
        }
    }

    private IllegalStateException illegal(String transition, PartitionRegistration registration, String why) {
        return new IllegalStateException(name + " on broker " + self + ": " + transition + " from " + role
                + " at leader epoch " + leaderEpoch + " refused: " + why + " (registration leader "
                + registration.leader() + ", leader epoch " + registration.leaderEpoch() + ")");
    }

    private void updateEpochs(PartitionRegistration registration) {
        leaderEpoch = registration.leaderEpoch();
        partitionEpoch = registration.partitionEpoch();
        replicas = registration.replicas();
        committedIsr = registration.isr();
    }

    /** Kafka's Replica.isCaughtUp (§2.1). */
    boolean isCaughtUp(int replica, long nowMs, long lagMaxMs) {
        return followers.isCaughtUp(replica, log.endOffset(), nowMs, lagMaxMs);
    }

    long remoteEndOffset(int replica) {
        return followers.endOffset(replica);
    }

    long lastCaughtUpMs(int replica) {
        return followers.lastCaughtUpMs(replica);
    }

    /**
     * Checks a follower fetch (leader side). Returns an immediate answer (error or divergence), or null
     * when the fetch is valid; then the follower's state has been updated.
     */
    FetchedPartition acceptFollowerFetch(int replica, FetchPartition fetch, long nowMs) {
        if (role != Role.LEADER || !followers.contains(replica)) {
            return error(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        if (fetch.currentLeaderEpoch() < leaderEpoch) {
            return error(Errors.FENCED_LEADER_EPOCH);
        }
        if (fetch.currentLeaderEpoch() > leaderEpoch) {
            return error(Errors.UNKNOWN_LEADER_EPOCH);
        }
        if (fetch.lastFetchedEpoch() >= 0) {
            ReplicaLog.EpochEnd end = log.endOffsetFor(fetch.lastFetchedEpoch());
            if (end.epoch() < fetch.lastFetchedEpoch() || end.endOffset() < fetch.fetchOffset()) {
                return new FetchedPartition(
                        id,
                        Errors.NONE,
                        log.highWatermark(),
                        new DivergingEpoch(end.epoch(), end.endOffset()),
                        LogSlice.EMPTY);
            }
        }
        if (fetch.fetchOffset() > log.endOffset()) {
            return error(Errors.OFFSET_OUT_OF_RANGE);
        }
        followers.fetched(replica, fetch.fetchOffset(), log.endOffset(), nowMs);
        return null;
    }

    /**
     * The leader appends from {@code previousEnd}. A follower whose position was that end has been caught
     * up at every fetch until now, its last at {@code lastFetchMs} (fetch sessions skip re-sending an
     * unchanged position, see FetchServer), so credit it as Kafka's per-fetch update would have.
     */
    void creditIdleFollower(int replica, long previousEnd, long lastFetchMs) {
        followers.creditIdle(replica, previousEnd, lastFetchMs);
    }

    FetchedPartition readForFollower(long fetchOffset, int maxRecords) {
        return new FetchedPartition(
                id, Errors.NONE, log.highWatermark(), null, log.read(fetchOffset, log.endOffset(), maxRecords));
    }

    private FetchedPartition error(Errors error) {
        return new FetchedPartition(id, error, -1, null, LogSlice.EMPTY);
    }

    /**
     * §2.3: the ISR may grow by a follower that is eligible and has caught up into the current leader
     * epoch. Returns the proposed ISR, or null.
     */
    int[] maybeExpandIsr(int replica, IntPredicate eligible) {
        if (role != Role.LEADER
                || pendingIsr != null
                || Replicas.contains(committedIsr, replica)
                || !eligible.test(replica)) {
            return null;
        }
        long leo = remoteEndOffset(replica);
        if (leo < log.highWatermark() || leo < leaderEpochStartOffset) {
            return null;
        }
        pendingIsr = Replicas.with(committedIsr, replica);
        return pendingIsr;
    }

    /** §2.2: ISR members other than the leader that are no longer caught up. */
    int[] outOfSyncReplicas(long nowMs, long lagMaxMs) {
        if (role != Role.LEADER || pendingIsr != null) {
            return Replicas.NONE;
        }
        return Arrays.stream(committedIsr)
                .filter(member -> member != self && !isCaughtUp(member, nowMs, lagMaxMs))
                .toArray();
    }

    /**
     * §3.2: advance the HW to the smallest LEO among the maximal ISR and caught-up eligible followers;
     * never while the ISR is below min.insync.replicas; never backwards. Returns true if it moved.
     */
    boolean maybeIncrementHighWatermark(long nowMs, long lagMaxMs, int minIsr, IntPredicate eligible) {
        if (role != Role.LEADER || committedIsr.length < minIsr) {
            return false;
        }
        int[] maximal = maximalIsr();
        long candidate = log.endOffset();
        for (int i = 0; i < followers.count(); i++) {
            int replica = followers.idAt(i);
            boolean counts = Replicas.contains(maximal, replica)
                    || (isCaughtUp(replica, nowMs, lagMaxMs) && eligible.test(replica));
            if (counts && followers.endOffsetAt(i) < candidate) {
                candidate = followers.endOffsetAt(i);
            }
        }
        if (candidate > log.highWatermark()) {
            log.setHighWatermark(candidate);
            return true;
        }
        return false;
    }

    /** Effective min.insync.replicas: never more than the replication factor. */
    int effectiveMinIsr(int configured) {
        return Math.min(configured, replicas.length);
    }
}
