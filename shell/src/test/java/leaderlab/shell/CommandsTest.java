package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every core command through the dispatcher, on a deterministic simulated cluster. */
class CommandsTest {

    private Cluster cluster;
    private Dispatcher shell;

    @BeforeEach
    void start() {
        cluster = Cluster.start(ClusterOptions.simulated(3, 42));
        shell = new Dispatcher(CoreCommands.registry(), new Session(cluster));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private List<String> ok(String line) {
        Result result = shell.execute(line);
        assertEquals(Result.Status.OK, result.status(), () -> line + " -> " + result.lines());
        return result.lines();
    }

    private String error(String line) {
        Result result = shell.execute(line);
        assertEquals(Result.Status.ERROR, result.status(), () -> line + " -> " + result.lines());
        assertEquals(1, result.lines().size(), "one line: " + result.lines());
        return result.lines().get(0);
    }

    private String text(String line) {
        return String.join("\n", ok(line));
    }

    @Test
    void createAndDescribeInKafkaFormat() {
        ok("create topic orders --replica-assignment 1:2:3,2:3:1 --config min.insync.replicas=2");
        List<String> lines = ok("describe orders");
        assertTrue(
                lines.get(0)
                        .matches("Topic: orders\tTopicId: \\S{22}\tPartitionCount: 2\tReplicationFactor: 3\t"
                                + "Configs: min.insync.replicas=2"),
                lines.get(0));
        assertEquals(
                "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\tElr: \tLastKnownElr: ",
                lines.get(1));
        assertEquals(
                "\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3,1\tElr: \tLastKnownElr: ",
                lines.get(2));
    }

    @Test
    void describeJsonHasEpochsHwAndLeo() {
        ok("create topic orders --replica-assignment 1:2:3");
        ok("produce orders --count 4");
        ok("wait 300ms");
        String json = text("describe --json");
        var parsed = Parsed.json(json);
        assertTrue(parsed.get("timeMs").isNumber(), json);
        var broker1 = parsed.get("brokers").get(0);
        assertEquals(1, broker1.get("id").asInt());
        assertTrue(broker1.get("rack").isNull());
        assertEquals("RUNNING", broker1.get("state").asText());
        int controllerId = parsed.get("controller").get("id").asInt();
        assertTrue(controllerId >= 101 && controllerId <= 103, json);
        assertTrue(parsed.get("controller").get("active").asBoolean(), json);
        assertEquals(controllerId, parsed.get("quorum").get("leaderId").asInt());
        var p0 = parsed.get("topics").get(0).get("partitions").get(0);
        assertEquals(0, p0.get("partition").asInt());
        assertEquals(1, p0.get("leader").asInt());
        assertEquals(0, p0.get("leaderEpoch").asInt());
        assertEquals(0, p0.get("partitionEpoch").asInt());
        assertEquals("[1,2,3]", p0.get("replicas").toString());
        assertEquals("[1,2,3]", p0.get("isr").toString());
        assertEquals(4, p0.get("hw").asLong());
        assertEquals("{\"1\":4,\"2\":4,\"3\":4}", p0.get("leo").toString());
        assertFalse(p0.get("offline").asBoolean());
    }

    @Test
    void produceReportsOffsetsAndErrors() {
        ok("create topic orders --replica-assignment 1:2:3 --config min.insync.replicas=2");
        assertEquals("orders-0: acked offsets 0-4 (5 record(s), acks=all, leader 1)", text("produce orders --count 5"));
        assertEquals(
                "orders-0: acked offsets 5-6 (2 record(s), acks=1, leader 1)",
                text("produce orders --count 2 --acks 1"));
        assertTrue(text("produce orders --acks 0").contains("no answer expected"));
        ok("kill 2");
        ok("kill 3");
        ok("wait until isr orders-0 is 1 --timeout 10s");
        assertTrue(text("produce orders --count 1 --retries 0")
                .startsWith("orders-0: NOT_ENOUGH_REPLICAS (19) from broker 1"));
        ok("expect last-produce is NOT_ENOUGH_REPLICAS");
    }

    @Test
    void consumeReadsBelowTheHighWatermarkAndRemembersItsPosition() {
        ok("create topic orders --replica-assignment 1:2:3");
        ok("produce orders --count 3");
        assertEquals(
                "orders-0: read offsets 0-2 (3 record(s)) below HW 3 from leader 1: m1 m2 m3", text("consume orders"));
        assertEquals("orders-0: nothing new below HW 3 (leader 1)", text("consume orders"));
        assertTrue(text("consume orders --from-beginning").startsWith("orders-0: read offsets 0-2"));
    }

    @Test
    void killFencesAndReElects() {
        ok("create topic orders --replica-assignment 1:2:3");
        assertEquals("broker 1 killed", text("kill 1"));
        ok("wait until broker 1 is fenced --timeout 5s");
        ok("expect broker 1 is stopped");
        ok("expect leader orders-0 is 2");
        ok("expect isr orders-0 is 2,3");
        ok("expect epoch orders-0 is 1");
        assertTrue(error("kill 1").contains("already stopped"));
        ok("restart 1");
        ok("wait until isr orders-0 is 2,3,1 --timeout 10s");
        assertTrue(error("restart 1").contains("already running"));
    }

    @Test
    void controlledShutdownMovesLeadershipFirst() {
        ok("create topic orders --replica-assignment 2:1:3");
        assertEquals("broker 2 shut down cleanly", text("shutdown 2"));
        ok("expect leader orders-0 is 1");
        ok("expect broker 2 is fenced");
        String events = text("events");
        assertTrue(events.indexOf("entered controlled shutdown") < events.indexOf("leader 2 -> 1"), events);
        assertTrue(events.indexOf("leader 2 -> 1") < events.indexOf("broker 2 stopped cleanly"), events);
    }

    @Test
    void electionsPrintKafkaResults() {
        ok("create topic orders --replica-assignment 1:2:3,2:3:1");
        ok("kill 1");
        ok("wait until leader orders-0 is 2 --timeout 5s");
        assertEquals(
                List.of(
                        "Valid replica already elected for partitions orders-1",
                        "Error completing leader election (PREFERRED) for partition: orders-0: "
                                + "org.apache.kafka.common.errors.PreferredLeaderNotAvailableException: "
                                + "The preferred leader was not available.",
                        "1 replica(s) could not be elected"),
                ok("elect preferred orders"));
        ok("restart 1");
        ok("wait until isr orders-0 is 2,3,1 --timeout 10s");
        ok("config set auto.leader.rebalance.enable false");
        assertEquals(
                List.of("Successfully completed leader election (PREFERRED) for partitions orders-0"),
                ok("elect preferred --all"));
        assertEquals(List.of("Valid replica already elected for partitions orders-0"), ok("elect unclean orders-0"));
    }

    @Test
    void uncleanElectionOnAnOfflinePartition() {
        ok("create topic orders --replica-assignment 1:2");
        ok("produce orders --count 5");
        ok("isolate 2 --from brokers:1");
        ok("produce orders --count 5 --acks 1");
        ok("wait until isr orders-0 is 1 --timeout 10s");
        ok("kill 1");
        ok("heal");
        ok("wait until leader orders-0 is none --timeout 5s");
        ok("expect offline orders-0 is true");
        // ELR on (Kafka 4.4): the ISR empties and its last member is eligible and the last known leader.
        ok("expect isr orders-0 is none");
        ok("expect elr orders-0 is 1");
        ok("expect last-known-elr orders-0 is 1");
        assertEquals(
                List.of("Successfully completed leader election (UNCLEAN) for partitions orders-0"),
                ok("elect unclean orders-0"));
        ok("expect leader orders-0 is 2");
        ok("expect hw orders-0 is 5");
    }

    @Test
    void reassignmentMovesReplicasAndLeadership() {
        ok("create topic orders --replica-assignment 1:2");
        ok("produce orders --count 3");
        assertEquals(
                "Successfully started partition reassignment for orders-0", text("reassign orders-0 --replicas 3,2"));
        ok("wait until replicas orders-0 is 3,2 --timeout 10s");
        ok("expect isr orders-0 is 2,3");
        // The old leader was removed: Kafka elects over the target replicas in their order.
        ok("expect leader orders-0 is 3");
        ok("expect leo orders-0 on 3 is 3");
    }

    @Test
    void configChangesReachTheCluster() {
        ok("create topic orders --replica-assignment 1:2:3");
        assertEquals(
                "Set min.insync.replicas=3 for topic orders.", text("config set min.insync.replicas 3 --topic orders"));
        assertTrue(text("describe orders").contains("Configs: min.insync.replicas=3"));
        assertEquals("Set client acks=1.", text("config set acks 1"));
        assertTrue(text("produce orders").contains("acks=1"));
        assertTrue(error("config set acks 1 --topic orders").contains("client setting"));
        assertTrue(error("config set broker.session.timeout.ms 0").contains("at least 1"));
    }

    @Test
    void networkFaultsAreDescribedAndHealed() {
        assertEquals("isolate broker 1 from clients (the cluster still sees it)", text("isolate 1 --from clients"));
        assertEquals(
                "partition {broker 1, broker 2, controller 101, controller 102, controller 103} / {broker 3}",
                text("partition 1,2 / 3"));
        assertEquals("link broker 1 <-> broker 2 impaired", text("link 1 2 --delay 50ms --drop 0.1 --both"));
        assertEquals(4, cluster.snapshot().faults().size());
        ok("heal");
        assertEquals(0, cluster.snapshot().faults().size());
    }

    @Test
    void clientIsolationCausesNoElectionButProducesFail() {
        ok("create topic orders --replica-assignment 1:2:3");
        ok("isolate 1 --from clients");
        assertTrue(text("produce orders").startsWith("orders-0: REQUEST_TIMED_OUT (7)"));
        ok("wait 5s");
        ok("expect leader orders-0 is 1");
        ok("expect broker 1 is unfenced");
    }

    @Test
    void waitAndExpectReportFailures() {
        ok("create topic orders --replica-assignment 1:2:3");
        Result failed = shell.execute("expect leader orders-0 is 3");
        assertEquals(Result.Status.FAILED, failed.status());
        assertEquals(
                "expectation failed: leader orders-0 is 3, but it is 1",
                failed.lines().get(0));
        Result timeout = shell.execute("wait until leader orders-0 is 3 --timeout 1s");
        assertEquals(Result.Status.FAILED, timeout.status());
        assertTrue(timeout.lines().get(0).contains("timed out after 1.000s; it is 1"));
        ok("expect leader orders-0 is not 3");
        assertEquals(List.of("waited 0.250s"), ok("wait 250ms"));
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        String help = text("help");
        for (String command : List.of(
                "create",
                "describe",
                "produce",
                "consume",
                "kill",
                "restart",
                "shutdown",
                "isolate",
                "partition",
                "link",
                "heal",
                "elect",
                "reassign",
                "config",
                "wait",
                "expect",
                "events",
                "help",
                "quit")) {
            assertTrue(help.contains("\n  " + command + " "), command);
        }
        String elect = text("help elect");
        assertTrue(elect.startsWith("usage: elect preferred|unclean"));
        assertTrue(elect.contains("examples:"));
    }

    @Test
    void rejectedLinesChangeNothing() {
        ok("create topic orders --replica-assignment 1:2:3");
        ok("wait 1s");
        String before = text("describe --json").replaceAll("\"timeMs\":\\d+", "");
        long events = cluster.journal().size();
        for (String bad : List.of(
                "kil 1",
                "kill 9",
                "kill",
                "create topic orders",
                "create topic x --partitions 0",
                "produce nope",
                "produce orders --partition 7",
                "elect preferred",
                "reassign orders-0 --replicas 1,1",
                "config set nope 1",
                "isolate 1 --from moon",
                "wait 3x",
                "expect leader orders-0",
                "link 1 1 --cut",
                "partition 1,2",
                "describe nope",
                "consume orders --bogus")) {
            Result result = shell.execute(bad);
            assertEquals(Result.Status.ERROR, result.status(), bad);
            assertTrue(result.lines().get(0).startsWith("error: "), bad);
        }
        assertEquals(before, text("describe --json").replaceAll("\"timeMs\":\\d+", ""));
        assertEquals(events, cluster.journal().size());
    }

    @Test
    void unknownCommandSuggestsTheNearest() {
        assertEquals(
                "error: unknown command 'prodcue'; did you mean produce? (help lists all commands)",
                error("prodcue orders"));
    }

    @Test
    void quorumLeaderConditionNamesTheActiveController() {
        ok("wait until quorum-leader is not none --timeout 3s");
        int leader = cluster.snapshot().quorumLeader().id();
        ok("expect quorum-leader is " + leader);
        ok("kill " + leader);
        ok("expect quorum-leader is not " + leader);
        ok("wait until quorum-leader is not none --timeout 3s");
        assertEquals(
                Result.Status.FAILED,
                shell.execute("expect quorum-leader is none").status());
    }

    @Test
    void isrConditionsIgnoreOrderButReplicasDoNot() {
        ok("create topic orders --replica-assignment 1:2:3");
        ok("expect isr orders-0 is 3,1,2");
        assertEquals(
                Result.Status.FAILED,
                shell.execute("expect replicas orders-0 is 3,1,2").status());
        assertEquals(
                List.of("expectation failed: isr orders-0 is 1,2, but it is 1,2,3"),
                shell.execute("expect isr orders-0 is 1,2").lines());
    }

    @Test
    void observersSeeTopLevelLinesOnlyWithTheirResults() {
        List<String> seen = new java.util.ArrayList<>();
        Dispatcher.Observer observer = (line, result) -> seen.add(line + " -> " + result.status());
        shell.addObserver(observer);
        shell.execute("kafka-topics --create --topic t --partitions 1");
        shell.execute("kil 1");
        shell.removeObserver(observer);
        shell.execute("describe");
        assertEquals(
                List.of("kafka-topics --create --topic t --partitions 1 -> OK", "kil 1 -> ERROR"),
                seen,
                "the create that the alias runs for itself is not seen separately");
    }
}
