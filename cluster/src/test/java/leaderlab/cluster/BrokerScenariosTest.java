package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import leaderlab.cluster.client.ConsumeResult;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminOperation.TopicPartitionRef;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.view.PartitionView;
import org.junit.jupiter.api.Test;

/** Broker lifecycle, reassignment and clients through the Cluster facade, on the simulated runtime. */
class BrokerScenariosTest {

    private static final String T = "events";

    // ---- Broker lifecycle ----------------------------------------------------------------------------

    @Test
    void controlledShutdownMovesLeadershipBeforeTheBrokerStops() {
        try (Cluster cluster = cluster(28, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3}, new int[] {1, 3, 2}, new int[] {2, 1, 3});
            for (int p = 0; p < 3; p++) {
                produceAcked(cluster, T, p, 5, -1);
            }
            long mark = cluster.journal().size();
            assertTrue(cluster.shutdown(1), "controlled shutdown completed");
            assertFalse(cluster.snapshot().broker(1).running());
            assertEquals(2, partition(cluster, T, 0).leader());
            assertEquals(3, partition(cluster, T, 1).leader());
            assertEquals(2, partition(cluster, T, 2).leader());
            for (int p = 0; p < 3; p++) {
                assertFalse(
                        java.util.Arrays.stream(partition(cluster, T, p).isr()).anyMatch(b -> b == 1),
                        describe(cluster, T, p));
            }

            List<Event> events = events(cluster, mark, e -> true);
            Event shutdown = events.stream()
                    .filter(e -> e.type() == EventType.BROKER_CONTROLLED_SHUTDOWN)
                    .findFirst()
                    .orElseThrow();
            Event stopped = events.stream()
                    .filter(e -> e.type() == EventType.BROKER_STOPPED)
                    .findFirst()
                    .orElseThrow();
            List<Event> elections = events.stream()
                    .filter(e -> e.type() == EventType.LEADER_ELECTED)
                    .toList();
            assertEquals(2, elections.size(), elections.toString());
            for (Event election : elections) {
                assertTrue(shutdown.seq() < election.seq() && election.seq() < stopped.seq(), journalDump(cluster));
                assertEquals(shutdown.seq(), election.causeSeq());
            }
            // Both new leaders took over before the old one stopped.
            for (Event became : events.stream()
                    .filter(e -> e.type() == EventType.BECAME_LEADER)
                    .toList()) {
                assertTrue(became.seq() < stopped.seq(), became.format());
            }
            assertEquals(new EventDetail.ControlledShutdownBegan(1, 2), shutdown.detail());

            // Clean shutdown: the restart registers at once (no DUPLICATE wait for the old session).
            long restartAt = cluster.nowMs();
            long before = cluster.journal().size();
            cluster.restart(1);
            assertTrue(cluster.awaitCondition(
                    s -> s.broker(1).registration() != null
                            && s.broker(1).registration().active(),
                    2_000));
            Event registered = last(events(cluster, before, e -> e.type() == EventType.BROKER_REGISTERED));
            assertTrue(registered.timeMs() - restartAt < 200, "registered without waiting: " + registered.format());
            assertEquals(
                    EventDetail.Registration.AFTER_CLEAN_SHUTDOWN,
                    detail(registered, EventDetail.BrokerRegistered.class).registration());
        }
    }

    @Test
    void restartRightAfterACrashIsRejectedAsDuplicateUntilTheSessionExpires() {
        try (Cluster cluster = cluster(29, false)) {
            createTopic(cluster, T, Map.of(), new int[] {2, 1, 3});
            long oldEpoch = cluster.snapshot().broker(2).registration().epoch();
            long killedAt = cluster.nowMs();
            cluster.kill(2);
            cluster.restart(2);
            cluster.advance(1_000);
            // Still the old registration, unfenced, and the new process has no broker epoch.
            assertEquals(oldEpoch, cluster.snapshot().broker(2).registration().epoch());
            assertTrue(cluster.snapshot().broker(2).registration().active());
            assertEquals(-1, cluster.snapshot().broker(2).view().brokerEpoch());
            assertEquals(2, partition(cluster, T, 0).leader());

            assertTrue(cluster.awaitCondition(s -> s.broker(2).view().brokerEpoch() >= 0, 3_000));
            Event fenced = last(events(cluster, EventType.BROKER_FENCED));
            Event registered = last(events(cluster, EventType.BROKER_REGISTERED));
            assertEquals(2, detail(fenced, EventDetail.BrokerFenced.class).broker());
            assertEquals(
                    EventDetail.FenceReason.SESSION_TIMEOUT,
                    detail(fenced, EventDetail.BrokerFenced.class).reason());
            assertTrue(fenced.timeMs() >= killedAt + 1_300, fenced.format());
            assertTrue(registered.seq() > fenced.seq(), "registered only after the old session was fenced");
            assertEquals(
                    EventDetail.Registration.AFTER_CRASH,
                    detail(registered, EventDetail.BrokerRegistered.class).registration());
            assertTrue(cluster.snapshot().broker(2).registration().epoch() > oldEpoch);
            assertEquals(1, partition(cluster, T, 0).leader(), "the fence moved leadership to 1");
        }
    }

    @Test
    void restartWhileThePreviousProcessRegistrationIsInFlightStillUnfences() {
        // Regression: the controller's answer to the killed process's registration reached the new
        // process, which took the old broker epoch and then failed every heartbeat (stuck fenced).
        try (Cluster cluster = cluster(34, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            cluster.kill(2);
            assertTrue(cluster.awaitCondition(s -> s.broker(2).registration().fenced(), 3_000));
            cluster.restart(2);
            cluster.advance(0); // the new process starts and sends its registration...
            cluster.kill(2); // ...and dies before the answer arrives
            cluster.restart(2);
            assertTrue(
                    cluster.awaitCondition(s -> s.broker(2).registration().active(), 3_000),
                    () -> "broker 2 never unfenced:\n" + journalDump(cluster));
            var state = cluster.snapshot().broker(2);
            assertEquals(state.registration().epoch(), state.view().brokerEpoch());
            assertEquals(
                    2,
                    events(
                                    cluster,
                                    0,
                                    e -> e.detail() instanceof EventDetail.BrokerRegistered registered
                                            && registered.broker() == 2
                                            && e.timeMs() > 1_000)
                            .size(),
                    journalDump(cluster));
            awaitIsr(cluster, T, 0, 10_000, 1, 3, 2);
        }
    }

    @Test
    void brokerCutOffFromEverythingCatchesUpWithMetadataAfterHeal() {
        // Regression: the controller answered a lagging broker's held metadata fetch to the wrong
        // broker (TreeMap iterator.remove() reuses the entry), so broker 2 never replayed again.
        try (Cluster cluster = cluster(35, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            cluster.isolate(2, IsolateFrom.ALL, Set.of());
            assertTrue(cluster.awaitCondition(s -> s.broker(2).registration().fenced(), 3_000));
            awaitIsr(cluster, T, 0, 1_000, 1, 3);
            produceAcked(cluster, T, 0, 3, -1);
            cluster.heal();
            // The broker retries its lost metadata fetch after metadata.fetch.max.wait.ms + request.timeout.ms.
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.broker(2).view().metadata().offset()
                                            == s.metadata().offset()
                                    && s.broker(2).registration().active(),
                            3_100 + 500),
                    () -> describeReplicas(cluster, T, 0));
            awaitIsr(cluster, T, 0, 5_000, 1, 3, 2);
            awaitFullyReplicated(cluster, T, 0);
        }
    }

    @Test
    void replicaElectedWithoutWritingThenFollowingKeepsAConsistentEpochCache() {
        // Regression: broker 3 led epoch 1 without writing, then copied epoch-0 records as a follower.
        // Its epoch cache skipped them, so as leader later it told follower 2 that epoch 0 ended
        // before those records: 2 truncated them, fetched them again, and looped for ever.
        try (Cluster cluster = cluster(36, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 3, 2});
            produceAcked(cluster, T, 0, 10, -1);
            awaitFullyReplicated(cluster, T, 0);
            cluster.isolate(3, IsolateFrom.BROKERS, Set.of(1));
            produceAcked(cluster, T, 0, 2, 1); // offsets 10-11 (epoch 0) reach 2 but not 3
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).leo().get(2) == 12, 1_000));
            cluster.isolate(2, IsolateFrom.BROKERS, Set.of(3));
            cluster.kill(1);
            awaitLeader(cluster, T, 0, 3_000, 3); // epoch 1 starts at 10 on broker 3; it writes nothing
            int pid = partitionId(cluster, T, 0);
            assertTrue(cluster.awaitCondition(
                    s -> "LEADER".equals(s.replica(3, pid).role()), 1_000));
            assertEquals(1, log(cluster, 3, T, 0).latestEpoch());
            cluster.kill(3);
            awaitLeader(cluster, T, 0, 3_000, 2); // epoch 2 on broker 2, which has 10-11
            cluster.heal();
            cluster.restart(3);
            awaitIsr(cluster, T, 0, 5_000, 2, 3); // 3 copies the epoch-0 records 10-11
            cluster.kill(2);
            awaitLeader(cluster, T, 0, 3_000, 3);
            long mark = cluster.journal().size();
            cluster.restart(2);
            awaitIsr(cluster, T, 0, 5_000, 3, 2);
            assertTrue(
                    events(cluster, mark, e -> e.type() == EventType.TRUNCATED).isEmpty(), () -> journalDump(cluster));
            assertEquals(recordIds(log(cluster, 3, T, 0), 0, 12), recordIds(log(cluster, 2, T, 0), 0, 12));
        }
    }

    // ---- Reassignment --------------------------------------------------------------------------------

    @Test
    void reassignmentAddingABrokerAndRemovingTheLeaderCompletesAndElectsFromTheNewReplicas() {
        try (Cluster cluster = simulated(4, 30)) {
            cluster.setConfig("auto.leader.rebalance.enable", "false", null);
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            produceAcked(cluster, T, 0, 40, -1);
            int pid = partitionId(cluster, T, 0);
            int epoch = partition(cluster, T, 0).leaderEpoch();

            AdminResult started = cluster.admin(
                    new AdminOperation.AlterReassignment(new TopicPartitionRef(T, 0), new int[] {4, 2, 3}));
            assertEquals(Errors.NONE, started.error(), started.message());
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.partition(T, 0).replicas().length == 3
                                    && s.partition(T, 0).leader() == 4,
                            10_000),
                    () -> describe(cluster, T, 0));
            PartitionView done = partition(cluster, T, 0);
            assertArrayEquals(new int[] {4, 2, 3}, done.replicas());
            assertEquals(0, done.adding().length);
            assertEquals(0, done.removing().length);
            assertArrayEquals(new int[] {2, 3, 4}, done.isr());
            assertEquals(epoch + 1, done.leaderEpoch());
            List<Event> reassign = events(cluster, EventType.REASSIGNMENT);
            EventDetail.Reassignment first = detail(reassign.get(0), EventDetail.Reassignment.class);
            assertArrayEquals(new int[] {1, 2, 3}, first.oldReplicas());
            assertArrayEquals(new int[] {4, 2, 3, 1}, first.newReplicas());
            assertArrayEquals(new int[] {4}, first.adding());
            assertArrayEquals(new int[] {1}, first.removing());
            assertTrue(
                    detail(last(reassign), EventDetail.Reassignment.class).complete(),
                    last(reassign).format());
            assertTrue(cluster.awaitCondition(s -> s.replica(1, pid) == null, 2_000), "broker 1's replica deleted");
            assertTrue(produceOne(cluster, T, 0, 10, -1).acknowledged());
            List<ConsumeResult> read = cluster.consume(T, 0, true, 1_000);
            assertEquals(4, read.get(0).leader());
            assertEquals(50, read.get(0).records().size());
        }
    }

    // ---- Clients ------------------------------------------------------------------------------------

    @Test
    void clientOnlyIsolationCausesNoElectionButProduceTimesOut() {
        try (Cluster cluster = cluster(31, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            produceAcked(cluster, T, 0, 5, -1);
            long mark = cluster.journal().size();
            int epoch = partition(cluster, T, 0).leaderEpoch();
            cluster.isolate(1, IsolateFrom.CLIENTS, Set.of());
            ProduceResult result = produceOne(cluster, T, 0, 5, -1);
            assertEquals(Errors.REQUEST_TIMED_OUT, result.error(), result.toString());
            assertEquals(1, result.leader());
            cluster.advance(10_000);
            PartitionView v = partition(cluster, T, 0);
            assertEquals(1, v.leader());
            assertEquals(epoch, v.leaderEpoch());
            assertArrayEquals(new int[] {1, 2, 3}, v.isr());
            assertEquals(5, v.highWatermark(), "the produce never reached the leader");
            assertTrue(
                    events(
                                    cluster,
                                    mark,
                                    e -> e.type() == EventType.LEADER_ELECTED || e.type() == EventType.BROKER_FENCED)
                            .isEmpty(),
                    journalDump(cluster));
        }
    }

    @Test
    void acksAllWithOnlyTheLeaderInIsrAndMinIsr2IsRejectedWithNothingAppended() {
        try (Cluster cluster = cluster(32, false)) {
            createTopic(cluster, T, Map.of("min.insync.replicas", "2"), new int[] {1, 2, 3});
            produceAcked(cluster, T, 0, 5, -1);
            shrinkIsrToLeader(cluster, T, 1, 2, 3); // appends 5 more with acks=1
            long leo = partition(cluster, T, 0).leo().get(1);
            assertEquals(10, leo);
            ProduceResult rejected = produceOne(cluster, T, 0, 7, -1);
            assertEquals(Errors.NOT_ENOUGH_REPLICAS, rejected.error());
            assertEquals(-1, rejected.baseOffset());
            assertEquals(leo, partition(cluster, T, 0).leo().get(1), "nothing appended");
            Event failed = last(events(cluster, EventType.PRODUCE_REJECTED).stream()
                    .filter(e -> e.detail() instanceof EventDetail.ProduceFailed)
                    .toList());
            assertEquals(
                    Errors.NOT_ENOUGH_REPLICAS,
                    detail(failed, EventDetail.ProduceFailed.class).error());
            // acks=1 is not subject to min.insync.replicas.
            ProduceResult acks1 = produceOne(cluster, T, 0, 1, 1);
            assertTrue(acks1.acknowledged());
            assertEquals(10, acks1.baseOffset());
            assertEquals(5, partition(cluster, T, 0).highWatermark(), "strict min ISR: HW does not move");
        }
    }

    @Test
    void consumerReadsStopAtTheHighWatermark() {
        try (Cluster cluster = cluster(33, false)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            produceAcked(cluster, T, 0, 10, -1);
            awaitFullyReplicated(cluster, T, 0);
            cluster.isolate(1, IsolateFrom.BROKERS, Set.of());
            assertTrue(produceOne(cluster, T, 0, 6, 1).acknowledged());
            PartitionView v = partition(cluster, T, 0);
            assertEquals(16L, v.leo().get(1));
            assertEquals(10, v.highWatermark());

            List<ConsumeResult> read = cluster.consume(T, 0, true, 1_000);
            ConsumeResult r = read.get(0);
            assertEquals(Errors.NONE, r.error());
            assertEquals(10, r.highWatermark());
            assertEquals(0, r.records().baseOffset());
            assertEquals(10, r.records().size(), "only offsets below the HW are visible");
            // The next poll from position 10 (= HW) returns nothing, without an error.
            ConsumeResult next = cluster.consume(T, 0, false, 1_000).get(0);
            assertEquals(Errors.NONE, next.error());
            assertEquals(10, next.records().baseOffset());
            assertEquals(0, next.records().size());

            cluster.heal();
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).highWatermark() == 16, 5_000));
            ConsumeResult rest = cluster.consume(T, 0, false, 1_000).get(0);
            assertEquals(10, rest.records().baseOffset());
            assertEquals(6, rest.records().size());
        }
    }

    /** T-0 on [1,2,3]: the preferred leader 1 dies, 2 takes over, and 1 comes back into the ISR as a follower. */
}
