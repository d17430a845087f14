package leaderlab.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import leaderlab.kafka.local.LocalKafka;
import leaderlab.kafka.local.LocalKafkaOptions;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The command language on a real three-broker Kafka 4.4 cluster (one KRaft controller), started once
 * for the class: each test leaves every broker running for the next.
 */
@Tag("kafka")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealKafkaCommandsTest {

    private static RealCluster cluster;
    private static Observer observer;
    private static KafkaCommands.Registry registry;
    private static Dispatcher dispatcher;

    @BeforeAll
    static void start() {
        cluster = RealCluster.local(LocalKafka.start(new LocalKafkaOptions(3, 0, 1, false)));
        observer = new Observer(cluster, cluster.state());
        observer.start();
        registry = KafkaCommands.registry(cluster, observer);
        dispatcher = new Dispatcher(registry.commands(), registry.newSession());
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (observer != null) {
            observer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Result ok(String line) {
        Result result = dispatcher.execute(line);
        assertEquals(Result.Status.OK, result.status(), line + " -> " + result.lines());
        return result;
    }

    private static RealState.Partition partition(String topic, int index) {
        return cluster.state().partition(topic, index);
    }

    @Test
    @Order(1)
    void aCrashedLeaderIsReplacedFromTheIsrAndNoAcknowledgedRecordIsLost() throws InterruptedException {
        ok("create topic failover --replica-assignment 1:2:3 --config min.insync.replicas=2");
        ok("wait until leader failover-0 is 1 --timeout 30s");
        ok("produce failover --count 50 --acks all");
        assertEquals(Set.of("acked"), new HashSet<>(registryLastProduce()));

        ok("kill 1");
        ok("wait until leader failover-0 is not 1 --timeout 60s");
        RealState.Partition after = partition("failover", 0);
        assertTrue(List.of(2, 3).contains(after.leader()), "leader " + after.leader());
        assertEquals(Set.of(2, 3), new HashSet<>(after.isr()));
        assertEquals(50, readAll("failover").size());
        assertEquals(50, new HashSet<>(readAll("failover")).size());
        // The command read the cluster itself; the observer sees the change at its next poll, and it
        // records a poll's events before it publishes that poll's snapshot.
        polledSnapshotShowsTheFailover(after.leader());
        assertTrue(
                observer.events().stream()
                        .anyMatch(e -> e.type() == ObservedEvent.Type.LEADER_CHANGED
                                && e.subject().equals("failover-0")),
                observer.events().toString());

        ok("restart 1");
        ok("wait until isr failover-0 is 1,2,3 --timeout 90s");
        ok("elect preferred failover-0");
        assertEquals(1, partition("failover", 0).leader());
    }

    /**
     * What the window draws: the observer's polled snapshot has the new leader (at most a poll behind the
     * command's own read), broker 1 stopped, and the journal an observed election linked to broker 1.
     */
    private static void polledSnapshotShowsTheFailover(int newLeader) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (observer.snapshot().partition("failover", 0).leader() != newLeader && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        leaderlab.cluster.view.PartitionView polled = observer.snapshot().partition("failover", 0);
        assertEquals(newLeader, polled.leader());
        assertEquals(
                Set.of(2, 3),
                java.util.Arrays.stream(polled.isr()).boxed().collect(java.util.stream.Collectors.toSet()));
        assertEquals(50, polled.highWatermark());
        assertTrue(polled.leaderEpoch() > 0, "leader epoch " + polled.leaderEpoch());
        assertEquals(false, observer.snapshot().broker(1).running());
        assertEquals("FENCED", observer.snapshot().broker(1).registrationState());
        leaderlab.cluster.journal.Event elected = observer.journal()
                .latest(
                        1,
                        e -> e.type() == leaderlab.cluster.journal.EventType.LEADER_ELECTED && e.isAbout("failover", 0))
                .get(0);
        var detail = (leaderlab.cluster.journal.EventDetail.LeaderElected) elected.detail();
        assertEquals(1, detail.oldLeader());
        assertEquals(newLeader, detail.newLeader());
        assertTrue(elected.cause().startsWith(ObservedEvent.CAUSE), elected.cause());
        assertTrue(elected.causeSeq() >= 0, "linked to broker 1's event");
        assertEquals(
                java.util.List.of(1),
                ((leaderlab.cluster.journal.EventDetail.FaultInjected)
                                observer.journal().get(elected.causeSeq()).detail())
                        .brokers());
    }

    private static List<String> registryLastProduce() {
        Result expect = dispatcher.execute("expect last-produce is acked");
        return List.of(
                expect.status() == Result.Status.OK ? "acked" : expect.lines().get(0));
    }

    @Test
    @Order(2)
    void aReassignmentMovesTheReplicas() {
        ok("create topic moving --replica-assignment 1:2");
        ok("reassign moving-0 --replicas 2,3");
        ok("wait until replicas moving-0 is 2,3 --timeout 60s");
        assertEquals(List.of(2, 3), partition("moving", 0).replicas());
    }

    @Test
    @Order(3)
    void demoteMovesTheBrokerLastAndLeadershipAway() {
        ok("create topic demo --replica-assignment 1:2:3");
        ok("wait until isr demo-0 is 1,2,3 --timeout 30s");
        ok("demote 1");
        ok("wait until leader demo-0 is 2 --timeout 30s");
        assertEquals(List.of(2, 3, 1), partition("demo", 0).replicas());
    }

    @Test
    @Order(4)
    void aCommandThatCannotMapIsRefusedAndChangesNothing() {
        RealState before = cluster.state();
        for (String line :
                List.of("isolate 2", "slow-disk 2 1s", "time pause", "link 1 2 --cut", "kill 2 --power-loss")) {
            assertEquals(Result.Status.ERROR, dispatcher.execute(line).status(), line);
        }
        RealState after = cluster.state();
        assertEquals(before.brokers(), after.brokers());
        assertEquals(leadersAndIsrs(before), leadersAndIsrs(after));
        assertEquals(3, after.brokersUp());
    }

    @Test
    @Order(5)
    void aStalledBrokerIsFencedAndComesBack() {
        ok("stall 3 10s");
        // Not through expect: while a broker is stopped an Admin call routed to it can time out.
        assertTrue(cluster.local().broker(3).stalled());
        // A paused process still runs: the controller fences it, and unfences it once it heartbeats again.
        ok("wait until broker 3 is fenced --timeout 60s");
        ok("wait until broker 3 is unfenced --timeout 60s");
    }

    @Test
    @Order(6)
    void attachedReadOnlyRefusesAdminAndFaultCommands() throws Exception {
        try (Attached readOnly = new Attached(false)) {
            assertEquals(
                    Result.Status.OK,
                    readOnly.dispatcher.execute("describe failover").status());
            assertEquals(
                    Result.Status.ERROR,
                    readOnly.dispatcher.execute("elect preferred --all").status());
            assertEquals(
                    Result.Status.ERROR, readOnly.dispatcher.execute("kill 1").status());
            assertEquals(
                    Result.Status.ERROR,
                    readOnly.dispatcher.execute("create topic nope").status());
            assertEquals(null, cluster.state().topic("nope"));
        }
        try (Attached admin = new Attached(true)) {
            Result elect = admin.dispatcher.execute("elect preferred --all");
            assertEquals(Result.Status.OK, elect.status(), elect.lines().toString());
            assertEquals(
                    "$ kafka-leader-election.sh --bootstrap-server " + cluster.bootstrapServers()
                            + " --election-type PREFERRED --all-topic-partitions",
                    elect.lines().get(0));
            assertEquals(
                    Result.Status.ERROR, admin.dispatcher.execute("shutdown 1").status());
        }
    }

    @Test
    @Order(7)
    void acksAllBelowMinIsrIsRefusedByKafka() throws Exception {
        ok("create topic strict --replica-assignment 2:3 --config min.insync.replicas=2");
        ok("kill 3");
        ok("wait until isr strict-0 is 2 --timeout 60s");
        ok("produce strict --count 3 --acks all --retries 0");
        ok("expect last-produce is NOT_ENOUGH_REPLICAS");
        ok("produce strict --count 3 --acks 1");
        ok("expect last-produce is acked");
        // Both outcomes are in the journal as the simulator's typed events, with the error Kafka returned.
        List<leaderlab.cluster.journal.Event> failedEvents =
                produceEvents(leaderlab.cluster.journal.EventType.PRODUCE_FAILED);
        assertEquals(1, failedEvents.size(), failedEvents.toString());
        leaderlab.cluster.journal.ProduceAttemptFailed failed = (leaderlab.cluster.journal.ProduceAttemptFailed)
                failedEvents.get(0).detail();
        assertEquals(leaderlab.cluster.protocol.Errors.NOT_ENOUGH_REPLICAS, failed.error());
        assertEquals(3, failed.records());
        assertEquals(2, failed.broker());
        assertTrue(failed.givesUp());
        List<leaderlab.cluster.journal.Event> ackedEvents =
                produceEvents(leaderlab.cluster.journal.EventType.PRODUCE_ACKED);
        assertEquals(1, ackedEvents.size(), ackedEvents.toString());
        leaderlab.cluster.journal.EventDetail.ProduceAcked acked = (leaderlab.cluster.journal.EventDetail.ProduceAcked)
                ackedEvents.get(0).detail();
        assertEquals(2, acked.leader());
        assertEquals(3, acked.endOffset() - acked.baseOffset());
        JsonNode listed =
                JSON.readTree(ok("events --type PRODUCE_FAILED --json").lines().get(0));
        assertEquals(1, listed.size());
        assertEquals(
                "NOT_ENOUGH_REPLICAS", listed.get(0).get("detail").get("error").asText());
        ok("restart 3");
        ok("wait until broker 3 is unfenced --timeout 90s");
    }

    @Test
    @Order(9)
    void jsonOutputsHaveTheSimulatorsFieldsFromTheRealCluster() throws Exception {
        ok("create topic shapes --replica-assignment 1:2:3");
        ok("wait until isr shapes-0 is 1,2,3 --timeout 30s");
        List<String> lines = List.of(
                "produce shapes --partition 0 --count 4 --acks all --json",
                "describe shapes --json",
                "elect preferred shapes-0 --json",
                "brokers --json",
                "events --all --json");
        List<JsonNode> real = new ArrayList<>();
        for (String line : lines) {
            real.add(JSON.readTree(ok(line).lines().get(0)));
        }
        JsonNode produced = real.get(0).get("results").get(0);
        assertEquals("shapes-0", produced.get("partition").asText());
        assertTrue(produced.get("acknowledged").asBoolean(), produced.toString());
        assertEquals(0, produced.get("baseOffset").asLong());
        assertEquals(3, produced.get("lastOffset").asLong());
        assertEquals("NONE", produced.get("error").asText());
        assertEquals(1, produced.get("leader").asInt());
        JsonNode partition = real.get(1).get("topics").get(0).get("partitions").get(0);
        assertEquals(1, partition.get("leader").asInt());
        assertEquals(List.of(1, 2, 3), ints(partition.get("replicas")));
        assertEquals(Set.of(1, 2, 3), new HashSet<>(ints(partition.get("isr"))));
        assertEquals(4, partition.get("hw").asLong());
        assertEquals(3, real.get(1).get("brokers").size());
        JsonNode elected = real.get(2);
        assertEquals("PREFERRED", elected.get("electionType").asText());
        assertEquals(
                "ELECTION_NOT_NEEDED",
                elected.get("partitions").get(0).get("error").asText());
        assertEquals(3, real.get(3).size());
        boolean sawElection = false;
        for (JsonNode event : real.get(4)) {
            sawElection |= event.get("type").asText().equals("LEADER_ELECTED")
                    && event.get("partition").get("topic").asText().equals("failover");
        }
        assertTrue(sawElection, "the failover of the first test is in the journal as LEADER_ELECTED");

        // The same lines on the simulator print objects with the same field names.
        try (leaderlab.cluster.Cluster simulated =
                leaderlab.cluster.Cluster.start(leaderlab.cluster.ClusterOptions.simulated(3, 1))) {
            Dispatcher sim = new Dispatcher(
                    leaderlab.shell.commands.CoreCommands.registry(), new leaderlab.shell.command.Session(simulated));
            assertEquals(
                    Result.Status.OK,
                    sim.execute("create topic shapes --replica-assignment 1:2:3")
                            .status());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode expected =
                        JSON.readTree(sim.execute(lines.get(i)).lines().get(0));
                assertEquals(fieldNames(expected), fieldNames(real.get(i)), lines.get(i));
            }
        }
    }

    /** The journal's produce events of that type for topic strict. */
    private static List<leaderlab.cluster.journal.Event> produceEvents(leaderlab.cluster.journal.EventType type) {
        return observer.journal()
                .since(
                        0,
                        e -> e.type() == type
                                && e.partition() != null
                                && e.partition().topic().equals("strict"));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    /**
     * Every field path in a JSON value (array elements as []), for comparing shapes rather than values; the
     * fields that hold a map (a topic's configs, the log end offset per broker, an event's typed detail)
     * count as one field, their keys being data.
     */
    private static Set<String> fieldNames(JsonNode node) {
        Set<String> out = new java.util.TreeSet<>();
        collect("", node, out);
        return out;
    }

    private static void collect(String path, JsonNode node, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                out.add(path + "." + field.getKey());
                if (!List.of("configs", "leo", "detail").contains(field.getKey())) {
                    collect(path + "." + field.getKey(), field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(path + "[]", element, out));
        }
    }

    @Test
    @Order(8)
    void compareAgreesWithTheSimulatorOnAFollowerCrash() throws Exception {
        List<leaderlab.kafka.compare.ScriptLine> script;
        try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                RealKafkaCommandsTest.class.getResourceAsStream("/compare-small.ll"),
                java.nio.charset.StandardCharsets.UTF_8))) {
            script = leaderlab.kafka.compare.ScriptLine.read(reader);
        }
        List<String> printed = new ArrayList<>();
        leaderlab.kafka.compare.Compare.Outcome outcome = leaderlab.kafka.compare.Compare.on(
                cluster, script, new leaderlab.cluster.ClusterOptions(3, 0, 1, true, false, 1), 30_000, printed::add);
        // Two produces, two describes, the election and the expect; nothing Kafka could not run.
        assertEquals(6, outcome.comparisons().size(), printed.toString());
        assertTrue(
                outcome.comparisons().stream()
                        .noneMatch(c -> c.verdict() == leaderlab.kafka.compare.Comparison.Verdict.DIFFER
                                || c.verdict() == leaderlab.kafka.compare.Comparison.Verdict.NOT_COMPARED),
                String.join("\n", printed));
        assertEquals(outcome.summary(), printed.get(printed.size() - 1));
        assertEquals(3, cluster.state().brokersUp());
    }

    /** A second connection to the same cluster, as --bootstrap-server makes it. */
    private static final class Attached implements AutoCloseable {
        final RealCluster attached;
        final Observer watcher;
        final KafkaCommands.Registry commands;
        final Dispatcher dispatcher;

        Attached(boolean allowAdmin) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            attached = RealCluster.attach(props, allowAdmin);
            watcher = new Observer(attached, attached.state());
            commands = KafkaCommands.registry(attached, watcher);
            dispatcher = new Dispatcher(commands.commands(), commands.newSession());
        }

        @Override
        public void close() throws Exception {
            commands.close();
            watcher.close();
            attached.close();
        }
    }

    private static List<String> leadersAndIsrs(RealState state) {
        List<String> out = new ArrayList<>();
        for (RealState.Topic topic : state.topics()) {
            for (RealState.Partition p : topic.partitions()) {
                out.add(p.name() + " " + p.leader() + " " + p.isr() + " " + p.replicas());
            }
        }
        return out;
    }

    /** Every record of partition 0, read by a consumer of the test's own. */
    private static List<String> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
