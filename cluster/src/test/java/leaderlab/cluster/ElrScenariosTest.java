package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.createTopic;
import static leaderlab.cluster.TestSupport.describe;
import static leaderlab.cluster.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.PartitionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eligible leader replicas as a freshly formatted Kafka 4.4 cluster has them: RF 3, min.insync.replicas
 * 2, assignment [1,2,3] (1 leads). The sequences the issue lists run on both runtimes (simulated=true is
 * the deterministic one, false runs real threads at speed 1); the rest on the simulator.
 */
class ElrScenariosTest {

    private static final String T = "elr";
    private static final long WAIT_MS = 15_000;

    private static Cluster start(boolean simulated, long seed) {
        Cluster cluster = Cluster.start(new ClusterOptions(3, 0, seed, simulated, false));
        assertEquals(
                Errors.NONE,
                cluster.setConfig("auto.leader.rebalance.enable", "false", null).error());
        createTopic(cluster, T, Map.of("min.insync.replicas", "2"), new int[] {1, 2, 3});
        return cluster;
    }

    private static void await(Cluster cluster, String what, Predicate<PartitionView> condition) {
        assertTrue(
                cluster.awaitCondition(s -> condition.test(s.partition(T, 0)), WAIT_MS),
                () -> what + " never happened: " + describe(cluster, T, 0) + " elr="
                        + Arrays.toString(cluster.snapshot().partition(T, 0).elr()) + "\n"
                        + TestSupport.journalDump(cluster));
    }

    private static boolean is(int[] actual, int... expected) {
        return Arrays.equals(actual, expected);
    }

    /** kill 3, kill 2, kill 1: each leaves the ISR once fenced; below min ISR the leavers become ELR. */
    private static void killAllInTurn(Cluster cluster) {
        cluster.kill(3);
        await(cluster, "ISR [1,2], no ELR", p -> is(p.isr(), 1, 2) && is(p.elr()));
        cluster.kill(2);
        await(cluster, "ISR [1], ELR [2]", p -> is(p.isr(), 1) && is(p.elr(), 2));
        cluster.kill(1);
        await(cluster, "no leader", p -> p.leader() == -1);
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    @Timeout(120)
    void losingTheIsrOneByOneEmptiesItAndFillsTheElr(boolean simulated) {
        try (Cluster cluster = start(simulated, 31)) {
            killAllInTurn(cluster);
            PartitionView p = cluster.snapshot().partition(T, 0);
            assertArrayEquals(new int[0], p.isr(), "with ELR the ISR may become empty");
            assertArrayEquals(new int[] {1, 2}, p.elr());
            assertArrayEquals(new int[] {1}, p.lastKnownElr(), "the leader when the ISR emptied");
            assertTrue(p.offline());
            Event elr = last(events(cluster, 0, e -> e.type() == EventType.ELR_CHANGED));
            assertTrue(elr.text().contains("-> [1,2]"), elr.text());
        }
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    @Timeout(120)
    void elrMemberThatShutDownCleanlyIsElectedCleanlyOnReturnAndNothingAcknowledgedIsLost(boolean simulated) {
        try (Cluster cluster = start(simulated, 32)) {
            ProduceResult acked = cluster.produce(T, 0, 20, -1).get(0);
            assertTrue(acked.acknowledged(), acked.toString());
            TestSupport.awaitFullyReplicated(cluster, T, 0);
            assertTrue(cluster.shutdown(3));
            await(cluster, "ISR [1,2]", p -> is(p.isr(), 1, 2));
            assertTrue(cluster.shutdown(2));
            await(cluster, "ISR [1], ELR [2]", p -> is(p.isr(), 1) && is(p.elr(), 2));
            cluster.kill(1);
            await(cluster, "ISR [], ELR [1,2]", p -> p.leader() == -1 && is(p.elr(), 1, 2));

            long mark = cluster.journal().size();
            cluster.restart(2);
            await(cluster, "broker 2 leads", p -> p.leader() == 2);
            PartitionView after = cluster.snapshot().partition(T, 0);
            assertArrayEquals(new int[] {2}, after.isr());
            assertArrayEquals(new int[] {1}, after.elr(), "1 stays eligible: it has not come back uncleanly yet");
            assertArrayEquals(new int[0], after.lastKnownElr());
            assertFalse(after.recovering(), "an election from the ELR is clean");
            Event registered = last(events(cluster, mark, e -> e.type() == EventType.BROKER_REGISTERED));
            assertTrue(
                    registered.cause().contains("clean shutdown")
                            && !registered.cause().contains("unclean"),
                    registered.cause());
            Event elected = last(events(cluster, mark, e -> e.type() == EventType.LEADER_ELECTED));
            assertFalse(elected.text().contains("UNCLEAN"), elected.text());
            assertTrue(elected.text().contains("ELR [1,2]"), elected.text());
            ClusterSnapshot s = cluster.snapshot();
            LogView log = s.replica(2, s.topic(T).partitionId(0)).log();
            assertTrue(log.endOffset() >= acked.baseOffset() + 20, "acknowledged records are on the new leader");
            assertTrue(
                    cluster.checker().violations().isEmpty(),
                    cluster.checker().violations().toString());
        }
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    @Timeout(120)
    void crashedElrMembersAreDroppedOnReturnThenTheLastKnownLeaderLeadsUncleanly(boolean simulated) {
        try (Cluster cluster = start(simulated, 33)) {
            killAllInTurn(cluster);
            long mark = cluster.journal().size();
            cluster.restart(2);
            await(cluster, "2 dropped from the ELR", p -> is(p.elr(), 1));
            Event registered = last(events(cluster, mark, e -> e.type() == EventType.BROKER_REGISTERED));
            assertTrue(registered.cause().contains("unclean shutdown"), registered.cause());
            assertTrue(cluster.awaitCondition(
                    s -> s.broker(2).registration() != null
                            && s.broker(2).registration().active(),
                    WAIT_MS));
            assertEquals(
                    -1,
                    cluster.snapshot().partition(T, 0).leader(),
                    "2 is alive but not eligible; ELR [1] is not empty, so the last known leader is not tried");

            cluster.restart(1);
            // 1 crashed too: it leaves the ELR; the ISR and ELR are empty and LastKnownElr [1] remains, so
            // once 1 is unfenced Kafka elects it as the last known leader, uncleanly (RECOVERING).
            await(cluster, "1 leads", p -> p.leader() == 1);
            Event elected = last(events(cluster, mark, e -> e.type() == EventType.LEADER_ELECTED));
            assertTrue(elected.text().contains("UNCLEAN (last known leader)"), elected.text());
            assertTrue(
                    events(cluster, mark, e -> e.type() == EventType.ISR_SHRUNK || e.type() == EventType.ISR_EXPANDED)
                            .stream()
                            .anyMatch(e -> e.text().contains("RECOVERING")),
                    "the election marks RECOVERING");
            await(cluster, "ISR grows back and ELR stays empty", p -> p.isr().length >= 2 && is(p.elr()));
            assertArrayEquals(new int[0], cluster.snapshot().partition(T, 0).lastKnownElr());
        }
    }

    @ParameterizedTest(name = "simulated={0}")
    @ValueSource(booleans = {true, false})
    @Timeout(120)
    void withTheFeatureOffTheLastIsrMemberIsKept(boolean simulated) {
        try (Cluster cluster = start(simulated, 34)) {
            assertEquals(
                    Errors.NONE,
                    cluster.setFeature("eligible.leader.replicas.version", "0").error());
            cluster.kill(3);
            await(cluster, "ISR [1,2]", p -> is(p.isr(), 1, 2));
            cluster.kill(2);
            await(cluster, "ISR [1]", p -> is(p.isr(), 1));
            cluster.kill(1);
            await(cluster, "no leader", p -> p.leader() == -1);
            PartitionView p = cluster.snapshot().partition(T, 0);
            assertArrayEquals(new int[] {1}, p.isr(), "without ELR the ISR is never emptied");
            assertArrayEquals(new int[0], p.elr());
            assertArrayEquals(new int[0], p.lastKnownElr());
        }
    }

    @Test
    void effectiveMinIsrIsCappedAtTheReplicationFactor() {
        // RCMT testEligibleLeaderReplicas_EffectiveMinIsr: min.insync.replicas 5 with RF 3 counts as 3.
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 35))) {
            createTopic(cluster, T, Map.of("min.insync.replicas", "5"), new int[] {1, 2, 3});
            cluster.kill(3);
            await(cluster, "ISR [1,2], ELR [3]", p -> is(p.isr(), 1, 2) && is(p.elr(), 3));
        }
    }

    @Test
    void changingMinIsrClearsTheElr() {
        try (Cluster cluster = start(true, 36)) {
            cluster.kill(3);
            cluster.kill(2);
            // Fenced one at a time: whichever goes second leaves an ISR at min ISR and becomes the ELR.
            await(cluster, "ISR [1] and an ELR", p -> is(p.isr(), 1) && p.elr().length == 1);
            assertEquals(
                    Errors.NONE,
                    cluster.setConfig("min.insync.replicas", "1", T).error());
            await(cluster, "ELR cleared", p -> is(p.elr()) && is(p.lastKnownElr()));
        }
    }

    @Test
    void turningTheFeatureOffClearsTheElrButLeavesTheIsr() {
        try (Cluster cluster = start(true, 37)) {
            killAllInTurn(cluster);
            assertEquals(
                    Errors.NONE,
                    cluster.setFeature("eligible.leader.replicas.version", "0").error());
            await(cluster, "ELR cleared", p -> is(p.elr()) && is(p.lastKnownElr()));
            assertArrayEquals(new int[0], cluster.snapshot().partition(T, 0).isr());
            assertEquals(
                    Errors.INVALID_REQUEST,
                    cluster.setFeature("eligible.leader.replicas.version", "2").error());
            assertEquals(
                    Errors.INVALID_CONFIG,
                    cluster.setConfig("eligible.leader.replicas.version", "1", null)
                            .error());
        }
    }

    @Test
    void uncleanElectionFromOutsideTheElrClearsBoth() {
        try (Cluster cluster = start(true, 38)) {
            killAllInTurn(cluster);
            cluster.restart(3);
            assertTrue(cluster.awaitCondition(
                    s -> s.broker(3).registration() != null
                            && s.broker(3).registration().active(),
                    WAIT_MS));
            var result = cluster.admin(new AdminOperation.ElectLeaders(
                    AdminOperation.ElectionType.UNCLEAN, List.of(new AdminOperation.TopicPartitionRef(T, 0))));
            assertEquals(Errors.NONE, result.partitions().get(0).error());
            PartitionView p = cluster.snapshot().partition(T, 0);
            assertEquals(3, p.leader());
            assertArrayEquals(new int[] {3}, p.isr());
            assertTrue(p.recovering());
            assertArrayEquals(new int[0], p.elr());
            assertArrayEquals(new int[0], p.lastKnownElr());
        }
    }

    @Test
    void noEligibleLeaderGivesKafkasError() {
        try (Cluster cluster = start(true, 39)) {
            killAllInTurn(cluster);
            var result = cluster.admin(new AdminOperation.ElectLeaders(
                    AdminOperation.ElectionType.UNCLEAN, List.of(new AdminOperation.TopicPartitionRef(T, 0))));
            assertEquals(
                    Errors.ELIGIBLE_LEADERS_NOT_AVAILABLE,
                    result.partitions().get(0).error());
        }
    }

    private static Event last(List<Event> events) {
        assertFalse(events.isEmpty());
        return events.get(events.size() - 1);
    }
}
