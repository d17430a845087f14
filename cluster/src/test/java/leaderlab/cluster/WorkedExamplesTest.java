package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import leaderlab.cluster.client.ConsumeResult;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.PartitionView;
import org.junit.jupiter.api.Test;

/**
 * Kafka's worked examples A, B and C of reference §3.5, played through the Cluster facade on the
 * simulated runtime. Automatic rebalance is switched off so leadership only moves where the example
 * says it does.
 */
class WorkedExamplesTest {

    private static final String T = "orders";

    private static Cluster startWithTopic(long seed, Map<String, String> configs) {
        Cluster cluster = simulated(3, seed);
        assertEquals(
                Errors.NONE,
                cluster.setConfig("auto.leader.rebalance.enable", "false", null).error());
        createTopic(cluster, T, configs, new int[] {1, 2, 3});
        return cluster;
    }

    /** Offsets 0-99 acknowledged by every replica: LEO = HW = 100 everywhere, as the examples start. */
    private static void fillTo100(Cluster cluster) {
        ProduceResult first = produceAcked(cluster, T, 0, 100, -1);
        assertEquals(0, first.baseOffset());
        awaitFullyReplicated(cluster, T, 0);
        PartitionView v = partition(cluster, T, 0);
        assertEquals(100, v.highWatermark());
        assertEquals(Map.of(1, 100L, 2, 100L, 3, 100L), v.leo());
    }

    private static Event only(List<Event> events, String what) {
        assertEquals(1, events.size(), "expected exactly one " + what + ": " + events);
        return events.get(0);
    }

    @Test
    void exampleA_acks1WritesAreTruncatedOnTheOldLeaderWithoutAnyUncleanElection() {
        try (Cluster cluster = startWithTopic(11, Map.of())) {
            fillTo100(cluster);
            // The followers must not fetch offsets 100-109 before broker 1 dies.
            cluster.isolate(1, IsolateFrom.BROKERS, Set.of());
            ProduceResult acks1 = produceAcked(cluster, T, 0, 10, 1);
            assertEquals(100, acks1.baseOffset(), "acks=1 is acknowledged at once by the leader");
            List<Long> ackedIds = recordIds(log(cluster, 1, T, 0), 100, 110);
            PartitionView before = partition(cluster, T, 0);
            assertEquals(Map.of(1, 110L, 2, 100L, 3, 100L), before.leo());
            assertEquals(100, before.highWatermark(), "HW stays 100: followers never had 100-109");
            assertArrayEquals(new int[] {1, 2, 3}, before.isr());

            long killedAt = cluster.nowMs();
            cluster.kill(1);
            cluster.heal();
            awaitLeader(cluster, T, 0, 5_000, 2);
            PartitionView after = partition(cluster, T, 0);
            assertArrayEquals(new int[] {2, 3}, after.isr());
            assertEquals(before.leaderEpoch() + 1, after.leaderEpoch());
            // Fenced broker.session.timeout.ms (1500) after its last heartbeat (sent every 200 ms).
            Event fence = events(cluster, EventType.BROKER_FENCED).get(0);
            assertTrue(fence.timeMs() > killedAt + 1300 && fence.timeMs() <= killedAt + 1500, fence.format());
            Event elected = events(cluster, EventType.LEADER_ELECTED)
                    .get(events(cluster, EventType.LEADER_ELECTED).size() - 1);
            assertEquals(
                    EventDetail.Election.ONLINE,
                    detail(elected, EventDetail.LeaderElected.class).election());

            // Leader 2's epoch starts at offset 100; new writes reuse offsets 100...
            assertTrue(cluster.awaitCondition(
                    s -> s.replica(2, s.topic(T).partitionId(0)).log().latestEpoch() == after.leaderEpoch(), 1_000));
            LogView leaderLog = log(cluster, 2, T, 0);
            assertEquals(after.leaderEpoch(), leaderLog.cacheEpochs()[leaderLog.cacheSize() - 1]);
            assertEquals(100L, leaderLog.cacheStartOffsets()[leaderLog.cacheSize() - 1]);
            ProduceResult newWrites = produceAcked(cluster, T, 0, 5, -1);
            assertEquals(100, newWrites.baseOffset());

            long mark = cluster.journal().size();
            cluster.restart(1);
            awaitIsr(cluster, T, 0, 10_000, 2, 3, 1);
            awaitFullyReplicated(cluster, T, 0);

            Event truncated = only(events(cluster, mark, e -> e.type() == EventType.TRUNCATED), "truncation");
            assertEquals(NodeId.broker(1), truncated.source());
            EventDetail.Truncated truncation = detail(truncated, EventDetail.Truncated.class);
            assertEquals(110, truncation.fromOffset());
            assertEquals(100, truncation.toOffset());
            assertEquals(EventDetail.TruncationReason.DIVERGENCE, truncation.reason());
            assertTrue(
                    events(
                                    cluster,
                                    mark,
                                    e -> e.detail() instanceof EventDetail.LeaderElected election
                                            && election.election() == EventDetail.Election.UNCLEAN)
                            .isEmpty(),
                    "no unclean election was involved");

            PartitionView healed = partition(cluster, T, 0);
            assertEquals(Map.of(1, 105L, 2, 105L, 3, 105L), healed.leo());
            assertEquals(105, healed.highWatermark());
            List<Long> nowOnBroker1 = recordIds(log(cluster, 1, T, 0), 100, 105);
            assertEquals(recordIds(log(cluster, 2, T, 0), 100, 105), nowOnBroker1);
            for (Long id : ackedIds) {
                assertFalse(allRecordIds(log(cluster, 1, T, 0)).contains(id), "acked record " + id + " survived");
                assertFalse(allRecordIds(log(cluster, 2, T, 0)).contains(id));
            }
        }
    }

    /** Example B's lead-up: 3 then 2 fall behind leader 1 while it takes 50 acks=all writes. */
    private static ProduceResult followersFallBehindDuring50Writes(Cluster cluster) {
        // Cut 3 then 2 off from broker 1 only: both stay registered with the controller.
        cluster.isolate(3, IsolateFrom.BROKERS, Set.of(1));
        cluster.advance(1_500);
        cluster.isolate(2, IsolateFrom.BROKERS, Set.of(1));
        // The 50 writes wait for the ISR to shrink (≥ replica.lag.time.max.ms each), so give them time.
        cluster.setConfig("request.timeout.ms", "10000", null);
        long mark = cluster.journal().size();
        ProduceResult result = produceOne(cluster, T, 0, 50, -1);
        List<Event> shrinks = events(cluster, mark, e -> e.type() == EventType.ISR_SHRUNK);
        assertEquals(2, shrinks.size(), shrinks.toString());
        assertArrayEquals(
                new int[] {1, 2, 3},
                detail(shrinks.get(0), EventDetail.IsrChanged.class).oldIsr());
        assertArrayEquals(
                new int[] {1, 2},
                detail(shrinks.get(0), EventDetail.IsrChanged.class).newIsr());
        assertArrayEquals(
                new int[] {1},
                detail(shrinks.get(1), EventDetail.IsrChanged.class).newIsr());
        return result;
    }

    @Test
    void exampleB_uncleanElectionLosesFiftyAcknowledgedRecords() {
        try (Cluster cluster = startWithTopic(12, Map.of("unclean.leader.election.enable", "true"))) {
            fillTo100(cluster);
            ProduceResult acked = followersFallBehindDuring50Writes(cluster);
            assertTrue(acked.acknowledged(), "minISR 1: acks=all succeeds with ISR [1]: " + acked);
            assertEquals(100, acked.baseOffset());
            PartitionView before = partition(cluster, T, 0);
            assertArrayEquals(new int[] {1}, before.isr());
            assertEquals(150, before.highWatermark());
            assertEquals(150L, before.leo().get(1));
            assertEquals(100L, before.leo().get(2));
            List<Long> ackedIds = recordIds(log(cluster, 1, T, 0), 100, 150);
            // Consumers saw them.
            List<ConsumeResult> read = cluster.consume(T, 0, true, 1_000);
            assertEquals(150, read.get(0).records().endOffset());

            long mark = cluster.journal().size();
            cluster.kill(1);
            // KRaft decides in the same fence record: leader 2 (first acceptable), ISR [2], RECOVERING.
            awaitLeader(cluster, T, 0, 5_000, 2);
            PartitionView after = partition(cluster, T, 0);
            assertArrayEquals(new int[] {2}, after.isr());
            assertTrue(after.recovering());
            assertEquals(before.leaderEpoch() + 1, after.leaderEpoch());
            Event fenced = only(events(cluster, mark, e -> e.type() == EventType.BROKER_FENCED), "fence");
            Event elected = only(events(cluster, mark, e -> e.type() == EventType.LEADER_ELECTED), "election");
            assertTrue(detail(elected, EventDetail.LeaderElected.class).unclean(), elected.format());
            assertEquals(fenced.seq(), elected.causeSeq(), "the election is caused by the fence");
            assertEquals(fenced.timeMs(), elected.timeMs());

            cluster.heal();
            awaitIsr(cluster, T, 0, 10_000, 2, 3); // broker 3 catches up from leader 2
            assertFalse(partition(cluster, T, 0).recovering(), "leader 2 reported RECOVERED with its ISR expansion");
            LogView leaderLog = log(cluster, 2, T, 0);
            assertEquals(100L, leaderLog.cacheStartOffsets()[leaderLog.cacheSize() - 1], "epoch starts at 100");

            cluster.restart(1);
            awaitIsr(cluster, T, 0, 10_000, 2, 3, 1);
            Event truncated = only(events(cluster, mark, e -> e.type() == EventType.TRUNCATED), "truncation");
            assertEquals(NodeId.broker(1), truncated.source());
            assertEquals(150, detail(truncated, EventDetail.Truncated.class).fromOffset());
            assertEquals(100, detail(truncated, EventDetail.Truncated.class).toOffset());
            awaitFullyReplicated(cluster, T, 0);
            assertEquals(
                    Map.of(1, 100L, 2, 100L, 3, 100L), partition(cluster, T, 0).leo());

            // Offsets 100.. are reused with different data: the 50 acknowledged records are gone.
            ProduceResult reused = produceAcked(cluster, T, 0, 50, -1);
            assertEquals(100, reused.baseOffset());
            awaitFullyReplicated(cluster, T, 0);
            for (int broker = 1; broker <= 3; broker++) {
                List<Long> ids = allRecordIds(log(cluster, broker, T, 0));
                for (Long id : ackedIds) {
                    assertFalse(ids.contains(id), "acked record " + id + " still on broker " + broker);
                }
            }
            assertNotEquals(ackedIds, recordIds(log(cluster, 1, T, 0), 100, 150));
        }
    }

    @Test
    void exampleB_withUncleanDisabledThePartitionStaysOfflineUntilBroker1Returns() {
        try (Cluster cluster = startWithTopic(13, Map.of())) {
            // The worked example predates eligible leader replicas (Kafka before 4.1): pin them off.
            assertEquals(
                    Errors.NONE,
                    cluster.setFeature("eligible.leader.replicas.version", "0").error());
            fillTo100(cluster);
            assertTrue(followersFallBehindDuring50Writes(cluster).acknowledged());
            cluster.kill(1);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).offline(), 5_000));
            cluster.heal();
            cluster.advance(10_000); // several unclean check intervals: nothing happens
            PartitionView offline = partition(cluster, T, 0);
            assertEquals(-1, offline.leader());
            assertArrayEquals(new int[] {1}, offline.isr());
            assertEquals(
                    Errors.REQUEST_TIMED_OUT, // the batch waited for a leader until delivery.timeout.ms
                    produceOne(cluster, T, 0, 1, -1).error());
            cluster.restart(1);
            awaitLeader(cluster, T, 0, 5_000, 1);
            awaitFullyReplicated(cluster, T, 0);
            assertEquals(150, partition(cluster, T, 0).highWatermark(), "nothing acknowledged was lost");
            assertTrue(events(cluster, EventType.TRUNCATED).isEmpty(), journalDump(cluster));
        }
    }

    @Test
    void exampleB_withElrTheCrashedLastLeaderReturnsAsLastKnownLeader() {
        try (Cluster cluster = startWithTopic(13, Map.of())) {
            fillTo100(cluster);
            assertTrue(followersFallBehindDuring50Writes(cluster).acknowledged());
            cluster.kill(1);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).offline(), 5_000));
            PartitionView offline = partition(cluster, T, 0);
            // min ISR 1: the ISR [1] empties; 1 becomes the ELR and the last known leader.
            assertArrayEquals(new int[0], offline.isr());
            assertArrayEquals(new int[] {1}, offline.elr());
            assertArrayEquals(new int[] {1}, offline.lastKnownElr());
            cluster.heal();
            cluster.restart(1);
            // It crashed, so it leaves the ELR on re-registering; then it leads again as the last known
            // leader, an unclean election (RECOVERING) that here loses nothing: its log survived the crash.
            awaitLeader(cluster, T, 0, 5_000, 1);
            Event elected = events(cluster, EventType.LEADER_ELECTED)
                    .get(events(cluster, EventType.LEADER_ELECTED).size() - 1);
            assertTrue(elected.text().contains("UNCLEAN (last known leader)"), elected.text());
            awaitFullyReplicated(cluster, T, 0);
            assertEquals(150, partition(cluster, T, 0).highWatermark(), "nothing acknowledged was lost");
        }
    }

    @Test
    void exampleB_withMinIsr2WritesFailInsteadOfBeingLost() {
        try (Cluster cluster =
                startWithTopic(14, Map.of("unclean.leader.election.enable", "true", "min.insync.replicas", "2"))) {
            fillTo100(cluster);
            ProduceResult pending = followersFallBehindDuring50Writes(cluster);
            assertFalse(pending.acknowledged(), "HW cannot pass 100 with ISR below 2: " + pending);
            assertEquals(Errors.REQUEST_TIMED_OUT, pending.error());
            assertEquals(100, partition(cluster, T, 0).highWatermark());

            long leoBefore = partition(cluster, T, 0).leo().get(1);
            ProduceResult rejected = produceOne(cluster, T, 0, 50, -1);
            assertEquals(Errors.NOT_ENOUGH_REPLICAS, rejected.error());
            assertEquals(leoBefore, partition(cluster, T, 0).leo().get(1), "nothing was appended");
            List<Long> ackedIds = recordIds(log(cluster, 1, T, 0), 0, 100);

            cluster.kill(1);
            awaitLeader(cluster, T, 0, 5_000, 2);
            cluster.heal();
            cluster.restart(1);
            awaitIsr(cluster, T, 0, 10_000, 2, 3, 1);
            awaitFullyReplicated(cluster, T, 0);
            for (int broker = 1; broker <= 3; broker++) {
                assertEquals(
                        ackedIds,
                        recordIds(log(cluster, broker, T, 0), 0, 100),
                        "acknowledged records differ on broker " + broker);
            }
        }
    }

    @Test
    void exampleC_safeConfigurationLosesNothingAcknowledged() {
        try (Cluster cluster = startWithTopic(15, Map.of("min.insync.replicas", "2"))) {
            List<Long> acked = new ArrayList<>();
            ProduceResult first = produceAcked(cluster, T, 0, 100, -1);
            acked.addAll(recordIds(log(cluster, 1, T, 0), first.baseOffset(), first.baseOffset() + 100));

            // One follower lags behind (out of the ISR); acks=all still succeeds with ISR [1,2].
            cluster.isolate(3, IsolateFrom.BROKERS, Set.of(1));
            cluster.setConfig("request.timeout.ms", "10000", null);
            ProduceResult second = produceAcked(cluster, T, 0, 20, -1);
            assertArrayEquals(new int[] {1, 2}, partition(cluster, T, 0).isr());
            acked.addAll(recordIds(log(cluster, 1, T, 0), second.baseOffset(), second.baseOffset() + 20));

            // Losing one broker keeps the partition writable; the clean choice (2) has every acked record.
            cluster.kill(1);
            cluster.heal();
            awaitLeader(cluster, T, 0, 5_000, 2);
            assertFalse(partition(cluster, T, 0).recovering());
            awaitIsr(cluster, T, 0, 10_000, 2, 3);
            ProduceResult third = produceAcked(cluster, T, 0, 30, -1);
            assertEquals(120, third.baseOffset());
            acked.addAll(recordIds(log(cluster, 2, T, 0), 120, 150));

            // Let follower 3 learn HW 150 first: a follower's HW lags one fetch behind the leader's, and
            // with ISR [3] < min.insync.replicas the new leader could not advance it (strict min ISR).
            assertTrue(cluster.awaitCondition(
                    s -> s.replica(3, s.topic(T).partitionId(0)).highWatermark() == 150, 2_000));
            // Losing two makes writes fail; committed data can still be read from the leader.
            cluster.kill(2);
            awaitLeader(cluster, T, 0, 5_000, 3);
            assertArrayEquals(new int[] {3}, partition(cluster, T, 0).isr());
            assertEquals(
                    Errors.NOT_ENOUGH_REPLICAS, produceOne(cluster, T, 0, 5, -1).error());
            List<ConsumeResult> read = cluster.consume(T, 0, true, 1_000);
            assertEquals(Errors.NONE, read.get(0).error());
            List<Long> readIds = new ArrayList<>();
            for (long id : read.get(0).records().recordIds()) {
                readIds.add(id);
            }
            assertEquals(acked, readIds, "a consumer reads every acknowledged record, in order");

            cluster.restart(1);
            cluster.restart(2);
            awaitFullyReplicated(cluster, T, 0);
            for (int broker = 1; broker <= 3; broker++) {
                assertEquals(acked, allRecordIds(log(cluster, broker, T, 0)), "broker " + broker);
            }
            assertEquals(List.of(), events(cluster, EventType.TRUNCATED), "no replica removed any record");
            assertTrue(events(
                            cluster,
                            0,
                            e -> e.detail() instanceof EventDetail.LeaderElected elected
                                    && elected.election() == EventDetail.Election.UNCLEAN)
                    .isEmpty());
        }
    }
}
