package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminOperation.ElectionType;
import leaderlab.cluster.protocol.AdminOperation.TopicPartitionRef;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.AdminResult.PartitionResult;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.view.PartitionView;
import org.junit.jupiter.api.Test;

/** Election types and broker lifecycle through the Cluster facade, on the simulated runtime. */
class ElectionScenariosTest {

    private static final String T = "events";

    // ---- Offline elections --------------------------------------------------------------------------

    @Test
    void fenceTriggersOnlineElectionInAssignmentOrderNotIsrOrder() {
        try (Cluster cluster = cluster(21, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 3, 2});
            produceAcked(cluster, T, 0, 10, -1);
            // Make the ISR order differ from the assignment: 3 leaves and rejoins at the end.
            cluster.kill(3);
            awaitIsr(cluster, T, 0, 5_000, 1, 2);
            cluster.restart(3);
            awaitIsr(cluster, T, 0, 10_000, 1, 2, 3);
            int epoch = partition(cluster, T, 0).leaderEpoch();

            long mark = cluster.journal().size();
            cluster.kill(1);
            awaitLeader(cluster, T, 0, 5_000, 3);
            PartitionView v = partition(cluster, T, 0);
            assertArrayEquals(new int[] {2, 3}, v.isr(), "ISR order is kept, minus the fenced broker");
            assertEquals(epoch + 1, v.leaderEpoch());
            Event elected = last(events(cluster, mark, e -> e.type() == EventType.LEADER_ELECTED));
            EventDetail.LeaderElected election = detail(elected, EventDetail.LeaderElected.class);
            assertEquals(EventDetail.Election.ONLINE, election.election());
            assertEquals(1, election.oldLeader());
            assertEquals(3, election.newLeader());
            assertEquals(
                    0,
                    events(
                                    cluster,
                                    mark,
                                    e -> e.detail() instanceof EventDetail.LeaderElected le
                                            && (le.unclean() || le.election() == EventDetail.Election.UNCLEAN))
                            .size());
            assertTrue(produceOne(cluster, T, 0, 3, -1).acknowledged());
        }
    }

    @Test
    void uncleanDisabledLeavesPartitionOfflineUntilTheLastIsrMemberReturns() {
        try (Cluster cluster = cluster(22, false)) {
            // Kafka before 4.1 (ELR off); ElrScenariosTest has the same loss of the ISR with ELR on.
            assertEquals(
                    Errors.NONE,
                    cluster.setFeature("eligible.leader.replicas.version", "0").error());
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            shrinkIsrToLeader(cluster, T, 1, 2, 3);
            cluster.heal();
            int epoch = partition(cluster, T, 0).leaderEpoch();
            cluster.kill(1);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).offline(), 5_000));
            PartitionView offline = partition(cluster, T, 0);
            assertEquals(-1, offline.leader());
            assertArrayEquals(new int[] {1}, offline.isr(), "the ISR is never emptied");
            assertEquals(epoch + 1, offline.leaderEpoch());
            Event elected = last(events(cluster, EventType.LEADER_ELECTED));
            assertEquals(1, detail(elected, EventDetail.LeaderElected.class).oldLeader());
            assertTrue(detail(elected, EventDetail.LeaderElected.class).offline(), elected.format());

            cluster.advance(4 * 3_000); // four periodic unclean checks: unclean is disabled
            assertEquals(-1, partition(cluster, T, 0).leader());
            assertEquals(epoch + 1, partition(cluster, T, 0).leaderEpoch());

            long mark = cluster.journal().size();
            cluster.restart(1);
            awaitLeader(cluster, T, 0, 5_000, 1);
            Event unfenced = last(events(cluster, mark, e -> e.type() == EventType.BROKER_UNFENCED));
            Event back = last(events(cluster, mark, e -> e.type() == EventType.LEADER_ELECTED));
            assertEquals(unfenced.seq(), back.causeSeq(), "elected because broker 1 was unfenced");
            assertFalse(partition(cluster, T, 0).recovering());
            assertEquals(epoch + 2, partition(cluster, T, 0).leaderEpoch());
        }
    }

    @Test
    void enablingUncleanLetsThePeriodicCheckElectWithinTheInterval() {
        try (Cluster cluster = cluster(23, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            shrinkIsrToLeader(cluster, T, 1, 2, 3);
            cluster.heal();
            cluster.kill(1);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).offline(), 5_000));

            long mark = cluster.journal().size();
            long enabledAt = cluster.nowMs();
            assertEquals(
                    Errors.NONE,
                    cluster.setConfig("unclean.leader.election.enable", "true", T)
                            .error());
            assertEquals(-1, partition(cluster, T, 0).leader(), "KRaft does not elect on the config change itself");
            awaitLeader(cluster, T, 0, 3_000, 2);
            assertTrue(cluster.nowMs() - enabledAt <= 3_000, "within unclean.leader.election.interval.ms");
            PartitionView v = partition(cluster, T, 0);
            assertArrayEquals(new int[] {2}, v.isr());
            assertTrue(v.recovering());
            Event elected = last(events(cluster, mark, e -> e.type() == EventType.LEADER_ELECTED));
            assertEquals(
                    EventDetail.Election.UNCLEAN,
                    detail(elected, EventDetail.LeaderElected.class).election());
            assertTrue(detail(elected, EventDetail.LeaderElected.class).unclean(), "2 was outside the ISR");
            assertTrue(elected.cause().contains("periodic unclean election check"), elected.cause());
            long activatedAt =
                    last(events(cluster, EventType.QUORUM_LEADER_ELECTED)).timeMs();
            assertEquals(
                    0,
                    (elected.timeMs() - activatedAt) % 3_000,
                    "the check runs every 3000 ms from the controller's activation");
        }
    }

    @Test
    void adminUncleanElectionOnALeaderlessPartition() {
        try (Cluster cluster = cluster(24, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3}, new int[] {2, 3, 1});
            shrinkIsrToLeader(cluster, T, 1, 2, 3);
            cluster.heal();
            cluster.kill(1);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).offline(), 5_000));
            int epoch = partition(cluster, T, 0).leaderEpoch();

            AdminResult result = cluster.admin(new AdminOperation.ElectLeaders(
                    ElectionType.UNCLEAN,
                    List.of(new TopicPartitionRef(T, 0), new TopicPartitionRef(T, 1), new TopicPartitionRef(T, 7))));
            assertEquals(Errors.NONE, result.error());
            assertEquals(
                    List.of(Errors.NONE, Errors.ELECTION_NOT_NEEDED, Errors.UNKNOWN_TOPIC_OR_PARTITION),
                    result.partitions().stream().map(PartitionResult::error).toList(),
                    result.toString());
            awaitLeader(cluster, T, 0, 1_000, 2);
            PartitionView v = partition(cluster, T, 0);
            assertArrayEquals(new int[] {2}, v.isr());
            assertTrue(v.recovering());
            assertEquals(epoch + 1, v.leaderEpoch());
            Event elected = last(events(cluster, EventType.LEADER_ELECTED));
            assertEquals(
                    EventDetail.Election.UNCLEAN,
                    detail(elected, EventDetail.LeaderElected.class).election());
            assertTrue(elected.cause().contains("operator ran a UNCLEAN election"), elected.cause());
            assertTrue(produceOne(cluster, T, 0, 1, -1).acknowledged());
        }
    }

    @Test
    void adminUncleanElectionWithNobodyAliveReportsEligibleLeadersNotAvailable() {
        try (Cluster cluster = cluster(25, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2});
            cluster.kill(2);
            awaitIsr(cluster, T, 0, 5_000, 1);
            cluster.kill(1);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).offline(), 5_000));
            AdminResult result = cluster.admin(
                    new AdminOperation.ElectLeaders(ElectionType.UNCLEAN, List.of(new TopicPartitionRef(T, 0))));
            assertEquals(
                    Errors.ELIGIBLE_LEADERS_NOT_AVAILABLE,
                    result.partitions().get(0).error());
        }
    }

    // ---- Preferred elections -------------------------------------------------------------------------

    @Test
    void adminPreferredElectionResultsUseKafkasErrorCodes() {
        try (Cluster cluster = cluster(26, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3}, new int[] {2, 3, 1}, new int[] {3, 1, 2});
            for (int p = 0; p < 3; p++) {
                produceAcked(cluster, T, p, 5, -1);
            }
            // p0: 1 dies and returns, so 2 leads although 1 is preferred and back in sync.
            cluster.kill(1);
            awaitLeader(cluster, T, 0, 5_000, 2);
            cluster.restart(1);
            awaitIsr(cluster, T, 0, 10_000, 2, 3, 1);
            // p2: 3 dies, so 1 leads and the preferred replica is not available.
            cluster.kill(3);
            awaitLeader(cluster, T, 2, 5_000, 1);

            List<TopicPartitionRef> all =
                    List.of(new TopicPartitionRef(T, 0), new TopicPartitionRef(T, 1), new TopicPartitionRef(T, 2));
            AdminResult explicit = cluster.admin(new AdminOperation.ElectLeaders(ElectionType.PREFERRED, all));
            assertEquals(Errors.NONE, explicit.error());
            assertEquals(
                    List.of(Errors.NONE, Errors.ELECTION_NOT_NEEDED, Errors.PREFERRED_LEADER_NOT_AVAILABLE),
                    explicit.partitions().stream().map(PartitionResult::error).toList(),
                    explicit.toString());
            assertEquals(
                    all,
                    explicit.partitions().stream()
                            .map(PartitionResult::partition)
                            .toList());
            awaitLeader(cluster, T, 0, 1_000, 1);
            assertEquals(1, partition(cluster, T, 2).leader(), "no record: the current leader is kept");
            Event elected = last(events(cluster, EventType.LEADER_ELECTED));
            assertEquals(
                    EventDetail.Election.PREFERRED,
                    detail(elected, EventDetail.LeaderElected.class).election());

            // null = all partitions: ELECTION_NOT_NEEDED entries are left out.
            AdminResult everything = cluster.admin(new AdminOperation.ElectLeaders(ElectionType.PREFERRED, null));
            assertEquals(1, everything.partitions().size(), everything.toString());
            assertEquals(
                    new TopicPartitionRef(T, 2), everything.partitions().get(0).partition());
            assertEquals(
                    Errors.PREFERRED_LEADER_NOT_AVAILABLE,
                    everything.partitions().get(0).error());

            cluster.restart(3);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 2).isr().length == 3, 10_000));
            AdminResult afterReturn = cluster.admin(new AdminOperation.ElectLeaders(ElectionType.PREFERRED, null));
            assertEquals(
                    List.of(new PartitionResult(new TopicPartitionRef(T, 2), Errors.NONE, "")),
                    afterReturn.partitions());
            awaitLeader(cluster, T, 2, 1_000, 3);
            AdminResult nothingToDo = cluster.admin(new AdminOperation.ElectLeaders(ElectionType.PREFERRED, null));
            assertTrue(nothingToDo.partitions().isEmpty(), nothingToDo.toString());
        }
    }

    @Test
    void automaticRebalanceMovesLeadershipBackToThePreferredReplica() {
        try (Cluster cluster = cluster(27, true)) {
            preferredLeaderFailsOverAndRejoins(cluster);
            long back = cluster.nowMs();
            awaitLeader(cluster, T, 0, 5_000 + 100, 1); // leader.imbalance.check.interval.seconds=5
            Event elected = last(events(cluster, EventType.LEADER_ELECTED));
            assertEquals(
                    EventDetail.Election.PREFERRED,
                    detail(elected, EventDetail.LeaderElected.class).election());
            assertTrue(elected.cause().contains("automatic leader rebalance"), elected.cause());
            assertTrue(elected.timeMs() >= back);
        }
    }

    @Test
    void automaticRebalanceDisabledLeavesLeadershipAlone() {
        try (Cluster cluster = cluster(27, false)) {
            preferredLeaderFailsOverAndRejoins(cluster);
            cluster.advance(3 * 5_000 + 100);
            assertEquals(2, partition(cluster, T, 0).leader());
            assertTrue(events(cluster, 0, e -> e.cause().contains("automatic leader rebalance"))
                    .isEmpty());
        }
    }

    private static void preferredLeaderFailsOverAndRejoins(Cluster cluster) {
        createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
        produceAcked(cluster, T, 0, 5, -1);
        cluster.kill(1);
        awaitLeader(cluster, T, 0, 5_000, 2);
        cluster.restart(1);
        awaitIsr(cluster, T, 0, 10_000, 2, 3, 1);
    }
}
