package leaderlab.cluster.check;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.PersistentArray;
import leaderlab.cluster.view.ReplicaView;

/**
 * Kafka's safety properties, checked on snapshots: after every event in the simulator, and
 * continuously in live mode. Only partitions whose state changed since the last check are examined
 * (views are persistent arrays, so the difference is cheap to find), which keeps it affordable at
 * 100k partitions. Each violation names its invariant and the values involved, and becomes an
 * INVARIANT_VIOLATED journal event (once, until it clears).
 *
 * <ul>
 *   <li>SingleLeaderPerEpoch: at most one broker ever leads a partition in a given leader epoch.</li>
 *   <li>MonotonicEpochs: leader and partition epochs never go back.</li>
 *   <li>LeaderInIsr: the leader is in the ISR (an unclean election makes it the whole ISR).</li>
 *   <li>IsrWithinReplicas: the ISR is a subset of the replicas.</li>
 *   <li>HighWatermarkWithinIsr: the leader's HW is at most the LEO of every ISR member.</li>
 *   <li>LogMatching: every replica agrees with the leader on each offset below both their HWs.</li>
 *   <li>NoAcknowledgedRecordLost: no acknowledged record vanishes under a safe configuration
 *       (acks=all, min.insync.replicas >= 2, unclean election off); see {@link Ledger}.</li>
 * </ul>
 * The HW and log checks need views taken at one instant, so they run only on exact (simulated)
 * snapshots; live snapshots join views published at slightly different moments.
 */
public final class SafetyChecker {

    /** How many recent epochs per partition the single-leader check remembers. */
    private static final int EPOCHS_REMEMBERED = 8;

    /** How far a follower's log was found to match the leader's, for these exact log arrays. */
    private record Verified(int[] followerEpochs, int[] leaderEpochs, long upTo) {}

    /** The leader state the ledger was last checked against. */
    private record LedgerMark(int leaderEpoch, int[] leaderEpochs) {}

    private final Journal journal;
    private final Ledger ledger;
    private final LossDetector losses;
    private final List<Violation> found = new ArrayList<>();
    private final Set<String> active = new HashSet<>();
    private final Map<Integer, TreeMap<Integer, Integer>> leaderOfEpoch = new HashMap<>();
    private final Map<Integer, int[]> lastEpochs = new HashMap<>();
    private final Map<Long, Verified> verified = new HashMap<>();
    private final Map<Integer, LedgerMark> ledgerCheckedAgainst = new HashMap<>();
    private ClusterSnapshot previous;
    private final QuorumChecker quorum = new QuorumChecker();
    private volatile boolean enabled = true;

    public SafetyChecker(Journal journal, Ledger ledger) {
        this.journal = journal;
        this.ledger = ledger;
        this.losses = new LossDetector(journal, ledger);
    }

    public void setEnabled(boolean on) {
        this.enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Every violation found so far, oldest first. */
    public synchronized List<Violation> violations() {
        return List.copyOf(found);
    }

    /**
     * Checks what changed since the last call.
     *
     * @param exact true when all views were taken at one instant (the simulator)
     */
    public synchronized void check(ClusterSnapshot snapshot, boolean exact) {
        if (!enabled) {
            return;
        }
        quorum.check(
                snapshot,
                exact,
                (invariant, holds, message) -> require(invariant, "__cluster_metadata", holds, message, snapshot));
        if (snapshot.controller() == null) {
            return;
        }
        BitSet changed = changedPartitions(snapshot);
        BitSet newlyAcked = ledger.drainNewlyAcked();
        newlyAcked.stream().forEach(ledgerCheckedAgainst::remove);
        changed.or(newlyAcked);
        PersistentArray<PartitionRegistration> partitions = snapshot.metadata().partitions();
        for (int id = changed.nextSetBit(0); id >= 0; id = changed.nextSetBit(id + 1)) {
            PartitionRegistration partition = partitions.get(id);
            if (partition != null) {
                checkPartition(snapshot, partition, exact);
            }
        }
        previous = snapshot;
    }

    private BitSet changedPartitions(ClusterSnapshot snapshot) {
        BitSet changed = new BitSet();
        PersistentArray<PartitionRegistration> now = snapshot.metadata().partitions();
        if (previous == null) {
            changed.set(0, now.size());
            return changed;
        }
        now.forEachChanged(previous.metadata().partitions(), changed::set);
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            ClusterSnapshot.BrokerState before = previous.broker(broker.id());
            broker.view().replicas().forEachChanged(before.view().replicas(), changed::set);
        }
        return changed;
    }

    private void checkPartition(ClusterSnapshot snapshot, PartitionRegistration partition, boolean exact) {
        String name = partition.name();
        require(
                "IsrWithinReplicas",
                name,
                Replicas.containsAll(partition.replicas(), partition.isr()),
                () -> "ISR " + Replicas.bracketed(partition.isr()) + " is not within replicas "
                        + Replicas.bracketed(partition.replicas()),
                snapshot);
        require(
                "LeaderInIsr",
                name,
                !partition.hasLeader() || Replicas.contains(partition.isr(), partition.leader()),
                () -> "leader " + partition.leader() + " is not in ISR " + Replicas.bracketed(partition.isr()),
                snapshot);
        int[] last = lastEpochs.get(partition.id());
        require(
                "MonotonicEpochs",
                name,
                last == null || (partition.leaderEpoch() >= last[0] && partition.partitionEpoch() >= last[1]),
                () -> "epochs went back from leader epoch " + last[0] + "/partition epoch " + last[1] + " to "
                        + partition.leaderEpoch() + "/" + partition.partitionEpoch(),
                snapshot);
        lastEpochs.put(partition.id(), new int[] {partition.leaderEpoch(), partition.partitionEpoch()});
        ReplicaView leader = null;
        for (int broker : partition.replicas()) {
            ReplicaView replica = snapshot.replica(broker, partition.id());
            if (replica != null
                    && "LEADER".equals(replica.role())
                    && snapshot.broker(broker).running()) {
                claimLeadership(snapshot, name, partition.id(), replica.leaderEpoch(), broker);
                if (broker == partition.leader() && replica.leaderEpoch() == partition.leaderEpoch()) {
                    leader = replica;
                }
            }
        }
        if (leader == null) {
            return;
        }
        checkLedger(snapshot, partition, leader);
        if (exact) {
            checkHighWatermark(snapshot, partition, leader);
            checkLogMatching(snapshot, partition, leader);
        }
    }

    private void claimLeadership(ClusterSnapshot snapshot, String name, int partitionId, int epoch, int broker) {
        TreeMap<Integer, Integer> claims = leaderOfEpoch.computeIfAbsent(partitionId, id -> new TreeMap<>());
        Integer other = claims.putIfAbsent(epoch, broker);
        require(
                "SingleLeaderPerEpoch",
                name,
                other == null || other == broker,
                () -> "brokers " + other + " and " + broker + " both led in leader epoch " + epoch,
                snapshot);
        while (claims.size() > EPOCHS_REMEMBERED) {
            claims.pollFirstEntry();
        }
    }

    private void checkLedger(ClusterSnapshot snapshot, PartitionRegistration partition, ReplicaView leader) {
        // Records can only vanish when the leader changes or its log is rewritten (new arrays).
        LedgerMark mark = ledgerCheckedAgainst.put(
                partition.id(),
                new LedgerMark(partition.leaderEpoch(), leader.log().epochs()));
        if (mark != null
                && mark.leaderEpoch() == partition.leaderEpoch()
                && mark.leaderEpochs() == leader.log().epochs()) {
            return;
        }
        Ledger.Loss loss = losses.check(snapshot, partition, leader);
        require(
                "NoAcknowledgedRecordLost",
                partition.name(),
                loss == null || !loss.safe(),
                () -> loss.records().size() + " acknowledged record(s) at offsets " + loss.fromOffset() + "-"
                        + loss.toOffset() + " vanished although acks=all, min.insync.replicas>=2 and unclean "
                        + "election is off: " + loss.explanation(),
                snapshot);
    }

    private void checkHighWatermark(ClusterSnapshot snapshot, PartitionRegistration partition, ReplicaView leader) {
        for (int member : partition.isr()) {
            ReplicaView replica = snapshot.replica(member, partition.id());
            if (replica != null && snapshot.broker(member).running()) {
                long hw = leader.highWatermark();
                require(
                        "HighWatermarkWithinIsr",
                        partition.name() + "/" + member,
                        hw <= replica.endOffset(),
                        () -> "leader " + partition.leader() + " has HW " + hw + " but ISR member " + member
                                + " has LEO " + replica.endOffset(),
                        snapshot);
            }
        }
    }

    private void checkLogMatching(ClusterSnapshot snapshot, PartitionRegistration partition, ReplicaView leader) {
        LogView leaderLog = leader.log();
        for (int broker : partition.replicas()) {
            ReplicaView replica = snapshot.replica(broker, partition.id());
            if (replica == null || broker == partition.leader()) {
                continue;
            }
            LogView log = replica.log();
            long limit = Math.min(
                    Math.min(log.highWatermark(), leaderLog.highWatermark()),
                    Math.min(log.endOffset(), leaderLog.endOffset()));
            long key = ((long) partition.id() << 16) | broker;
            Verified done = verified.get(key);
            long from =
                    done != null && done.followerEpochs() == log.epochs() && done.leaderEpochs() == leaderLog.epochs()
                            ? Math.min(done.upTo(), limit)
                            : 0;
            long mismatch = -1;
            for (long offset = from; offset < limit && mismatch < 0; offset++) {
                if (log.recordIdAt(offset) != leaderLog.recordIdAt(offset)
                        || log.epochAt(offset) != leaderLog.epochAt(offset)) {
                    mismatch = offset;
                }
            }
            long at = mismatch;
            require(
                    "LogMatching",
                    partition.name() + "/" + broker,
                    at < 0,
                    () -> "broker " + broker + " has e" + log.epochAt(at) + " m" + log.recordIdAt(at) + " at offset "
                            + at
                            + " but leader " + partition.leader() + " has e" + leaderLog.epochAt(at) + " m"
                            + leaderLog.recordIdAt(at) + " (both below their high watermarks)",
                    snapshot);
            verified.put(key, new Verified(log.epochs(), leaderLog.epochs(), at < 0 ? limit : from));
        }
    }

    private void require(
            String invariant,
            String where,
            boolean holds,
            java.util.function.Supplier<String> message,
            ClusterSnapshot snapshot) {
        String key = invariant + "|" + where;
        if (holds) {
            active.remove(key);
            return;
        }
        if (active.add(key)) {
            String text = message.get();
            Violation violation = new Violation(invariant, where, text, snapshot.timeMs());
            found.add(violation);
            journal.append(
                    snapshot.timeMs(),
                    NodeId.CHECKER,
                    null,
                    new EventDetail.InvariantViolated(invariant, where, text),
                    "safety checker",
                    -1);
        }
    }
}
