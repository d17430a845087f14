package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.createTopic;
import static leaderlab.cluster.TestSupport.events;
import static leaderlab.cluster.TestSupport.journalDump;
import static leaderlab.cluster.TestSupport.partition;
import static leaderlab.cluster.TestSupport.produceAcked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.view.ClusterSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The controller quorum through the Cluster facade (seeded, simulated): failover of the active
 * controller, a lost quorum, and truncation of an uncommitted metadata suffix.
 */
class ControllerQuorumScenariosTest {

    private static final String T = "events";

    /** controller.quorum.fetch.timeout.ms + 2 x election timeout + backoffs, classroom timings. */
    private static final long FAILOVER_WITHIN_MS = 1_500;

    private static Cluster cluster(long seed) {
        Cluster cluster = Cluster.start(ClusterOptions.simulated(3, seed));
        assertEquals(
                Errors.NONE,
                cluster.setConfig("auto.leader.rebalance.enable", "false", null).error());
        return cluster;
    }

    private static int activeController(Cluster cluster) {
        QuorumView leader = cluster.snapshot().quorumLeader();
        assertNotNull(leader, "no quorum leader");
        return leader.id();
    }

    private static boolean hasNewLeader(ClusterSnapshot s, int oldLeader, int oldEpoch) {
        QuorumView leader = s.quorumLeader();
        return leader != null && leader.id() != oldLeader && leader.epoch() > oldEpoch && s.controller() != null;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void killingTheActiveControllerElectsAnotherThatFencesABrokerKilledMeanwhile(long seed) {
        try (Cluster cluster = cluster(seed)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            produceAcked(cluster, T, 0, 5, -1);
            QuorumView before = cluster.snapshot().quorumLeader();
            long killedAt = cluster.nowMs();
            cluster.kill(before.id());
            cluster.kill(1);
            assertTrue(
                    cluster.awaitCondition(s -> hasNewLeader(s, before.id(), before.epoch()), FAILOVER_WITHIN_MS),
                    () -> "seed " + seed + ": no new quorum leader\n" + journalDump(cluster));
            Event elected = events(cluster, EventType.QUORUM_LEADER_ELECTED)
                    .get(events(cluster, EventType.QUORUM_LEADER_ELECTED).size() - 1);
            assertTrue(elected.timeMs() - killedAt <= FAILOVER_WITHIN_MS, elected.format());
            // The new active controller gives brokers a fresh session, then fences the dead one.
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.broker(1).registration().fenced()
                                    && s.partition(T, 0).leader() == 2,
                            5_000),
                    () -> "seed " + seed + "\n" + journalDump(cluster));
            Event fenced = events(cluster, EventType.BROKER_FENCED)
                    .get(events(cluster, EventType.BROKER_FENCED).size() - 1);
            assertEquals(
                    EventDetail.FenceReason.SESSION_TIMEOUT, ((EventDetail.BrokerFenced) fenced.detail()).reason());
            assertTrue(fenced.timeMs() >= elected.timeMs() + 1_500, "a full session timeout after the failover");
            // Brokers keep serving, and admin requests find the new active controller.
            produceAcked(cluster, T, 0, 5, -1);
            assertEquals(
                    Errors.NONE,
                    cluster.admin(new AdminOperation.CreateTopic("after", 1, 2, null, Map.of()))
                            .error());
            assertTrue(
                    cluster.checker().violations().isEmpty(),
                    cluster.checker().violations().toString());
        }
    }

    @Test
    void withTwoOfThreeControllersDownNoPartitionFailsOverUntilTheyReturn() {
        try (Cluster cluster = cluster(11)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3}, new int[] {2, 3, 1});
            produceAcked(cluster, T, 1, 5, 1);
            List<Integer> followers = cluster.controllerIds().stream()
                    .filter(c -> c != activeController(cluster))
                    .toList();
            int active = activeController(cluster);
            cluster.kill(active);
            cluster.kill(followers.get(0));
            cluster.kill(1);
            cluster.advance(5_000);
            ClusterSnapshot lost = cluster.snapshot();
            assertNull(lost.quorumLeader(), "one controller of three is no majority");
            assertEquals(1, lost.partition(T, 0).leader(), "nobody can move the leadership of the dead broker");
            assertNotNull(lost.controller(), "describe answers from the brokers' last metadata");
            // Produce to a healthy leader still works (acks=1 needs no ISR change).
            produceAcked(cluster, T, 1, 5, 1);
            assertFalse(
                    events(cluster, 0, e -> e.type() == EventType.LEADER_ELECTED && e.timeMs() > lost.timeMs() - 5_000)
                            .stream()
                            .anyMatch(
                                    e -> e.partition() != null && e.partition().partition() == 0));

            cluster.restart(active);
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.quorumLeader() != null && s.partition(T, 0).leader() == 2, 10_000),
                    () -> journalDump(cluster));
            assertTrue(
                    cluster.checker().violations().isEmpty(),
                    cluster.checker().violations().toString());
        }
    }

    /**
     * Lesson 13's moment: the fence of broker 1 has just been committed when the active controller and the
     * new partition leader die, before the last broker replayed the fence. Readers kept seeing that
     * committed fence (the snapshot once fell back to the last broker's older replay, and the checker
     * saw every partition's epochs go back).
     */
    @Test
    void withoutAQuorumLeaderReadersKeepTheNewestCommittedMetadata() {
        try (Cluster cluster = cluster(12)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            cluster.kill(activeController(cluster));
            cluster.kill(1);
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.controller() != null && s.partition(T, 0).leader() == 2, 5_000),
                    () -> journalDump(cluster));
            int fencedEpoch = cluster.snapshot().partition(T, 0).leaderEpoch();
            cluster.kill(activeController(cluster));
            cluster.kill(2);
            ClusterSnapshot lost = cluster.snapshot();
            assertNull(lost.quorumLeader());
            assertEquals(2, lost.partition(T, 0).leader(), "the committed election, not broker 3's older replay");
            assertEquals(fencedEpoch, lost.partition(T, 0).leaderEpoch());
            assertTrue(lost.broker(1).registration().fenced());
            cluster.advance(2_000);
            assertEquals(fencedEpoch, cluster.snapshot().partition(T, 0).leaderEpoch());
            assertTrue(
                    cluster.checker().violations().isEmpty(),
                    cluster.checker().violations().toString());
        }
    }

    @Test
    void anIsolatedLeaderResignsAndItsUncommittedSuffixIsTruncated() {
        try (Cluster cluster = cluster(7)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            int old = activeController(cluster);
            int oldEpoch = cluster.snapshot().quorumLeader().epoch();
            cluster.isolate(old, IsolateFrom.CONTROLLER, Set.of());
            // Written by the isolated leader, which cannot commit it; the client gives up on it and
            // creates the topic through the new leader instead.
            assertEquals(
                    Errors.NONE,
                    cluster.admin(new AdminOperation.CreateTopic("late", 1, 3, null, Map.of()))
                            .error(),
                    journalDump(cluster));
            assertTrue(hasNewLeader(cluster.snapshot(), old, oldEpoch));
            assertFalse(events(cluster, EventType.QUORUM_LEADER_RESIGNED).isEmpty(), "check-quorum resignation");
            cluster.heal();
            long healedAt = cluster.journal().size();
            assertTrue(
                    cluster.awaitCondition(
                            s -> !events(cluster, healedAt, e -> e.type() == EventType.METADATA_TRUNCATED)
                                    .isEmpty(),
                            3_000),
                    () -> journalDump(cluster));
            List<Event> truncated = events(cluster, EventType.METADATA_TRUNCATED);
            EventDetail.MetadataTruncated cut =
                    (EventDetail.MetadataTruncated) truncated.get(0).detail();
            assertTrue(cut.toOffset() < cut.fromOffset(), "the old leader's uncommitted topic record is gone");
            assertEquals(old, ((EventDetail.MetadataTruncated) truncated.get(0).detail()).controller());
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.quorum().stream()
                                            .map(QuorumView::endOffset)
                                            .distinct()
                                            .count()
                                    == 1,
                            3_000),
                    "all logs end at the same offset again");
            assertNotNull(cluster.snapshot().topic("late"));
            assertEquals(1, cluster.snapshot().topic("late").partitionCount());
            assertTrue(
                    cluster.checker().violations().isEmpty(),
                    cluster.checker().violations().toString());
        }
    }

    @Test
    void oneControllerIsTheSingleControllerOfOld() {
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 5).withControllers(1))) {
            QuorumView only = cluster.snapshot().quorumLeader();
            assertEquals(101, only.id());
            assertEquals(
                    0, events(cluster, EventType.QUORUM_LEADER_ELECTED).get(0).timeMs(), "elected at once");
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            assertNotEquals(-1, partition(cluster, T, 0).leader());
        }
    }
}
