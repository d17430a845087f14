package leaderlab.cluster.broker;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.LogSlice;
import leaderlab.cluster.protocol.ReplicaApi.FetchPartition;
import leaderlab.cluster.protocol.ReplicaApi.FetchRequest;
import leaderlab.cluster.protocol.ReplicaApi.FetchResponse;
import leaderlab.cluster.protocol.ReplicaApi.FetchedPartition;
import leaderlab.cluster.runtime.Address;

/**
 * The leader side of replication: one fetch session per follower (Kafka's FetchSession, KIP-227).
 * The session remembers each partition's fetch position, so an idle partition costs nothing per
 * fetch; a fetch with nothing to answer is held for replica.fetch.wait.max.ms and answered early when
 * a partition gets records. Only partitions with something to say are in an answer.
 *
 * <p>Kafka updates every session partition's follower state on every fetch. Skipping unchanged ones is
 * exact: an unchanged position is either caught up (then the follower's last fetch time is credited
 * when the leader next appends, see {@link Partition#creditIdleFollower}) or has records on the way.
 */
final class FetchServer {

    private static final class Session {
        final int id;
        int epoch;
        final PartitionIdMap<FetchPartition> known = new PartitionIdMap<>();
        final PartitionIdMap<Long> sentHighWatermark = new PartitionIdMap<>();
        final Map<Integer, FetchedPartition> immediate = new TreeMap<>();
        /** Partitions to look at when answering: positions that changed, or news on the leader. */
        final BitSet pending = new BitSet();
        /** Partitions whose ISR lacks this follower: re-checked on every fetch, as they may now join. */
        final BitSet outOfIsr = new BitSet();

        long lastFetchMs;
        Address heldFrom;
        long heldGeneration = -1;

        Session(int id) {
            this.id = id;
        }
    }

    private final ReplicaManager manager;
    private final ByBrokerId<Session> sessions = new ByBrokerId<>();
    private int nextSessionId;
    private long generation;

    FetchServer(ReplicaManager manager) {
        this.manager = manager;
    }

    void onRequest(Address from, FetchRequest request, IntPredicate eligible) {
        int follower = request.replicaId();
        Session session;
        if (request.full()) {
            session = new Session(++nextSessionId);
            sessions.put(follower, session);
        } else {
            session = sessions.get(follower);
            Errors error = session == null || session.id != request.sessionId()
                    ? Errors.FETCH_SESSION_ID_NOT_FOUND
                    : request.sessionEpoch() != session.epoch + 1 ? Errors.INVALID_FETCH_SESSION_EPOCH : Errors.NONE;
            if (error.isError()) {
                sessions.remove(follower);
                manager.context.send(from, new FetchResponse(error, 0, List.of()));
                return;
            }
            session.epoch = request.sessionEpoch();
        }
        long now = manager.context.nowMs();
        session.lastFetchMs = now;
        for (int id : request.forgotten()) {
            session.known.remove(id);
            session.sentHighWatermark.remove(id);
            session.pending.clear(id);
            session.outOfIsr.clear(id);
        }
        BitSet accepted = new BitSet();
        for (FetchPartition fetch : request.partitions()) {
            session.known.put(fetch.partitionId(), fetch);
            session.pending.set(fetch.partitionId());
            accepted.set(fetch.partitionId());
            accept(follower, session, fetch, now, eligible);
        }
        // An unchanged position still counts as a fetch now for followers outside the ISR: they may
        // have become eligible to join it since (Kafka re-checks every session partition every fetch).
        BitSet recheck = (BitSet) session.outOfIsr.clone();
        recheck.andNot(accepted);
        for (int id = recheck.nextSetBit(0); id >= 0; id = recheck.nextSetBit(id + 1)) {
            FetchPartition known = session.known.get(id);
            if (known != null) {
                session.pending.set(id);
                accept(follower, session, known, now, eligible);
            }
        }
        if (hasNews(session)) {
            respond(follower, session, from);
        } else {
            session.heldFrom = from;
            session.heldGeneration = ++generation;
            manager.context.schedule(
                    manager.config(ConfigKey.REPLICA_FETCH_WAIT_MAX_MS),
                    new BrokerTimers.HeldFetchExpiry(follower, session.heldGeneration));
        }
    }

    /** Updates the follower's state for a position it reported; errors and divergence answer at once. */
    private void accept(int follower, Session session, FetchPartition fetch, long now, IntPredicate eligible) {
        Partition partition = manager.partitions.get(fetch.partitionId());
        FetchedPartition answer = partition == null
                ? new FetchedPartition(fetch.partitionId(), Errors.NOT_LEADER_OR_FOLLOWER, -1, null, LogSlice.EMPTY)
                : partition.acceptFollowerFetch(follower, fetch, now);
        if (answer != null) {
            session.immediate.put(fetch.partitionId(), answer);
            return;
        }
        session.outOfIsr.set(
                partition.id,
                partition.isLeader()
                        && !leaderlab.cluster.metadata.Replicas.contains(partition.committedIsr(), follower));
        int[] expanded = partition.maybeExpandIsr(follower, eligible);
        if (expanded != null) {
            manager.sendAlterPartition(
                    partition,
                    expanded,
                    "broker " + follower + " caught up (fetch offset " + fetch.fetchOffset() + " >= HW "
                            + partition.log.highWatermark() + ")");
        }
        manager.maybeIncrementHighWatermark(partition);
        manager.markDirty(partition);
    }

    private boolean hasNews(Session session) {
        if (!session.immediate.isEmpty()) {
            return true;
        }
        for (int id = session.pending.nextSetBit(0); id >= 0; id = session.pending.nextSetBit(id + 1)) {
            if (answerFor(session, id) != null) {
                return true;
            }
        }
        return false;
    }

    /** What to tell the follower about one pending partition, or null if nothing. */
    private FetchedPartition answerFor(Session session, int id) {
        FetchedPartition immediate = session.immediate.get(id);
        if (immediate != null) {
            return immediate;
        }
        FetchPartition fetch = session.known.get(id);
        Partition partition = manager.partitions.get(id);
        if (fetch == null) {
            return null;
        }
        if (partition == null || !partition.isLeader() || partition.leaderEpoch() != fetch.currentLeaderEpoch()) {
            return new FetchedPartition(
                    id,
                    partition != null && partition.isLeader() && partition.leaderEpoch() > fetch.currentLeaderEpoch()
                            ? Errors.FENCED_LEADER_EPOCH
                            : Errors.NOT_LEADER_OR_FOLLOWER,
                    -1,
                    null,
                    LogSlice.EMPTY);
        }
        long hw = partition.log.highWatermark();
        boolean newRecords = fetch.fetchOffset() < partition.log.endOffset();
        if (!newRecords && hw == session.sentHighWatermark.getOrDefault(id, -1L)) {
            return null;
        }
        return partition.readForFollower(fetch.fetchOffset(), ReplicaManager.MAX_RECORDS_PER_FETCH);
    }

    private void respond(int follower, Session session, Address to) {
        List<FetchedPartition> out = new ArrayList<>();
        for (int id = session.pending.nextSetBit(0); id >= 0; id = session.pending.nextSetBit(id + 1)) {
            FetchedPartition answer = answerFor(session, id);
            if (answer != null) {
                out.add(answer);
                if (answer.error() == Errors.NONE && answer.diverging() == null) {
                    session.sentHighWatermark.put(id, answer.highWatermark());
                }
            }
        }
        session.pending.clear();
        session.immediate.clear();
        session.heldFrom = null;
        session.heldGeneration = -1;
        manager.context.send(to, new FetchResponse(Errors.NONE, session.id, out));
    }

    void onHeldFetchExpiry(BrokerTimers.HeldFetchExpiry expiry) {
        Session session = sessions.get(expiry.followerId());
        if (session != null && session.heldGeneration == expiry.generation()) {
            respond(expiry.followerId(), session, session.heldFrom);
        }
    }

    /**
     * The leader appended to a partition (from {@code previousEnd}): its followers have news, and those
     * that were caught up at their last fetch are credited for it before they look behind.
     */
    void onAppend(Partition partition, long previousEnd) {
        for (int replica : partition.replicas()) {
            Session session = sessions.get(replica);
            if (session != null && session.known.containsKey(partition.id)) {
                partition.creditIdleFollower(replica, previousEnd, session.lastFetchMs);
                session.pending.set(partition.id);
                if (session.heldFrom != null) {
                    respond(replica, session, session.heldFrom);
                }
            }
        }
    }

    /**
     * Something about a partition changed on this leader (HW, leadership, ISR): tell followers on their
     * next answer, and re-check on every fetch the followers the ISR now lacks.
     */
    void onNews(Partition partition) {
        for (int replica : partition.replicas()) {
            Session session = sessions.get(replica);
            if (session != null && session.known.containsKey(partition.id)) {
                session.pending.set(partition.id);
                session.outOfIsr.set(
                        partition.id,
                        partition.isLeader()
                                && !leaderlab.cluster.metadata.Replicas.contains(partition.committedIsr(), replica));
            }
        }
    }
}
