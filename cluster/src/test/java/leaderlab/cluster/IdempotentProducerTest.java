package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.allRecordIds;
import static leaderlab.cluster.TestSupport.createTopic;
import static leaderlab.cluster.TestSupport.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.client.ProducerSettings;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import org.junit.jupiter.api.Test;

/**
 * enable.idempotence and max.in.flight.requests.per.connection as Kafka 4.x's producer has them: the
 * defaults, ProducerConfig's compatibility rules, and a resent batch that the leader already holds.
 */
class IdempotentProducerTest {

    private static final String T = "orders";

    private static ProducerSettings settings(Configs configs, boolean setByUser, int acks, int retries) {
        return ProducerSettings.of(configs, setByUser, acks, retries);
    }

    @Test
    void idempotenceIsOnByDefaultAndTurnedOffQuietlyByAConflictTheUserDidNotPairWithIt() {
        Configs defaults = Configs.defaults(false);
        ProducerSettings plain = settings(defaults, false, -1, -1);
        assertTrue(plain.idempotent());
        assertEquals(5, plain.maxInFlight());
        assertEquals(Integer.MAX_VALUE, plain.retries());
        assertFalse(settings(defaults, false, 1, -1).idempotent(), "acks=1");
        assertFalse(settings(defaults, false, -1, 0).idempotent(), "retries=0");
        assertTrue(Configs.defaults(true).getBoolean(leaderlab.cluster.config.ConfigKey.ENABLE_IDEMPOTENCE, null));
    }

    /**
     * Kafka 4.4's ProducerConfig throws for more than 5 in flight whenever idempotence is on, set by the
     * user or left at its default (3.x turned it off quietly); even acks=1, which alone turns it off
     * quietly, does not save the producer. Only enable.idempotence=false does.
     */
    @Test
    void moreThanFiveInFlightWithIdempotenceLeftAtItsDefaultRefusesTheProducerAsKafka44Does() {
        Configs sixInFlight = Configs.defaults(false)
                .with(leaderlab.cluster.config.ConfigKey.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 6, null);
        for (int acks : new int[] {-1, 1}) {
            assertEquals(
                    "ConfigException: To use the idempotent producer, max.in.flight.requests.per.connection must be"
                            + " set to at most 5. Current value is 6.",
                    assertThrows(IllegalArgumentException.class, () -> settings(sixInFlight, false, acks, -1))
                            .getMessage(),
                    "acks=" + acks);
        }
        Configs off = sixInFlight.with(leaderlab.cluster.config.ConfigKey.ENABLE_IDEMPOTENCE, false, null);
        ProducerSettings without = settings(off, true, 1, -1);
        assertFalse(without.idempotent());
        assertEquals(6, without.maxInFlight());
        try (Cluster cluster = TestSupport.simulated(3, 62)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            cluster.setConfig("max.in.flight.requests.per.connection", "6", null);
            long events = cluster.journal().size();
            assertThrows(IllegalArgumentException.class, () -> cluster.produce(T, 0, 1, -1));
            assertEquals(events, cluster.journal().size(), "the refused producer wrote nothing");
        }
    }

    @Test
    void anExplicitEnableIdempotenceWithAConflictRefusesToStartAsKafkasConfigExceptionDoes() {
        Configs defaults = Configs.defaults(false);
        assertTrue(settings(defaults, true, -1, -1).idempotent());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(defaults, true, 1, -1))
                .getMessage()
                .startsWith("ConfigException: Must set acks to all"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(defaults, true, -1, 0))
                .getMessage()
                .startsWith("ConfigException: Must set retries to non-zero"));
        Configs sixInFlight =
                defaults.with(leaderlab.cluster.config.ConfigKey.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 6, null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(sixInFlight, true, -1, -1))
                .getMessage()
                .startsWith("ConfigException: To use the idempotent producer, max.in.flight.requests.per.connection"));
        Configs off = defaults.with(leaderlab.cluster.config.ConfigKey.ENABLE_IDEMPOTENCE, false, null);
        assertFalse(settings(off, true, 1, 0).idempotent(), "explicitly off: nothing to conflict with");
    }

    @Test
    void aRefusedProducerChangesNothing() {
        try (Cluster cluster = TestSupport.simulated(3, 60)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3});
            cluster.setConfig("enable.idempotence", "true", null);
            long events = cluster.journal().size();
            assertThrows(IllegalArgumentException.class, () -> cluster.produce(T, 0, 1, 1));
            assertEquals(events, cluster.journal().size());
            assertEquals(0, log(cluster, 1, T, 0).endOffset());
        }
    }

    /**
     * The two followers pause while a batch waits for them: the leader has written it, but with the ISR
     * below min ISR the high watermark does not pass it, so the leader answers REQUEST_TIMED_OUT after
     * request.timeout.ms. The producer resends (NOT_ENOUGH_REPLICAS meanwhile) until the followers are back.
     */
    private static ProduceResult resendAWrittenBatch(Cluster cluster) {
        createTopic(cluster, T, Map.of("min.insync.replicas", "2"), new int[] {1, 2, 3});
        TestSupport.produceAcked(cluster, T, 0, 10, -1);
        TestSupport.awaitFullyReplicated(cluster, T, 0);
        cluster.stall(2, 4_000);
        cluster.stall(3, 4_000);
        List<ProduceResult> results = cluster.produce(T, 0, 5, -1);
        assertEquals(1, results.size());
        ProduceResult r = results.get(0);
        assertTrue(r.acknowledged(), r.toString());
        assertEquals("REQUEST_TIMED_OUT from broker 1", r.retried().get(0), "the written attempt was not answered");
        return r;
    }

    @Test
    void withIdempotenceTheLeaderKeepsOneCopyOfAResentBatchAndAnswersWithItsFirstOffsets() {
        try (Cluster cluster = TestSupport.simulated(3, 61)) {
            ProduceResult r = resendAWrittenBatch(cluster);
            assertTrue(r.duplicate(), r.toString());
            assertEquals(10, r.baseOffset(), "the offsets the first attempt got");
            List<Long> ids = allRecordIds(log(cluster, 1, T, 0));
            assertEquals(15, ids.size(), ids.toString());
            assertEquals(ids.size(), ids.stream().distinct().count(), "no record twice: " + ids);
            assertEquals(0, cluster.ledger().lostCount());
        }
    }

    @Test
    void withoutIdempotenceTheResentBatchIsWrittenTwice() {
        try (Cluster cluster = TestSupport.simulated(3, 61)) {
            cluster.setConfig("enable.idempotence", "false", null);
            ProduceResult r = resendAWrittenBatch(cluster);
            assertFalse(r.duplicate());
            assertEquals(15, r.baseOffset(), "appended again after the first copy");
            List<Long> ids = allRecordIds(log(cluster, 1, T, 0));
            assertEquals(20, ids.size(), ids.toString());
            for (long id : ids.subList(10, 15)) {
                assertEquals(2, Collections.frequency(ids, id), "record " + id + " in " + ids);
            }
        }
    }

    /** When the leader answered each of three batches (one per partition, all led by broker 1). */
    private static List<Long> ackTimes(int maxInFlight) {
        try (Cluster cluster = TestSupport.simulated(3, 62)) {
            createTopic(cluster, T, Map.of(), new int[] {1, 2, 3}, new int[] {1, 2, 3}, new int[] {1, 2, 3});
            cluster.setConfig("max.in.flight.requests.per.connection", String.valueOf(maxInFlight), null);
            long mark = cluster.journal().size();
            List<ProduceResult> results = cluster.produce(T, -1, 3, -1);
            assertEquals(3, results.size());
            assertTrue(results.stream().allMatch(ProduceResult::acknowledged), results.toString());
            return TestSupport.events(cluster, mark, e -> e.type() == EventType.PRODUCE_ACKED).stream()
                    .map(Event::timeMs)
                    .toList();
        }
    }

    @Test
    void maxInFlightOneSendsBatchesToOneBrokerOneAfterAnother() {
        List<Long> together = ackTimes(5);
        assertEquals(3, together.size());
        assertEquals(1, together.stream().distinct().count(), "three in flight at once: " + together);
        List<Long> inTurn = ackTimes(1);
        assertEquals(3, inTurn.size());
        assertTrue(inTurn.get(0) < inTurn.get(1) && inTurn.get(1) < inTurn.get(2), "one at a time: " + inTurn);
    }
}
