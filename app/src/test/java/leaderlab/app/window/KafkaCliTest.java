package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import leaderlab.app.AppCommands;
import leaderlab.shell.command.CommandRegistry;
import org.junit.jupiter.api.Test;

/** The real Kafka commands the window shows beside each leaderlab command. */
class KafkaCliTest {

    private static final CommandRegistry REGISTRY = AppCommands.registry();

    @Test
    void preferredElectionOfOnePartition() {
        assertEquals(
                Optional.of("kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type PREFERRED "
                        + "--topic orders --partition 0"),
                KafkaCli.equivalent(REGISTRY, "elect preferred orders-0"));
    }

    @Test
    void electionOfEveryPartitionAndTopicNamesWithDashes() {
        assertEquals(
                Optional.of("kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type UNCLEAN "
                        + "--all-topic-partitions"),
                KafkaCli.equivalent(REGISTRY, "elect unclean --all"));
        assertTrue(KafkaCli.equivalent(REGISTRY, "elect preferred my-topic-12")
                .orElseThrow()
                .endsWith("--topic my-topic --partition 12"));
    }

    @Test
    void reassignmentNamesTheJsonItNeeds() {
        String cli = KafkaCli.equivalent(REGISTRY, "reassign orders-2 --replicas 3,1,2")
                .orElseThrow();
        assertTrue(cli.startsWith("kafka-reassign-partitions.sh --bootstrap-server localhost:9092 --execute"), cli);
        assertTrue(cli.contains("{\"topic\":\"orders\",\"partition\":2,\"replicas\":[3,1,2]}"), cli);
    }

    @Test
    void brokerLifecycleAndTopics() {
        assertTrue(KafkaCli.equivalent(REGISTRY, "shutdown 2").orElseThrow().startsWith("kafka-server-stop.sh"));
        assertTrue(KafkaCli.equivalent(REGISTRY, "kill 2").orElseThrow().startsWith("kill -9"));
        assertEquals(
                Optional.of("kafka-topics.sh --bootstrap-server localhost:9092 --create --topic t --partitions 3"),
                KafkaCli.equivalent(REGISTRY, "create topic t --partitions 3"));
        assertEquals(
                Optional.of("kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic t"),
                KafkaCli.equivalent(REGISTRY, "describe t"));
    }

    @Test
    void commandsWithoutAKafkaToolHaveNone() {
        assertEquals(Optional.empty(), KafkaCli.equivalent(REGISTRY, "wait 2s"));
        assertEquals(Optional.empty(), KafkaCli.equivalent(REGISTRY, "isolate 2 --from clients"));
        assertEquals(Optional.empty(), KafkaCli.equivalent(REGISTRY, "# a comment"));
        assertEquals(Optional.empty(), KafkaCli.equivalent(REGISTRY, "reassign orders-2"));
    }
}
