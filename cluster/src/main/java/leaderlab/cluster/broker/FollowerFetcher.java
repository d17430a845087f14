package leaderlab.cluster.broker;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.ReplicaApi.FetchPartition;
import leaderlab.cluster.protocol.ReplicaApi.FetchRequest;
import leaderlab.cluster.protocol.ReplicaApi.FetchResponse;
import leaderlab.cluster.protocol.ReplicaApi.FetchedPartition;
import leaderlab.cluster.runtime.Address;

/**
 * The follower side of replication (Kafka's ReplicaFetcherThread): one fetch session per leader, full
 * the first time and incremental after (only partitions whose position changed), appending what comes
 * back, learning the high watermark, and truncating on a diverging epoch.
 */
final class FollowerFetcher {

    /** Partitions this broker fetches from one leader, and what that leader already knows of them. */
    private static final class Session {
        final java.util.BitSet partitions = new java.util.BitSet();
        /** Partitions moved away that the leader still has in its session. */
        final java.util.BitSet forgotten = new java.util.BitSet();

        final PartitionIdMap<FetchPartition> sent = new PartitionIdMap<>();
        /** Partitions whose position may have changed since it was last sent (so idle ones cost nothing). */
        final java.util.BitSet changed = new java.util.BitSet();

        boolean inFlight;
        long generation;
        int sessionId;
        int sessionEpoch;
    }

    private final ReplicaManager manager;
    private final ByBrokerId<Session> sessions = new ByBrokerId<>();
    private long generation;

    FollowerFetcher(ReplicaManager manager) {
        this.manager = manager;
    }

    /**
     * Stops fetching the partition from its old leader and starts fetching it from {@code leader}.
     * Only the one session that holds the partition is touched, so a metadata batch that moves many
     * partitions costs one step each however many leaders there are.
     */
    void move(Partition partition, int leader) {
        int target = leader == manager.self ? PartitionRegistration.NO_LEADER : leader;
        Session old = sessions.get(partition.fetchingFrom());
        if (old != null && partition.fetchingFrom() != target) {
            old.partitions.clear(partition.id);
            if (old.sent.containsKey(partition.id)) {
                old.forgotten.set(partition.id);
            }
        }
        partition.startFetchingFrom(target);
        if (target != PartitionRegistration.NO_LEADER) {
            Session session = sessions.computeIfAbsent(target, id -> new Session());
            session.partitions.set(partition.id);
            session.forgotten.clear(partition.id);
            session.changed.set(partition.id);
            maybeSend(target);
        }
    }

    private FetchPartition position(Partition partition) {
        return new FetchPartition(
                partition.id, partition.leaderEpoch(), partition.log.endOffset(), partition.log.lastRecordEpoch());
    }

    void maybeSend(int leaderId) {
        Session session = sessions.get(leaderId);
        if (session == null || session.inFlight || (session.partitions.isEmpty() && session.sent.isEmpty())) {
            return;
        }
        boolean full = session.sessionId == 0;
        List<FetchPartition> entries = new ArrayList<>();
        List<Integer> forgotten = new ArrayList<>();
        if (full) {
            session.sent.clear();
            session.sessionEpoch = 0;
        } else {
            for (int id = session.forgotten.nextSetBit(0); id >= 0; id = session.forgotten.nextSetBit(id + 1)) {
                forgotten.add(id);
                session.sent.remove(id);
            }
            session.sessionEpoch++;
        }
        session.forgotten.clear();
        java.util.BitSet candidates = full ? session.partitions : session.changed;
        for (int id = candidates.nextSetBit(0); id >= 0; id = candidates.nextSetBit(id + 1)) {
            if (!session.partitions.get(id)) {
                continue;
            }
            FetchPartition entry = position(manager.partitions.get(id));
            if (full || !entry.equals(session.sent.get(id))) {
                entries.add(entry);
                session.sent.put(id, entry);
            }
        }
        session.changed.clear();
        session.inFlight = true;
        session.generation = ++generation;
        manager.context.send(
                Address.broker(leaderId),
                new FetchRequest(
                        manager.self,
                        manager.brokerEpoch(),
                        session.sessionId,
                        session.sessionEpoch,
                        full,
                        entries,
                        forgotten));
        manager.context.schedule(
                manager.config(ConfigKey.REQUEST_TIMEOUT_MS),
                new BrokerTimers.FetchRetry(leaderId, session.generation));
    }

    /** A lost request or response, or the end of a backoff: start over with a full fetch. */
    void onRetry(BrokerTimers.FetchRetry retry) {
        Session session = sessions.get(retry.leaderId());
        if (session != null && session.generation == retry.generation()) {
            session.inFlight = false;
            session.sessionId = 0;
            maybeSend(retry.leaderId());
        }
    }

    void onResponse(int leaderId, FetchResponse response) {
        Session session = sessions.get(leaderId);
        if (session == null || !session.inFlight) {
            return;
        }
        if (manager.diskIsSlow()
                && response.partitions().stream().anyMatch(p -> p.records().size() > 0)) {
            // The fetcher waits for the slow disk before it applies the answer and fetches again.
            long pending = ++generation;
            session.generation = pending;
            manager.onDisk(() -> {
                if (session.generation == pending) {
                    apply(leaderId, session, response);
                }
            });
            return;
        }
        apply(leaderId, session, response);
    }

    private void apply(int leaderId, Session session, FetchResponse response) {
        session.inFlight = false;
        if (response.error().isError()) {
            session.sessionId = 0;
            maybeSend(leaderId);
            return;
        }
        session.sessionId = response.sessionId();
        boolean onlyErrors = !response.partitions().isEmpty();
        for (FetchedPartition fetched : response.partitions()) {
            Partition partition = manager.partitions.get(fetched.partitionId());
            if (partition == null || partition.role() != Partition.Role.FOLLOWER || partition.leaderId() != leaderId) {
                continue;
            }
            session.changed.set(fetched.partitionId());
            if (fetched.error().isError()) {
                // Ask again once metadata or a backoff has changed something.
                session.sent.remove(fetched.partitionId());
                continue;
            }
            onlyErrors = false;
            if (fetched.diverging() != null) {
                Truncation.onDivergence(manager, partition, fetched.diverging(), leaderId);
                session.sent.remove(fetched.partitionId());
            } else {
                if (fetched.records().size() > 0 && fetched.records().baseOffset() == partition.log.endOffset()) {
                    partition.log.append(fetched.records());
                }
                partition.log.setHighWatermark(Math.min(fetched.highWatermark(), partition.log.endOffset()));
            }
            manager.markDirty(partition);
        }
        if (onlyErrors) {
            session.inFlight = true;
            session.generation = ++generation;
            manager.context.schedule(
                    manager.config(ConfigKey.REPLICA_FETCH_BACKOFF_MS),
                    new BrokerTimers.FetchRetry(leaderId, session.generation));
        } else {
            maybeSend(leaderId);
        }
    }
}
