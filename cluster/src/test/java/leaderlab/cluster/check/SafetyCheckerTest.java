package leaderlab.cluster.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.controller.ControllerView;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.BrokerView;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.PersistentArray;
import leaderlab.cluster.view.ReplicaView;
import org.junit.jupiter.api.Test;

/** The checker on hand-made snapshots: each invariant catches the state that breaks it, once. */
class SafetyCheckerTest {

    private final Journal journal = new Journal();
    private final Ledger ledger = new Ledger();
    private final SafetyChecker checker = new SafetyChecker(journal, ledger);

    private static PartitionRegistration partition(
            int[] replicas, int[] isr, int leader, int leaderEpoch, int partitionEpoch) {
        return new PartitionRegistration(
                0, "t", 0, replicas, isr, leader, leaderEpoch, partitionEpoch, false, new int[0], new int[0]);
    }

    private static LogView log(long hw, long... recordIds) {
        int[] epochs = new int[recordIds.length];
        return new LogView(epochs, recordIds, recordIds.length, new int[] {0}, new long[] {0}, 1, hw);
    }

    /** A snapshot where broker i (1-based) holds replica views[i-1] (null = no replica). */
    private static ClusterSnapshot snapshot(PartitionRegistration registration, ReplicaView... views) {
        PersistentArray.Builder<PartitionRegistration> partitions = new PersistentArray.Builder<>();
        partitions.set(0, registration);
        TreeMap<Integer, BrokerRegistration> brokers = new TreeMap<>();
        List<ClusterSnapshot.BrokerState> states = new java.util.ArrayList<>();
        for (int id = 1; id <= views.length; id++) {
            BrokerRegistration broker = new BrokerRegistration(id, id, 1, null, BrokerRegistration.State.UNFENCED);
            brokers.put(id, broker);
            PersistentArray.Builder<ReplicaView> replicas = new PersistentArray.Builder<>();
            if (views[id - 1] != null) {
                replicas.set(0, views[id - 1]);
            }
            states.add(new ClusterSnapshot.BrokerState(
                    id, null, true, new BrokerView(id, null, "RUNNING", id, null, replicas.freeze()), broker, null));
        }
        MetadataView metadata = new MetadataView(
                10, brokers, Map.of("t", new TopicInfo("t", "id", 0, 1)), partitions.freeze(), Configs.defaults(false));
        return new ClusterSnapshot(1000, false, new ControllerView(metadata, new TreeMap<>()), states, List.of());
    }

    private static ReplicaView replica(String role, int epoch, int leader, LogView log) {
        return new ReplicaView(0, role, epoch, leader, new int[] {1, 2}, log);
    }

    private List<String> invariantsFound() {
        return checker.violations().stream().map(Violation::invariant).toList();
    }

    @Test
    void aHealthyPartitionPasses() {
        checker.check(
                snapshot(
                        partition(new int[] {1, 2}, new int[] {1, 2}, 1, 0, 0),
                        replica("LEADER", 0, 1, log(2, 7, 8)),
                        replica("FOLLOWER", 0, 1, log(2, 7, 8))),
                true);
        assertEquals(List.of(), checker.violations());
    }

    @Test
    void leaderOutsideTheIsrAndIsrOutsideReplicas() {
        checker.check(
                snapshot(partition(new int[] {1, 2}, new int[] {2, 3}, 1, 0, 0), replica("LEADER", 0, 1, log(0)), null),
                true);
        assertEquals(List.of("IsrWithinReplicas", "LeaderInIsr"), invariantsFound());
        assertTrue(checker.violations().get(1).message().contains("leader 1 is not in ISR [2,3]"));
        assertEquals(
                2,
                journal.since(0, e -> e.type() == EventType.INVARIANT_VIOLATED).size());
    }

    @Test
    void epochsMustNotGoBack() {
        checker.check(snapshot(partition(new int[] {1, 2}, new int[] {1, 2}, 1, 5, 9), null, null), true);
        checker.check(snapshot(partition(new int[] {1, 2}, new int[] {1, 2}, 1, 4, 10), null, null), true);
        assertEquals(List.of("MonotonicEpochs"), invariantsFound());
        assertTrue(checker.violations().get(0).message().contains("from leader epoch 5/partition epoch 9 to 4/10"));
    }

    @Test
    void twoLeadersInOneEpoch() {
        checker.check(
                snapshot(
                        partition(new int[] {1, 2}, new int[] {1, 2}, 1, 3, 3),
                        replica("LEADER", 3, 1, log(0)),
                        replica("LEADER", 3, 2, log(0))),
                true);
        assertEquals(List.of("SingleLeaderPerEpoch"), invariantsFound());
        assertTrue(checker.violations().get(0).message().contains("brokers 1 and 2 both led in leader epoch 3"));
    }

    @Test
    void highWatermarkAboveAnIsrMembersLogEnd() {
        checker.check(
                snapshot(
                        partition(new int[] {1, 2}, new int[] {1, 2}, 1, 0, 0),
                        replica("LEADER", 0, 1, log(3, 1, 2, 3)),
                        replica("FOLLOWER", 0, 1, log(2, 1, 2))),
                true);
        assertEquals(List.of("HighWatermarkWithinIsr"), invariantsFound());
    }

    @Test
    void replicasDisagreeingBelowTheHighWatermark() {
        checker.check(
                snapshot(
                        partition(new int[] {1, 2}, new int[] {1, 2}, 1, 0, 0),
                        replica("LEADER", 0, 1, log(3, 1, 2, 3)),
                        replica("FOLLOWER", 0, 1, log(3, 1, 9, 3))),
                true);
        assertEquals(List.of("LogMatching"), invariantsFound());
        assertTrue(checker.violations().get(0).message().contains("at offset 1"));
    }

    @Test
    void liveSnapshotsSkipTheChecksThatNeedOneInstant() {
        checker.check(
                snapshot(
                        partition(new int[] {1, 2}, new int[] {1, 2}, 1, 0, 0),
                        replica("LEADER", 0, 1, log(3, 1, 2, 3)),
                        replica("FOLLOWER", 0, 1, log(3, 1, 9, 3))),
                false);
        assertEquals(List.of(), checker.violations());
    }

    @Test
    void anAcknowledgedRecordVanishingUnderASafeConfigIsAViolation() {
        ledger.acknowledged(0, "t-0", 0, new long[] {7, 8}, -1, 100);
        ClusterSnapshot safe = snapshot(
                partition(new int[] {1, 2}, new int[] {1, 2}, 2, 1, 1),
                replica("FOLLOWER", 1, 2, log(2, 7, 8)),
                replica("LEADER", 1, 2, log(1, 7)));
        MetadataView metadata = safe.metadata();
        Configs configs = metadata.configs().with(leaderlab.cluster.config.ConfigKey.MIN_INSYNC_REPLICAS, 2, "t");
        ClusterSnapshot withMinIsr2 = new ClusterSnapshot(
                1000,
                false,
                new ControllerView(
                        new MetadataView(10, metadata.brokers(), metadata.topics(), metadata.partitions(), configs),
                        new TreeMap<>()),
                safe.brokers(),
                List.of());
        checker.check(withMinIsr2, true);
        assertEquals(1, ledger.lostCount());
        assertEquals(List.of(2), ledger.losses().get(0).missingOn());
        assertTrue(
                invariantsFound().contains("NoAcknowledgedRecordLost"),
                invariantsFound().toString());
    }

    @Test
    void aViolationIsReportedOnceUntilItClears() {
        PartitionRegistration bad = partition(new int[] {1, 2}, new int[] {2}, 1, 0, 0);
        checker.check(snapshot(bad, null, null), true);
        checker.check(snapshot(partition(new int[] {1, 2}, new int[] {2}, 1, 0, 1), null, null), true);
        assertEquals(1, checker.violations().size());
        checker.check(snapshot(partition(new int[] {1, 2}, new int[] {1, 2}, 1, 0, 2), null, null), true);
        checker.check(snapshot(partition(new int[] {1, 2}, new int[] {2}, 1, 0, 3), null, null), true);
        assertEquals(2, checker.violations().size());
    }
}
