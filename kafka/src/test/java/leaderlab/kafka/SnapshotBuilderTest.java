package leaderlab.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionHealth;
import leaderlab.cluster.view.PartitionView;
import org.junit.jupiter.api.Test;

/** A polled real cluster as the simulator's snapshot: every field the window and describe read. */
class SnapshotBuilderTest {

    private static RealState.Partition partition(
            int index, int leader, int epoch, List<Integer> replicas, List<Integer> isr, List<Integer> elr, long hw) {
        return new RealState.Partition(
                "orders", index, leader, epoch, replicas, isr, elr, List.of(), List.of(), List.of(), hw);
    }

    private static RealState state(long timeMs, String broker3, RealState.Partition p0, RealState.Partition p1) {
        return new RealState(
                timeMs,
                List.of(
                        new RealState.Broker(1, "r1", "RUNNING", "UNFENCED", 11),
                        new RealState.Broker(2, "r2", "RUNNING", "UNFENCED", 12),
                        new RealState.Broker(3, "r1", broker3, "UNFENCED", 13)),
                List.of(new RealState.Topic(
                        "orders", "id-orders", Map.of("min.insync.replicas", "2"), 2, List.of(p0, p1))),
                new RealState.Quorum(101, 7, 230, List.of(new RealState.Voter(101, 230)), List.of(101)));
    }

    @Test
    void partitionsBrokersAndQuorumCarryWhatTheAdminApiSaid() {
        SnapshotBuilder builder = new SnapshotBuilder(false);
        ClusterSnapshot snapshot = builder.next(state(
                1_000,
                "STOPPED",
                partition(0, 1, 4, List.of(1, 2, 3), List.of(1, 2), List.of(3), 10),
                partition(1, -1, -1, List.of(3), List.of(), List.of(), -1)));

        PartitionView p0 = snapshot.partition("orders", 0);
        assertEquals(1, p0.leader());
        assertEquals(4, p0.leaderEpoch());
        assertArrayEquals(new int[] {1, 2, 3}, p0.replicas());
        assertArrayEquals(new int[] {1, 2}, p0.isr());
        assertArrayEquals(new int[] {3}, p0.elr());
        assertEquals(10, p0.highWatermark());
        // Broker 3's process is gone: it publishes no replica, as a stopped broker in the simulator.
        assertEquals(Map.of(1, 10L, 2, 10L), p0.leo());
        assertFalse(p0.offline());
        assertTrue(PartitionHealth.of(p0, snapshot).atMinIsr());
        assertEquals(2, snapshot.metadata().configs().getInt(ConfigKey.MIN_INSYNC_REPLICAS, "orders"));
        assertEquals(
                Map.of("min.insync.replicas", "2"),
                snapshot.metadata().configs().topicOverrides("orders"));

        PartitionView p1 = snapshot.partition("orders", 1);
        assertTrue(p1.offline());
        assertTrue(PartitionHealth.of(p1, snapshot).unavailable());

        ClusterSnapshot.BrokerState one = snapshot.broker(1);
        assertEquals("RUNNING", one.state());
        assertEquals("LEADER", one.view().replicas().get(0).role());
        ClusterSnapshot.BrokerState three = snapshot.broker(3);
        assertFalse(three.running());
        assertEquals("UNFENCED", three.registrationState());
        // The gap before the fence: the controller still lists it, and the window counts down from here.
        assertEquals(1_000, three.session().lastContactMs());

        assertEquals(List.of(101), snapshot.controllerIds());
        assertEquals(101, snapshot.quorumLeader().id());
        assertEquals(7, snapshot.quorumLeader().epoch());
        assertEquals(230, snapshot.quorumLeader().highWatermark());
    }

    @Test
    void aReplicaOutOfTheIsrKeepsItsLogAndWhatDidNotChangeStaysTheSameObject() {
        SnapshotBuilder builder = new SnapshotBuilder(false);
        RealState.Partition offline = partition(1, -1, -1, List.of(3), List.of(), List.of(), -1);
        ClusterSnapshot before = builder.next(state(
                1_000, "RUNNING", partition(0, 1, 4, List.of(1, 2, 3), List.of(1, 2, 3), List.of(), 10), offline));
        ClusterSnapshot after = builder.next(
                state(1_500, "RUNNING", partition(0, 1, 5, List.of(1, 2, 3), List.of(1, 3), List.of(), 15), offline));

        PartitionView p0 = after.partition("orders", 0);
        assertEquals(15, p0.highWatermark());
        assertEquals(Map.of(1, 15L, 2, 10L, 3, 15L), p0.leo());
        // Records below the old HW keep epoch 4; the five since, epoch 5.
        var log = after.replica(1, 0).log();
        assertEquals(4, log.epochAt(9));
        assertEquals(5, log.epochAt(10));
        assertSame(
                before.metadata().partitions().get(1),
                after.metadata().partitions().get(1));
        assertSame(before.broker(3).registration(), after.broker(3).registration());
        assertNull(after.broker(3).session());
    }

    @Test
    void changesAreTypedJournalEventsAndAnIsrReorderIsNone() {
        RealState.Partition offline = partition(1, -1, -1, List.of(3), List.of(), List.of(), -1);
        RealState before =
                state(1_000, "RUNNING", partition(0, 1, 4, List.of(1, 2, 3), List.of(3, 1, 2), List.of(), 10), offline);
        RealState reordered =
                state(1_500, "RUNNING", partition(0, 1, 4, List.of(1, 2, 3), List.of(1, 2, 3), List.of(), 10), offline);
        assertEquals(List.of(), Changes.between(before, reordered));

        RealState failedOver =
                state(2_000, "STOPPED", partition(0, 2, 5, List.of(1, 2, 3), List.of(2, 3), List.of(), 10), offline);
        List<ObservedEvent> changes = Changes.between(reordered, failedOver);
        EventDetail.FaultInjected gone =
                (EventDetail.FaultInjected) changes.get(0).typed();
        assertEquals(List.of(3), gone.brokers());
        EventDetail.LeaderElected elected = changes.stream()
                .map(ObservedEvent::typed)
                .filter(EventDetail.LeaderElected.class::isInstance)
                .map(EventDetail.LeaderElected.class::cast)
                .findFirst()
                .orElseThrow();
        assertEquals(1, elected.oldLeader());
        assertEquals(2, elected.newLeader());
        assertEquals(5, elected.leaderEpoch());
        assertFalse(elected.unclean());
        assertNotNull(changes.stream()
                .filter(e -> e.typed() instanceof EventDetail.IsrChanged isr && isr.shrunk())
                .findFirst()
                .orElse(null));
    }
}
