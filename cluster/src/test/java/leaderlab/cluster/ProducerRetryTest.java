package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.createTopic;
import static leaderlab.cluster.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.ProduceAttemptFailed;
import leaderlab.cluster.protocol.Errors;
import org.junit.jupiter.api.Test;

/**
 * The producer as Kafka 4.x's: a batch it cannot send (no leader, a refused connection) waits unsent and uses
 * no retry; a request in flight that fails is retried; delivery timeout.
 */
class ProducerRetryTest {

    private static final String T = "orders";

    private static Cluster start(long seed) {
        Cluster cluster = TestSupport.simulated(3, seed);
        createTopic(cluster, T, Map.of("min.insync.replicas", "2"), new int[] {1, 2, 3});
        return cluster;
    }

    private static List<Event> clientFailures(Cluster cluster, long mark) {
        return events(cluster, mark, e -> e.detail() instanceof ProduceAttemptFailed);
    }

    private static ProduceAttemptFailed attempt(Event event) {
        return (ProduceAttemptFailed) event.detail();
    }

    @Test
    void aBatchWhoseLeaderRefusesTheConnectionWaitsUnsentForTheNewLeaderUsingNoRetry() {
        try (Cluster cluster = start(41)) {
            long mark = cluster.journal().size();
            long killedAt = cluster.nowMs();
            cluster.kill(1);
            ProduceResult r = cluster.produce(T, 0, 5, -1).get(0);
            assertTrue(r.acknowledged(), r.toString());
            assertEquals(2, r.leader(), "delivered to the leader elected after the fence");
            assertEquals(0, r.retries(), "a refused connection carried no request: " + r);
            assertEquals(List.of(), r.retried());
            Event fenced = events(cluster, mark, e -> e.type() == EventType.BROKER_FENCED)
                    .get(0);
            assertTrue(r.waitedMs() >= fenced.timeMs() - killedAt - 200, "waited about the session timeout: " + r);
            assertTrue(cluster.nowMs() >= fenced.timeMs());
            assertTrue(cluster.nowMs() - killedAt < 12_000, "within delivery.timeout.ms");
            assertEquals(List.of(), clientFailures(cluster, mark), "nothing failed: no request was in flight");
        }
    }

    @Test
    void withRetriesZeroARefusedConnectionStillWaitsForTheNewLeader() {
        try (Cluster cluster = start(42)) {
            long mark = cluster.journal().size();
            cluster.kill(1);
            ProduceResult r = cluster.produce(T, 0, 5, -1, 0).get(0);
            assertTrue(r.acknowledged(), "Kafka's Sender fails only requests in flight: " + r);
            assertEquals(2, r.leader());
            assertEquals(0, r.retries());
            assertTrue(r.waitedMs() > 1_000, r.toString());
            assertEquals(0, clientFailures(cluster, mark).size());
        }
    }

    @Test
    void anAcksZeroBatchIsNotSentIntoARefusedConnectionButToTheNewLeader() {
        try (Cluster cluster = start(47)) {
            cluster.kill(1);
            ProduceResult r = cluster.produce(T, 0, 5, 0).get(0);
            assertEquals(Errors.NONE, r.error(), r.toString());
            assertEquals(2, r.leader(), "sent once broker 2 led");
            assertEquals(-1, r.baseOffset(), "acks=0: no answer, no offsets");
            assertTrue(r.waitedMs() > 1_000, r.toString());
        }
    }

    @Test
    void withRetriesZeroAnErrorAnswerInFlightIsReported() {
        try (Cluster cluster = start(46)) {
            cluster.kill(3);
            cluster.kill(2);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).isr().length == 1, 10_000));
            long mark = cluster.journal().size();
            ProduceResult r = cluster.produce(T, 0, 5, -1, 0).get(0);
            assertEquals(Errors.NOT_ENOUGH_REPLICAS, r.error(), r.toString());
            assertEquals(1, r.leader());
            assertEquals(0, r.waitedMs());
            List<Event> failures = clientFailures(cluster, mark);
            assertEquals(1, failures.size());
            assertTrue(attempt(failures.get(0)).givesUp());
        }
    }

    @Test
    void aLeaderlessPartitionMakesTheProducerWaitAndExpireTheBatch() {
        try (Cluster cluster = start(43)) {
            cluster.kill(3);
            cluster.kill(2);
            cluster.kill(1);
            assertTrue(cluster.awaitCondition(s -> s.partition(T, 0).offline(), 10_000));
            cluster.restart(3); // alive but not eligible: the partition stays leaderless
            long mark = cluster.journal().size();
            long start = cluster.nowMs();
            ProduceResult r = cluster.produce(T, 0, 1, -1).get(0);
            assertEquals(Errors.REQUEST_TIMED_OUT, r.error(), r.toString());
            assertTrue(r.detail().startsWith("Expiring 1 record(s) for orders-0:12000 ms"), r.detail());
            assertTrue(r.detail().contains("unsent: the partition has no leader"), r.detail());
            long took = cluster.nowMs() - start;
            assertTrue(took >= 12_000 && took < 12_500, "the metadata, then delivery.timeout.ms: " + took);
            assertEquals(0, r.retries(), "waiting for a leader uses no retry");
            assertTrue(r.waitedMs() > 11_000, r.toString());
            List<Event> failures = clientFailures(cluster, mark);
            assertEquals(1, failures.size(), "only the expiry is a failure: " + failures);
            ProduceAttemptFailed expired = attempt(failures.get(0));
            assertEquals(Errors.REQUEST_TIMED_OUT, expired.error(), failures.toString());
            assertTrue(expired.givesUp());
            assertEquals(-1, expired.broker(), "expired in the producer, not answered by a broker");
        }
    }

    @Test
    void withNoBrokerAnsweringTheProducerWaitsForMetadataUpToMaxBlockMs() {
        try (Cluster cluster = start(45)) {
            for (int b = 1; b <= 3; b++) {
                cluster.stall(b, 3_000);
            }
            long start = cluster.nowMs();
            ProduceResult r = cluster.produce(T, 0, 1, -1).get(0);
            assertTrue(r.acknowledged(), "the brokers came back within max.block.ms: " + r);
            assertTrue(cluster.nowMs() - start >= 2_500, "waited for them");

            for (int b = 1; b <= 3; b++) {
                cluster.kill(b);
            }
            long killed = cluster.nowMs();
            ProduceResult none = cluster.produce(T, 0, 1, -1).get(0);
            assertEquals(Errors.REQUEST_TIMED_OUT, none.error());
            assertEquals(-1, none.leader());
            assertTrue(cluster.nowMs() - killed >= 6_000, "max.block.ms passed first");
        }
    }

    /**
     * Kafka's producer retries inside the client and tells the application once: each timed-out attempt
     * is a PRODUCE_RETRIED with its number, and the outcome one PRODUCE_FAILED.
     */
    @Test
    void aProduceTimingOutOnABrokerCutOffFromClientsJournalsEveryRetryAndOneFailure() {
        try (Cluster cluster = start(44)) {
            cluster.isolate(1, IsolateFrom.CLIENTS, Set.of());
            long mark = cluster.journal().size();
            ProduceResult r = cluster.produce(T, 0, 2, -1).get(0);
            assertEquals(Errors.REQUEST_TIMED_OUT, r.error(), r.toString());
            List<Event> retried = events(cluster, mark, e -> e.type() == EventType.PRODUCE_RETRIED);
            List<Event> failed = events(cluster, mark, e -> e.type() == EventType.PRODUCE_FAILED);
            assertEquals(r.retries(), retried.size(), "every retry journaled: " + retried);
            assertEquals(3, retried.size(), "request.timeout.ms 3 s, delivery.timeout.ms 12 s: " + retried);
            for (int i = 0; i < retried.size(); i++) {
                ProduceAttemptFailed attempt = attempt(retried.get(i));
                assertEquals(i + 1, attempt.attempts(), retried.get(i).text());
                assertEquals(i + 1, attempt.nextRetry(), retried.get(i).text());
                assertEquals(Errors.REQUEST_TIMED_OUT, attempt.error());
                assertEquals(1, attempt.broker());
                assertEquals(2, attempt.records());
                assertTrue(retried.get(i).text().contains("attempt " + (i + 1) + ": REQUEST_TIMED_OUT from broker 1"));
            }
            assertEquals(1, failed.size(), "the application is told once: " + failed);
            ProduceAttemptFailed outcome = attempt(failed.get(0));
            assertTrue(outcome.givesUp());
            assertEquals(Errors.REQUEST_TIMED_OUT, outcome.error());
            assertEquals(4, outcome.attempts(), failed.get(0).text());
            assertTrue(failed.get(0).timeMs() > retried.get(retried.size() - 1).timeMs());
            assertTrue(
                    failed.get(0).text().contains("produce of 2 record(s) failed after 4 attempt(s): "),
                    failed.get(0).text());
        }
    }

    @Test
    void aBrokerCutOffFromClientsTimesOutAndEachTimeoutIsJournaled() {
        try (Cluster cluster = start(44)) {
            cluster.isolate(1, IsolateFrom.CLIENTS, Set.of());
            long mark = cluster.journal().size();
            ProduceResult r = cluster.produce(T, 0, 1, -1, 0).get(0);
            assertEquals(Errors.REQUEST_TIMED_OUT, r.error());
            List<Event> failures = clientFailures(cluster, mark);
            assertEquals(1, failures.size());
            assertEquals(
                    Errors.REQUEST_TIMED_OUT,
                    attempt(failures.get(0)).error(),
                    failures.get(0).text());
            assertTrue(attempt(failures.get(0)).givesUp());
        }
    }
}
