package leaderlab.cluster.broker;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.protocol.ControllerApi.AlterPartitionRequest;
import leaderlab.cluster.protocol.ControllerApi.AlterPartitionResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.ReplicaApi.FetchRequest;
import leaderlab.cluster.protocol.ReplicaApi.FetchResponse;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.view.PersistentArray;
import leaderlab.cluster.view.ReplicaView;

/**
 * A broker's replicas (Kafka's ReplicaManager): applies leadership from replayed metadata, serves and
 * sends follower fetches, keeps ISRs through AlterPartition, and answers clients through
 * {@link ClientRequests}. Single-threaded, owned by the broker node.
 */
final class ReplicaManager {

    static final int MAX_RECORDS_PER_FETCH = 1000;

    final int self;
    /** This broker as the journal names it. */
    private final NodeId source;

    final NodeContext context;
    private final BrokerStorage storage;
    private final MetadataImage image;
    private final Broker broker;
    final PartitionTable partitions = new PartitionTable();
    private final FollowerFetcher fetcher = new FollowerFetcher(this);
    private final FetchServer fetchServer = new FetchServer(this);
    private final Map<Integer, Long> alterGenerations = new HashMap<>();
    private final PersistentArray.Builder<ReplicaView> views = new PersistentArray.Builder<>();
    private final BitSet dirty = new BitSet();
    private final ClientRequests clients;
    private long generation;
    private long appendLatencyMs;
    private long diskFreeAtMs;

    ReplicaManager(Broker broker, NodeContext context, BrokerStorage storage, MetadataImage image) {
        this.broker = broker;
        this.self = broker.id;
        this.source = NodeId.broker(broker.id);
        this.context = context;
        this.storage = storage;
        this.image = image;
        this.clients = new ClientRequests(this);
    }

    ClientRequests clients() {
        return clients;
    }

    long config(ConfigKey key) {
        return image.configs().getLong(key);
    }

    int minIsr(Partition partition) {
        String topic = image.partition(partition.id).topic();
        return partition.effectiveMinIsr(image.configs().getInt(ConfigKey.MIN_INSYNC_REPLICAS, topic));
    }

    void markDirty(Partition partition) {
        dirty.set(partition.id);
    }

    void journal(Partition partition, EventDetail detail, String cause) {
        context.journal().append(context.nowMs(), source, partition.topicPartition, detail, cause, -1);
    }

    /** An unfenced, not shutting down broker, as this broker's metadata shows it. */
    private boolean isEligible(int replica) {
        BrokerRegistration registration = image.broker(replica);
        return registration != null && registration.active();
    }

    // ---- Leadership from metadata ----------------------------------------------------------------

    /** The ids of the partitions this broker has a replica of; read-only. */
    BitSet hostedPartitions() {
        return partitions.ids();
    }

    /** Applies one partition's new registration, replayed from the metadata log. */
    void apply(PartitionRegistration registration) {
        Partition partition = partitions.get(registration.id());
        if (!registration.hasReplica(self)) {
            if (partition != null) {
                stopReplica(partition, registration);
            }
            return;
        }
        if (partition == null) {
            partition = new Partition(self, registration, storage.log(registration.id()));
            partitions.put(partition.id, partition);
        } else if (registration.leaderEpoch() == partition.leaderEpoch()
                && registration.partitionEpoch() <= partition.partitionEpoch()) {
            return; // already known, e.g. from this leader's own AlterPartition response
        }
        if (registration.leader() == self) {
            boolean newLeadership = !partition.isLeader() || registration.leaderEpoch() > partition.leaderEpoch();
            partition.becomeLeader(registration, context.nowMs());
            if (newLeadership) {
                moveFetcher(partition, PartitionRegistration.NO_LEADER);
                journal(
                        partition,
                        new EventDetail.BecameLeader(self, partition.leaderEpoch(), partition.leaderEpochStartOffset()),
                        "metadata: elected by the controller");
            }
            fetchServer.onNews(partition);
            maybeIncrementHighWatermark(partition);
        } else {
            boolean changed = partition.role() == Partition.Role.LEADER
                    || registration.leaderEpoch() > partition.leaderEpoch()
                    || partition.leaderId() != registration.leader();
            if (partition.isLeader()) {
                fetchServer.onNews(partition);
                clients.failPending(
                        partition,
                        Errors.NOT_LEADER_OR_FOLLOWER,
                        "leadership moved to "
                                + (registration.hasLeader() ? "broker " + registration.leader() : "nobody"));
            }
            if (changed) {
                partition.becomeFollower(registration);
                if (registration.hasLeader()) {
                    journal(
                            partition,
                            new EventDetail.BecameFollower(self, registration.leader(), partition.leaderEpoch()),
                            "metadata: new leader");
                }
            } else {
                partition.updateState(registration);
            }
            if (changed || partition.fetchingFrom() != registration.leader()) {
                // Same leader and epoch (an ISR change): the fetch position the leader holds is still right.
                moveFetcher(partition, registration.leader());
            }
        }
        markDirty(partition);
    }

    private void stopReplica(Partition partition, PartitionRegistration registration) {
        clients.failPending(partition, Errors.NOT_LEADER_OR_FOLLOWER, "replica removed by reassignment");
        partition.stop();
        moveFetcher(partition, PartitionRegistration.NO_LEADER);
        partitions.remove(partition.id);
        storage.delete(partition.id);
        views.set(partition.id, null);
        journal(
                partition,
                new EventDetail.ReplicaDeleted(self),
                "no longer in replicas " + Replicas.bracketed(registration.replicas()));
    }

    private void moveFetcher(Partition partition, int leader) {
        fetcher.move(partition, leader);
    }

    // ---- Replication ------------------------------------------------------------------------------

    long brokerEpoch() {
        return broker.brokerEpoch();
    }

    void onFetchResponse(int leaderId, FetchResponse response) {
        fetcher.onResponse(leaderId, response);
    }

    void onFetchRetry(BrokerTimers.FetchRetry retry) {
        fetcher.onRetry(retry);
    }

    void onFetchRequest(Address from, FetchRequest request) {
        // KIP-841/903: a follower may join the ISR only if it is active and fetches with its current epoch.
        IntPredicate eligible = replica -> isEligible(replica)
                && (replica != request.replicaId() || image.broker(replica).epoch() == request.brokerEpoch());
        fetchServer.onRequest(from, request, eligible);
    }

    void onHeldFetchExpiry(BrokerTimers.HeldFetchExpiry expiry) {
        fetchServer.onHeldFetchExpiry(expiry);
    }

    /** The leader appended records from {@code previousEnd}: followers have news. */
    void onLeaderAppend(Partition partition, long previousEnd) {
        fetchServer.onAppend(partition, previousEnd);
    }

    void maybeIncrementHighWatermark(Partition partition) {
        long before = partition.log.highWatermark();
        if (partition.maybeIncrementHighWatermark(
                context.nowMs(), config(ConfigKey.REPLICA_LAG_TIME_MAX_MS), minIsr(partition), this::isEligible)) {
            long after = partition.log.highWatermark();
            journal(partition, new EventDetail.HwAdvanced(self, before, after, partition.maximalIsr()), "replication");
            clients.completePending(partition);
            fetchServer.onNews(partition);
            markDirty(partition);
        }
    }

    // ---- ISR changes ------------------------------------------------------------------------------

    /** Runs every replica.lag.time.max.ms / 2: asks to drop followers that fell behind (§2.2). */
    void onIsrExpiration() {
        long now = context.nowMs();
        long lagMax = config(ConfigKey.REPLICA_LAG_TIME_MAX_MS);
        for (Partition partition : partitions.values()) {
            int[] outOfSync = partition.outOfSyncReplicas(now, lagMax);
            if (outOfSync.length > 0) {
                StringBuilder reason = new StringBuilder();
                for (int replica : outOfSync) {
                    long lastCaughtUp = partition.lastCaughtUpMs(replica);
                    reason.append(reason.length() == 0 ? "" : "; ")
                            .append("broker ")
                            .append(replica)
                            .append(
                                    lastCaughtUp < 0
                                            ? " never caught up"
                                            : " not caught up for " + (now - lastCaughtUp) + " ms");
                }
                reason.append(" (replica.lag.time.max.ms=").append(lagMax).append(")");
                int[] isr = Replicas.withoutAll(partition.committedIsr(), outOfSync);
                partition.proposeIsr(isr);
                sendAlterPartition(partition, isr, reason.toString());
            }
        }
    }

    void sendAlterPartition(Partition partition, int[] newIsr, String reason) {
        long sent = ++generation;
        alterGenerations.put(partition.id, sent);
        context.send(
                broker.controller(),
                new AlterPartitionRequest(
                        self,
                        broker.brokerEpoch(),
                        partition.id,
                        partition.leaderEpoch(),
                        partition.partitionEpoch(),
                        newIsr,
                        false,
                        reason));
        context.schedule(
                config(ConfigKey.REQUEST_TIMEOUT_MS), new BrokerTimers.AlterPartitionTimeout(partition.id, sent));
    }

    void onAlterPartitionTimeout(BrokerTimers.AlterPartitionTimeout timeout) {
        Long sent = alterGenerations.get(timeout.partitionId());
        Partition partition = partitions.get(timeout.partitionId());
        if (sent != null && sent == timeout.generation() && partition != null) {
            alterGenerations.remove(timeout.partitionId());
            partition.settleIsrProposal();
        }
    }

    /** Kafka's handling of the AlterPartition answer (§2.4). */
    void onAlterPartitionResponse(AlterPartitionResponse response) {
        alterGenerations.remove(response.partitionId());
        Partition partition = partitions.get(response.partitionId());
        if (partition == null || !partition.isLeader()) {
            return;
        }
        switch (response.error()) {
            case NONE -> {
                PartitionRegistration registration = response.registration();
                if (registration.leaderEpoch() == partition.leaderEpoch()
                        && registration.partitionEpoch() > partition.partitionEpoch()) {
                    partition.updateState(registration);
                }
                partition.settleIsrProposal();
                fetchServer.onNews(partition);
                maybeIncrementHighWatermark(partition);
                markDirty(partition);
            }
            case INELIGIBLE_REPLICA -> partition.settleIsrProposal();
            case FENCED_LEADER_EPOCH,
                    INVALID_UPDATE_VERSION,
                    INVALID_REQUEST,
                    NEW_LEADER_ELECTED,
                    UNKNOWN_TOPIC_OR_PARTITION -> {
                // Stay pending until newer metadata arrives.
            }
            default -> partition.settleIsrProposal();
        }
    }

    // ---- Disk ----------------------------------------------------------------------------------------

    void setAppendLatencyMs(long latencyMs) {
        this.appendLatencyMs = latencyMs;
    }

    /**
     * Runs a log write on the disk: at once when the disk is healthy; otherwise after the slow disk's
     * latency, one write after another. Heartbeats and metadata are not disk writes, so a broker with a
     * slow disk stays registered and unfenced while its replicas lag (a gray failure).
     */
    void onDisk(Runnable write) {
        if (appendLatencyMs <= 0) {
            write.run();
            return;
        }
        long now = context.nowMs();
        diskFreeAtMs = Math.max(now, diskFreeAtMs) + appendLatencyMs;
        context.schedule(diskFreeAtMs - now, new BrokerTimers.DiskWrite(write));
    }

    boolean diskIsSlow() {
        return appendLatencyMs > 0;
    }

    void flushAll() {
        for (Partition partition : partitions.values()) {
            partition.log.flush();
        }
    }

    // ---- Lifecycle and views ----------------------------------------------------------------------

    void shutdown() {
        for (Partition partition : partitions.values()) {
            clients.failPending(partition, Errors.NOT_LEADER_OR_FOLLOWER, "broker shutting down");
        }
    }

    PersistentArray<ReplicaView> views() {
        for (int id = dirty.nextSetBit(0); id >= 0; id = dirty.nextSetBit(id + 1)) {
            Partition partition = partitions.get(id);
            if (partition != null) {
                views.set(
                        id,
                        new ReplicaView(
                                id,
                                partition.role().name(),
                                partition.leaderEpoch(),
                                partition.leaderId(),
                                partition.committedIsr(),
                                partition.log.view()));
            }
        }
        dirty.clear();
        return views.freeze();
    }
}
