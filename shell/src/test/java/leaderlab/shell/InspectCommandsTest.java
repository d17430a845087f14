package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import leaderlab.shell.command.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inspection, time, session and Kafka-spelling commands, on a simulated cluster. */
class InspectCommandsTest {

    private final ShellFixture f = new ShellFixture(11);

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void whyExplainsAnOfflineElection() {
        f.ok("create topic orders --replica-assignment 1:2");
        f.ok("kill 2");
        f.ok("wait until isr orders-0 is 1 --timeout 5s");
        f.ok("kill 1");
        f.ok("wait until leader orders-0 is none --timeout 5s");
        String why = f.text("why orders-0");
        assertTrue(why.startsWith("orders-0: leader none (offline), leader epoch 1, ISR (empty), replicas 1,2"), why);
        assertTrue(why.contains("ELR 1, LastKnownElr 1"), why);
        assertTrue(why.contains("leader 1 -> none"), why);
        assertTrue(why.contains("so the partition is offline"), why);
        assertTrue(why.contains("because, at"), why);
        assertTrue(why.contains("broker 1 fenced (no heartbeat for"), why);
        assertTrue(why.contains("before that, at") && why.contains("broker 1 killed (crash"), why);
    }

    @Test
    void whyExplainsAnUncleanElection() {
        f.ok("create topic orders --replica-assignment 1:2 --config unclean.leader.election.enable=true");
        f.ok("isolate 2 --from brokers:1");
        f.ok("produce orders --count 3 --acks 1");
        f.ok("wait until isr orders-0 is 1 --timeout 10s");
        f.ok("kill 1");
        f.ok("heal");
        f.ok("wait until leader orders-0 is 2 --timeout 5s");
        String why = f.text("why orders-0");
        assertTrue(why.contains("UNCLEAN election: no in-sync replica is alive (ISR [1]), so broker 2"), why);
        assertTrue(why.contains("RECOVERING"), why);
    }

    @Test
    void whyExplainsAPreferredElection() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("config set auto.leader.rebalance.enable false");
        f.ok("kill 1");
        f.ok("wait until leader orders-0 is 2 --timeout 5s");
        f.ok("restart 1");
        f.ok("wait until isr orders-0 is 2,3,1 --timeout 10s");
        f.ok("elect preferred orders-0");
        String why = f.text("why orders-0");
        assertTrue(
                why.contains("leader 2 -> 1") && why.contains("PREFERRED election: broker 1 is the preferred replica"),
                why);
        assertTrue(why.contains("because: operator ran a PREFERRED election"), why);
    }

    @Test
    void whyExplainsAControlledShutdown() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("shutdown 1");
        String why = f.text("why orders-0");
        assertTrue(why.contains("leader 1 -> 2"), why);
        assertTrue(why.contains("broker 1 entered controlled shutdown; moving its 1 leadership(s) away"), why);
    }

    @Test
    void whyBeforeAnyChangeSaysSinceCreation() {
        f.ok("create topic orders --replica-assignment 3:1:2");
        assertTrue(f.text("why orders-0").contains("has led since the topic was created"));
        var why = Parsed.json(f.text("why orders-0 --json"));
        assertEquals("orders-0", why.get("partition").asText());
        assertEquals(3, why.get("leader").asInt());
    }

    @Test
    void logShowsReplicasSideBySideWithMarkers() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("produce orders --count 3");
        f.ok("wait 500ms");
        List<String> log = f.ok("log orders-0");
        assertEquals("orders-0  leader 1  leader epoch 0  replicas 1,2,3  ISR 1,2,3  HW 3", log.get(0));
        assertTrue(log.get(1).matches("OFFSET\\s+BROKER 1 \\(LEADER\\)\\s+BROKER 2\\s+BROKER 3"), log.get(1));
        assertTrue(log.get(2).matches("3\\s+<HW <LEO\\s+<HW <LEO\\s+<HW <LEO"), log.get(2));
        assertTrue(log.get(3).matches("2\\s+e0 m3\\s+e0 m3\\s+e0 m3"), log.get(3));
        assertEquals(
                "epoch cache (epoch@start offset): broker 1 [e0@0]; broker 2 [e0@0]; broker 3 [e0@0]",
                log.get(log.size() - 1));
        var first = Parsed.json(f.text("log orders-0 --json"))
                .get("replicas")
                .get(0)
                .get("records")
                .get(0);
        assertEquals(0, first.get("offset").asLong());
        assertEquals(0, first.get("epoch").asInt());
        assertEquals(1, first.get("record").asLong());
    }

    @Test
    void historyListsLeadershipChanges() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("kill 1");
        f.ok("wait until leader orders-0 is 2 --timeout 5s");
        String history = f.text("history orders-0");
        assertTrue(history.contains("orders-0 leader 1 -> 2, leader epoch 1"), history);
        assertTrue(history.contains("orders-0 ISR [1,2,3] -> [2,3]"), history);
        assertTrue(history.endsWith("now: leader 2, leader epoch 1, ISR 2,3, HW 0"), history);
    }

    @Test
    void brokersTableAndJson() {
        f.ok("create topic orders --replica-assignment 1:2:3,2:3:1");
        f.ok("kill 3");
        f.ok("wait until broker 3 is fenced --timeout 5s");
        List<String> table = f.ok("brokers");
        assertTrue(table.get(0).startsWith("BROKER  RACK  PROCESS  CONTROLLER SAYS"), table.get(0));
        assertTrue(table.get(3).matches("3\\s+-\\s+STOPPED\\s+FENCED\\s+3\\s+0\\s+2.*"), table.get(3));
        var broker3 = Parsed.json(f.text("brokers --json")).get(2);
        assertEquals(3, broker3.get("id").asInt());
        assertTrue(broker3.get("rack").isNull());
        assertEquals("STOPPED", broker3.get("process").asText());
        assertEquals("FENCED", broker3.get("registration").asText());
    }

    @Test
    void timeStepsTheSimulatorAndRejectsLiveOnlyCommands() {
        assertTrue(f.text("time step 3").startsWith("stepped 3 event(s); cluster time"));
        assertTrue(f.text("time now").startsWith("cluster time"));
        Result speed = f.run("time speed 2");
        assertEquals(Result.Status.ERROR, speed.status());
        assertTrue(speed.lines().get(0).contains("speed applies to the live cluster"));
        assertEquals(Result.Status.ERROR, f.run("time warp").status());
    }

    @Test
    void resetStartsAFreshCluster() {
        f.ok("create topic orders");
        assertEquals(
                "fresh cluster: 5 broker(s), 3 controller(s) on 2 rack(s), simulated with seed 11",
                f.text("reset --brokers 5 --racks 2"));
        assertEquals("no topics yet (create topic NAME)", f.text("describe"));
        assertEquals(5, f.cluster().snapshot().brokers().size());
        assertEquals(Result.Status.ERROR, f.run("reset --brokers 0").status());
        assertEquals(5, f.cluster().snapshot().brokers().size());
    }

    @Test
    void eventsToggleAndJson() {
        assertEquals("live events off", f.text("events off"));
        assertTrue(!f.shell.session().liveEvents());
        f.ok("events on");
        assertTrue(f.shell.session().liveEvents());
        f.ok("create topic orders");
        var created = Parsed.json(f.text("events --type TOPIC_CREATED --json"));
        assertTrue(created.get(0).get("seq").isNumber(), created.toString());
        assertEquals("TOPIC_CREATED", created.get(0).get("type").asText());
        f.ok("kill " + f.cluster().snapshot().partition("orders", 0).leader());
        f.ok("wait 3s");
        // The typed fields, not only the sentence: source, partition and the election's detail.
        var election =
                Parsed.json(f.text("events --type LEADER_ELECTED --json")).get(0);
        assertEquals("CONTROLLER", election.get("source").get("kind").asText(), election.toString());
        assertEquals("orders", election.get("partition").get("topic").asText());
        assertEquals(0, election.get("partition").get("partition").asInt());
        assertTrue(election.get("detail").get("oldLeader").isNumber(), election.toString());
        assertEquals("ONLINE", election.get("detail").get("election").asText());
        assertFalse(election.get("detail").get("unclean").asBoolean());
        assertTrue(f.run("events --follow").lines().get(0).contains("needs the interactive shell"));
        f.shell.session().setInteractive(true);
        f.ok("events off");
        assertTrue(f.text("events --follow")
                .endsWith("following: new events print above the prompt as they happen (events off stops)"));
        assertTrue(f.shell.session().liveEvents());
    }

    @Test
    void kafkaToolSpellingsRunTheSameCommands() {
        assertEquals(
                "Created topic orders.",
                f.text("kafka-topics --bootstrap-server localhost:9092 --create --topic orders "
                        + "--replica-assignment 1:2:3"));
        assertEquals(f.text("describe orders"), f.text("kafka-topics --describe --topic orders"));
        assertEquals(List.of("orders"), f.ok("kafka-topics --list"));
        assertEquals(
                "Set min.insync.replicas=2 for topic orders.",
                f.text("kafka-configs --alter --entity-type topics "
                        + "--entity-name orders --add-config min.insync.replicas=2"));
        f.ok("kill 2");
        f.ok("wait until isr orders-0 is 1,3 --timeout 5s");
        assertEquals(
                List.of("\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,3\tElr: \tLastKnownElr: "),
                f.ok("kafka-topics --describe --under-replicated-partitions"));
        assertEquals(
                List.of("\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,3\tElr: \tLastKnownElr: "),
                f.ok("describe --at-min-isr-partitions"));
        assertEquals(List.of(), f.ok("describe --unavailable-partitions"));
        assertEquals(
                List.of("Valid replica already elected for partitions orders-0"),
                f.ok("kafka-leader-election --election-type PREFERRED --topic orders --partition 0"));
    }
}
