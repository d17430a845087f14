package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.createTopic;
import static leaderlab.cluster.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import leaderlab.cluster.client.ConsumeResult;
import leaderlab.cluster.journal.ConsumeAttemptFailed;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.protocol.Errors;
import org.junit.jupiter.api.Test;

/** The consumer as Kafka 4.x's: through a failover it refreshes metadata and fetches from the new leader. */
class ConsumerRetryTest {

    private static final String T = "orders";

    private static Cluster start(long seed) {
        Cluster cluster = TestSupport.simulated(3, seed);
        createTopic(cluster, T, Map.of("min.insync.replicas", "2"), new int[] {1, 2, 3});
        TestSupport.produceAcked(cluster, T, 0, 10, -1);
        TestSupport.awaitFullyReplicated(cluster, T, 0);
        return cluster;
    }

    private static List<ConsumeAttemptFailed> failures(Cluster cluster, long mark) {
        return events(cluster, mark, e -> e.type() == EventType.CONSUME_FAILED).stream()
                .map(e -> (ConsumeAttemptFailed) e.detail())
                .toList();
    }

    @Test
    void aConsumeRightAfterTheLeaderIsKilledReadsFromTheNewLeaderWithoutAnError() {
        try (Cluster cluster = start(51)) {
            long mark = cluster.journal().size();
            cluster.kill(1);
            ConsumeResult r = cluster.consume(T, 0, true, 100).get(0);
            assertEquals(Errors.NONE, r.error(), r.toString());
            assertFalse(r.timedOut());
            assertEquals(2, r.leader(), "read from the leader elected after the fence");
            assertEquals(0, r.records().baseOffset());
            assertEquals(10, r.records().size());
            assertTrue(r.retries() > 0, r.toString());
            assertTrue(
                    r.retried().contains("NETWORK_EXCEPTION from broker 1"),
                    r.retried().toString());
            Event fenced = events(cluster, mark, e -> e.type() == EventType.BROKER_FENCED)
                    .get(0);
            assertTrue(cluster.nowMs() >= fenced.timeMs());
            List<ConsumeAttemptFailed> failed = failures(cluster, mark);
            assertEquals(Errors.NETWORK_EXCEPTION, failed.get(0).error());
            assertEquals(1, failed.get(0).broker());
            assertEquals(0, failed.get(0).position());
            assertEquals(1, failed.get(0).nextRetry());
            assertTrue(failed.stream().noneMatch(ConsumeAttemptFailed::givesUp), failed.toString());
            assertTrue(failed.size() < 5, "waiting out one error is journaled once, not per retry: " + failed);

            ConsumeResult next = cluster.consume(T, 0, false, 100).get(0);
            assertEquals(10, next.records().baseOffset(), "the position survived the failover");
            assertEquals(0, next.retries());
        }
    }

    @Test
    void aLeaderlessPartitionMakesThePollReturnNoRecordsAfterTheTimeoutAndNoError() {
        try (Cluster cluster = start(52)) {
            cluster.kill(3);
            cluster.kill(2);
            cluster.kill(1);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).offline(), 10_000));
            cluster.restart(3); // alive but neither in the ISR nor in the ELR: the partition stays leaderless
            long mark = cluster.journal().size();
            long start = cluster.nowMs();
            ConsumeResult r = cluster.consume(T, 0, true, 100).get(0);
            assertTrue(r.timedOut(), r.toString());
            assertEquals(Errors.NONE, r.error(), "Kafka's poll raises nothing: it returns no records");
            assertEquals(-1, r.leader());
            assertEquals(0, r.records().size());
            assertTrue(cluster.nowMs() - start >= 6_000, "waited default.api.timeout.ms");
            assertTrue(r.retried().stream().anyMatch(e -> e.startsWith("LEADER_NOT_AVAILABLE")), r.toString());
            List<ConsumeAttemptFailed> failed = failures(cluster, mark);
            ConsumeAttemptFailed last = failed.get(failed.size() - 1);
            assertTrue(last.givesUp(), failed.toString());
            assertEquals(Errors.LEADER_NOT_AVAILABLE, last.error());
            assertEquals(-1, last.broker());
        }
    }

    @Test
    void aShorterTimeoutEndsThePollSooner() {
        try (Cluster cluster = start(53)) {
            cluster.setConfig("default.api.timeout.ms", "500", null);
            cluster.kill(1);
            long start = cluster.nowMs();
            ConsumeResult r = cluster.consume(T, 0, true, 100).get(0);
            assertTrue(r.timedOut(), "the controller fences broker 1 only after 1500 ms: " + r);
            assertTrue(cluster.nowMs() - start < 1_000, "gave up after about 500 ms");
            assertTrue(r.retried().contains("NETWORK_EXCEPTION from broker 1"), r.toString());
        }
    }
}
