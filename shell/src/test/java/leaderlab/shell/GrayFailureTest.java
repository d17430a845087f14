package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gray failures with their Kafka-faithful consequences, deterministic in the simulator. */
class GrayFailureTest {

    private final ShellFixture f = new ShellFixture(31);

    @AfterEach
    void stop() {
        f.close();
    }

    private List<Event> events(EventType type) {
        return f.cluster().journal().since(0, e -> e.type() == type);
    }

    @Test
    void clientOnlyIsolationCausesNoElectionWhileProducesFail() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("isolate 1 --from clients");
        assertTrue(f.text("produce orders --count 3").startsWith("orders-0: REQUEST_TIMED_OUT (7)"));
        f.ok("wait 10s");
        f.ok("expect leader orders-0 is 1");
        f.ok("expect broker 1 is unfenced");
        assertEquals(0, events(EventType.LEADER_ELECTED).size(), "failover never sees it");
        assertTrue(f.text("describe")
                .contains("# broker 1: controller says UNFENCED (healthy); really: clients cannot reach it"));
    }

    @Test
    void aClientOnlyTimeoutIsListedByEventsTypeProduceFailed() {
        f.ok("create topic orders --replica-assignment 2:1:3");
        f.ok("isolate 2 --from clients");
        f.text("produce orders --count 3 --retries 0");
        com.fasterxml.jackson.databind.JsonNode events = Parsed.json(f.text("events --type PRODUCE_FAILED --json"));
        assertEquals(1, events.size(), events.toString());
        com.fasterxml.jackson.databind.JsonNode failed = events.get(0);
        assertEquals("PRODUCE_FAILED", failed.get("type").asText());
        assertEquals("CLIENT", failed.get("source").get("kind").asText());
        assertEquals("orders", failed.get("partition").get("topic").asText());
        assertEquals(2, failed.get("detail").get("broker").asInt());
        assertEquals("REQUEST_TIMED_OUT", failed.get("detail").get("error").asText());
        assertEquals(3, failed.get("detail").get("records").asInt());
    }

    /** With Kafka's default retries: the retries are PRODUCE_RETRIED, the timed-out outcome one PRODUCE_FAILED. */
    @Test
    void aRetriedTimeoutIsListedOnceByEventsTypeProduceFailed() {
        f.ok("create topic orders --replica-assignment 2:1:3");
        f.ok("isolate 2 --from clients");
        assertTrue(f.text("produce orders --count 3").startsWith("orders-0: REQUEST_TIMED_OUT"));
        com.fasterxml.jackson.databind.JsonNode events = Parsed.json(f.text("events --type PRODUCE_FAILED --json"));
        assertEquals(1, events.size(), events.toString());
        assertEquals(2, events.get(0).get("detail").get("broker").asInt());
        assertEquals(
                "REQUEST_TIMED_OUT", events.get(0).get("detail").get("error").asText());
        assertEquals(0, events.get(0).get("detail").get("nextRetry").asInt());
        com.fasterxml.jackson.databind.JsonNode retries = Parsed.json(f.text("events --type PRODUCE_RETRIED --json"));
        assertTrue(retries.size() >= 2, retries.toString());
        for (int i = 0; i < retries.size(); i++) {
            assertEquals(i + 1, retries.get(i).get("detail").get("attempts").asInt(), retries.toString());
            assertEquals(
                    "REQUEST_TIMED_OUT",
                    retries.get(i).get("detail").get("error").asText());
        }
        assertEquals(
                retries.size() + 1, events.get(0).get("detail").get("attempts").asInt());
    }

    @Test
    void aLongPauseGetsTheLeaderFencedAndItsZombieWritesTruncated() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("produce orders --count 5 --acks all");
        f.ok("stall 1 2500ms");
        // Sent to leader 1 while it is paused: it answers when it wakes, still believing it leads.
        String zombie = f.text("produce orders --count 3 --acks 1");
        assertTrue(zombie.startsWith("orders-0: acked offsets 5-7"), zombie);
        f.ok("expect leader orders-0 is 2");
        f.ok("expect epoch orders-0 is 1");
        f.ok("wait until isr orders-0 is 1,2,3 --timeout 10s");
        f.ok("expect leo orders-0 on 1 is 5");
        f.ok("expect lost orders is 3");
        assertTrue(f.text("events --type TRUNCATED").contains("broker 1 truncated from 8 to 5"));
        assertTrue(f.text("lost").contains("acks=1"), f.text("lost"));
    }

    @Test
    void aPausedLeadersAcksAllWritesNeverSucceed() {
        f.ok("create topic orders --replica-assignment 1:2:3 --config min.insync.replicas=2");
        f.ok("stall 1 2500ms");
        // --retries 0: the write to the paused leader itself (a retrying producer would reach the new leader).
        String result = f.text("produce orders --count 2 --acks all --retries 0");
        assertTrue(!result.contains("acked"), result);
        f.ok("wait 3s");
        f.ok("expect lost orders is 0");
        f.ok("expect violations is 0");
    }

    @Test
    void aSlowFollowerLeavesTheIsrAndRejoinsOnceCaughtUp() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("slow-disk 3 3s");
        for (int i = 0; i < 8; i++) {
            f.ok("produce orders --count 10 --acks 1");
            f.ok("wait 500ms");
        }
        f.ok("wait until isr orders-0 is 1,2 --timeout 10s");
        assertTrue(f.text("events --type ISR_SHRUNK").contains("broker 3 not caught up for"));
        f.ok("slow-disk 3 off");
        f.ok("wait until isr orders-0 is 1,2,3 --timeout 15s");
        f.ok("expect leo orders-0 on 3 is 80");
    }

    @Test
    void aSlowLeaderStallsAcksAllProducers() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("config set request.timeout.ms 1000");
        f.ok("slow-disk 1 2s");
        f.ok("produce orders --count 1 --acks all");
        assertTrue(f.text("produce orders --count 1 --acks all").contains("REQUEST_TIMED_OUT"));
    }

    @Test
    void aFlappingControllerLinkFencesAndUnfencesOverAndOver() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        assertEquals(
                "flap broker 2 (every 2000 ms) from the controllers", f.text("flap 2 --period 2s --from controller"));
        f.ok("wait 12s");
        assertTrue(events(EventType.BROKER_FENCED).size() >= 2, "fenced each time the link went down");
        assertTrue(events(EventType.BROKER_UNFENCED).size() >= 2 + 3, "and unfenced each time it came back");
    }

    @Test
    void whenFiresOnceExactlyWhenTheConditionBecomesTrue() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        assertEquals("armed: when hw orders-0 is 20 do kill 1", f.text("when hw orders-0 is 20 do kill 1"));
        assertEquals(List.of("when hw orders-0 is 20 do kill 1"), f.ok("triggers"));
        f.ok("produce orders --count 10");
        f.ok("expect broker 1 is running");
        f.ok("produce orders --count 10");
        f.ok("expect broker 1 is stopped");
        assertEquals(List.of("no armed triggers"), f.ok("triggers"));
        assertTrue(
                f.run("when hw orders-0 is 5 do produce orders").lines().get(0).contains("when ... do takes"));
    }

    @Test
    void aPowerLossLosesWhatWasNotFlushed() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("produce orders --count 5 --acks all");
        f.ok("wait 2s");
        f.ok("produce orders --count 5 --acks 1");
        f.ok("kill 1 --power-loss");
        assertTrue(f.text("events --type TRUNCATED").contains("broker 1 lost unflushed offsets 5-9 in the power loss"));
        // Its followers had copied them, so the restarted broker fetches them back.
        f.ok("restart 1");
        f.ok("wait until leo orders-0 on 1 is 10 --timeout 10s");
        f.ok("expect lost orders is 0");
    }
}
