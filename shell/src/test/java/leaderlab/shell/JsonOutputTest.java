package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import leaderlab.shell.command.Command;
import org.junit.jupiter.api.Test;

/**
 * Every {@code --json} output, parsed by a real JSON parser and read field by field: the shapes scripts
 * rely on. A command that gains --json without a test here fails {@link #everyJsonCommandIsParsedHere}.
 */
class JsonOutputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> PARSED = new TreeSet<>();

    private final ShellFixture f = new ShellFixture(4);

    private JsonNode json(String line) {
        PARSED.add(line.split(" ")[0]);
        var lines = f.ok(line);
        assertEquals(1, lines.size(), () -> line + " prints one JSON line: " + lines);
        try {
            return MAPPER.readTree(lines.get(0));
        } catch (java.io.IOException e) {
            throw new AssertionError(line + " printed invalid JSON: " + lines.get(0), e);
        }
    }

    private void orders() {
        f.ok("create topic orders --replica-assignment 1:2:3 --config min.insync.replicas=2");
    }

    @Test
    void produceReportsEachBatch() {
        orders();
        JsonNode out = json("produce orders --count 10 --acks all --json");
        JsonNode batch = out.get("results").get(0);
        assertEquals("orders-0", batch.get("partition").asText());
        assertEquals(1, batch.get("leader").asInt());
        assertEquals("all", batch.get("acks").asText());
        assertEquals(10, batch.get("count").asInt());
        assertTrue(batch.get("acknowledged").asBoolean());
        assertEquals(0, batch.get("baseOffset").asLong());
        assertEquals(9, batch.get("lastOffset").asLong());
        assertEquals("NONE", batch.get("error").asText());
        assertEquals(0, batch.get("errorCode").asInt());
        assertEquals(0, batch.get("retries").asInt());
        assertEquals(0, batch.get("retried").size());
        assertFalse(batch.get("duplicate").asBoolean());
        assertEquals(0, batch.get("waitedMs").asLong());
        assertTrue(f.text("produce orders --count 1").endsWith("leader 1)"), "nothing waited: nothing said");

        f.ok("kill 2");
        f.ok("kill 3");
        f.ok("wait until isr orders-0 is 1 --timeout 20s");
        // --retries 0 reports the broker's answer instead of retrying it until delivery.timeout.ms.
        JsonNode failed =
                json("produce orders --retries 0 --json").get("results").get(0);
        assertFalse(failed.get("acknowledged").asBoolean());
        assertEquals("NOT_ENOUGH_REPLICAS", failed.get("error").asText());
        assertEquals(19, failed.get("errorCode").asInt());
        assertTrue(failed.get("baseOffset").isNull(), failed.toString());
    }

    @Test
    void aBatchWhoseLeaderCrashedWaitsUnsentAndSaysSoWithoutARetry() {
        orders();
        f.ok("kill 1");
        JsonNode waited = json("produce orders --count 2 --retries 0 --json")
                .get("results")
                .get(0);
        assertTrue(waited.get("acknowledged").asBoolean(), waited.toString());
        assertEquals(2, waited.get("leader").asInt());
        assertEquals(0, waited.get("retries").asInt());
        assertTrue(waited.get("waitedMs").asLong() > 1_000, "about the session timeout: " + waited);
        f.ok("kill 2");
        String text = f.text("produce orders --count 1 --acks 1");
        assertTrue(
                text.matches("orders-0: acked offsets 2 \\(1 record\\(s\\), acks=1, leader 3\\) after waiting \\d+ ms "
                        + "unsent for a leader it could connect to"),
                text);
    }

    @Test
    void consumeReportsRecordsBelowTheHighWatermark() {
        orders();
        f.ok("produce orders --count 3");
        JsonNode read =
                json("consume orders --from-beginning --json").get("results").get(0);
        assertEquals("orders-0", read.get("partition").asText());
        assertEquals("NONE", read.get("error").asText());
        assertEquals(3, read.get("highWatermark").asLong());
        assertEquals(0, read.get("baseOffset").asLong());
        assertEquals(3, read.get("endOffset").asLong());
        assertEquals(3, read.get("records").size());
        assertEquals("m1", read.get("records").get(0).asText());
        JsonNode again = json("consume orders --json").get("results").get(0);
        assertEquals(0, again.get("records").size());
        assertEquals(0, again.get("retries").asInt());
        assertFalse(again.get("timedOut").asBoolean());
    }

    @Test
    void consumeThroughAFailoverListsItsRetriesAndAPollThatTimedOutHasNoOffsets() {
        orders();
        f.ok("produce orders --count 3");
        f.ok("kill 1");
        JsonNode read =
                json("consume orders --from-beginning --json").get("results").get(0);
        assertEquals("NONE", read.get("error").asText());
        assertEquals(2, read.get("leader").asInt());
        assertEquals(3, read.get("records").size());
        assertTrue(read.get("retries").asInt() > 0, read.toString());
        assertEquals(
                "NETWORK_EXCEPTION from broker 1", read.get("retried").get(0).asText());
        assertFalse(read.get("timedOut").asBoolean());

        f.ok("kill 2");
        f.ok("kill 3");
        f.ok("wait until leader orders-0 is none --timeout 20s");
        JsonNode empty = json("consume orders --json").get("results").get(0);
        assertTrue(empty.get("timedOut").asBoolean(), empty.toString());
        assertEquals("NONE", empty.get("error").asText());
        assertTrue(empty.get("baseOffset").isNull());
        assertEquals(0, empty.get("records").size());
    }

    @Test
    void electReportsEachPartition() {
        orders();
        JsonNode out = json("elect preferred orders --json");
        assertEquals("PREFERRED", out.get("electionType").asText());
        assertEquals("orders-0", out.get("partitions").get(0).get("partition").asText());
        assertEquals(
                "ELECTION_NOT_NEEDED", out.get("partitions").get(0).get("error").asText());
        f.ok("kill 1");
        f.ok("wait until leader orders-0 is 2 --timeout 20s");
        f.ok("restart 1");
        f.ok("wait until isr orders-0 is 1,2,3 --timeout 30s");
        JsonNode elected =
                json("elect preferred orders-0 --json").get("partitions").get(0);
        assertEquals("NONE", elected.get("error").asText());
    }

    @Test
    void reassignNamesItsTarget() {
        orders();
        JsonNode out = json("reassign orders-0 --replicas 3,2,1 --json");
        assertEquals("orders-0", out.get("partition").asText());
        assertEquals(3, out.get("targetReplicas").get(0).asInt());
        assertEquals(3, out.get("targetReplicas").size());
        assertEquals("NONE", out.get("error").asText());
        assertTrue(out.has("message"));
    }

    @Test
    void describeGivesALeaderlessPartitionNoHighWatermark() {
        f.ok("create topic solo --replica-assignment 3");
        f.ok("produce solo --count 4");
        JsonNode before = json("describe solo --json")
                .get("topics")
                .get(0)
                .get("partitions")
                .get(0);
        assertEquals(4, before.get("hw").asLong());
        assertEquals(3, before.get("leader").asInt());
        f.ok("kill 3");
        f.ok("wait until leader solo-0 is none --timeout 20s");
        JsonNode out = json("describe --json");
        assertTrue(out.get("timeMs").asLong() > 0);
        assertEquals(3, out.get("brokers").size());
        assertEquals("STOPPED", out.get("brokers").get(2).get("process").asText());
        JsonNode p = out.get("topics").get(0).get("partitions").get(0);
        assertEquals(-1, p.get("leader").asInt());
        assertTrue(p.get("offline").asBoolean());
        assertTrue(p.get("hw").isNull(), "a partition without a leader has no high watermark: " + p);
        assertEquals(3, p.get("replicas").get(0).asInt());
    }

    @Test
    void inspectionCommands() {
        orders();
        f.ok("produce orders --count 2");
        JsonNode brokers = json("brokers --json");
        assertEquals(3, brokers.size());
        assertEquals(1, brokers.get(0).get("id").asInt());
        assertEquals("RUNNING", brokers.get(0).get("process").asText());
        assertEquals(1, brokers.get(0).get("leaders").asInt());
        assertEquals("healthy", brokers.get(0).get("reality").asText());
        JsonNode log = json("log orders-0 --json");
        assertEquals("orders-0", log.get("partition").asText());
        assertEquals(2, log.get("hw").asLong());
        JsonNode leaderLog = log.get("replicas").get(0);
        assertEquals(1, leaderLog.get("broker").asInt());
        assertEquals(2, leaderLog.get("leo").asLong());
        assertEquals(2, leaderLog.get("records").size());
        assertEquals(0, leaderLog.get("records").get(0).get("offset").asLong());
        assertEquals(0, leaderLog.get("records").get(0).get("epoch").asInt());
        JsonNode why = json("why orders-0 --json");
        assertEquals("orders-0", why.get("partition").asText());
        assertEquals(1, why.get("leader").asInt());
        JsonNode events = json("events --type TOPIC_CREATED --json");
        assertTrue(events.isArray());
        assertEquals("TOPIC_CREATED", events.get(0).get("type").asText(), events.toString());
        assertTrue(events.get(0).get("seq").isNumber());
        f.ok("kill 1");
        f.ok("wait until leader orders-0 is 2 --timeout 20s");
        JsonNode history = json("history orders-0 --json");
        JsonNode last = history.get(history.size() - 1);
        assertTrue(history.size() > 0 && last.get("timeMs").isNumber(), history.toString());
        assertTrue(
                java.util.stream.StreamSupport.stream(history.spliterator(), false)
                        .anyMatch(e -> e.get("type").asText().equals("LEADER_ELECTED")),
                history.toString());
    }

    @Test
    void safetyCommands() {
        orders();
        f.ok("produce orders --count 2");
        JsonNode lost = json("lost --json");
        assertEquals(0, lost.get("lost").asLong());
        assertEquals(2, lost.get("acknowledged").asLong());
        assertEquals(0, lost.get("losses").size());
        JsonNode violations = json("violations --json");
        assertTrue(violations.isArray());
        assertEquals(0, violations.size());
    }

    @Test
    void quorumReportsStatusAndReplicationAsTheKafkaToolDoes() {
        JsonNode status = json("quorum --json");
        int leader = status.get("leaderId").asInt();
        assertTrue(leader >= 101 && leader <= 103, status.toString());
        assertTrue(status.get("leaderEpoch").asInt() >= 1, status.toString());
        assertTrue(status.get("highWatermark").asLong() > 0, status.toString());
        assertEquals("[101,102,103]", status.get("currentVoters").toString());
        assertEquals("[1,2,3]", status.get("currentObservers").toString());
        assertTrue(status.get("maxFollowerLag").asLong() >= 0);
        assertEquals(status, json("kafka-metadata-quorum describe --status --json"));
        JsonNode replication = json("kafka-metadata-quorum describe --replication --json");
        assertEquals(6, replication.size(), replication.toString());
        assertEquals(leader, replication.get(leader - 101).get("nodeId").asInt());
        assertEquals("Leader", replication.get(leader - 101).get("status").asText());
        assertEquals("Observer", replication.get(3).get("status").asText());
        assertEquals(1, replication.get(3).get("nodeId").asInt());
    }

    @Test
    void everyJsonCommandIsParsedHere() {
        Set<String> withJson = new TreeSet<>();
        for (Command command : f.shell.registry().all()) {
            if (command.flags().contains("json")) {
                withJson.add(command.name());
            }
        }
        assertTrue(
                withJson.containsAll(Set.of("produce", "consume", "elect", "reassign", "describe")),
                withJson.toString());
        Set<String> covered = Set.of(
                "produce",
                "consume",
                "elect",
                "reassign",
                "describe",
                "brokers",
                "log",
                "history",
                "why",
                "events",
                "lost",
                "violations",
                "quorum",
                "kafka-metadata-quorum");
        assertEquals(withJson, covered, "each command with --json needs a parsing test in this class");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        f.close();
    }
}
