package leaderlab.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

/** A poll in which Kafka answers an error for one topic alone keeps that topic as last read, marked stale. */
class TopicReadsTest {

    private static final Node B1 = new Node(1, "localhost", 9001);
    private static final Node B2 = new Node(2, "localhost", 9002);

    private static TopicDescription description(String name, Node leader) {
        TopicPartitionInfo p0 =
                new TopicPartitionInfo(0, leader, List.of(B1, B2), List.of(leader), List.of(), List.of());
        return new TopicDescription(name, false, List.of(p0), Set.of(), new Uuid(1, name.length()));
    }

    private static Config config(String minIsr, String unclean) {
        return new Config(List.of(
                new ConfigEntry(
                        "min.insync.replicas",
                        minIsr,
                        ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG,
                        false,
                        false,
                        List.of(),
                        ConfigEntry.ConfigType.INT,
                        null),
                new ConfigEntry(
                        "unclean.leader.election.enable",
                        unclean,
                        ConfigEntry.ConfigSource.DEFAULT_CONFIG,
                        false,
                        false,
                        List.of(),
                        ConfigEntry.ConfigType.BOOLEAN,
                        null)));
    }

    private static <T> TopicReads.Answer<T> unknown(String topic) throws InterruptedException {
        KafkaFutureImpl<T> future = new KafkaFutureImpl<>();
        future.completeExceptionally(new UnknownTopicOrPartitionException("This server does not host " + topic));
        return TopicReads.await(future);
    }

    private static List<RealState.Topic> read(
            Map<String, TopicReads.Answer<TopicDescription>> described,
            Map<String, TopicReads.Answer<Config>> configs,
            RealState previous,
            long timeMs) {
        return TopicReads.topics(
                new TreeSet<>(described.keySet()),
                described,
                configs,
                Map.of(),
                HighWatermarkSlice.all(),
                previous,
                timeMs);
    }

    @Test
    void aTopicKafkaDoesNotKnowThisTimeKeepsItsLastStateMarkedStaleAndTheOthersAreRead() throws Exception {
        List<RealState.Topic> first = read(
                Map.of(
                        "orders", TopicReads.Answer.of(description("orders", B1)),
                        "payments", TopicReads.Answer.of(description("payments", B1))),
                Map.of(
                        "orders", TopicReads.Answer.of(config("2", "false")),
                        "payments", TopicReads.Answer.of(config("1", "true"))),
                null,
                1_000);
        RealState before = new RealState(1_000, List.of(), first);
        assertEquals(2, before.topic("orders").minIsr());
        assertTrue(before.topic("payments").uncleanElection());
        assertFalse(before.topic("orders").stale());

        List<RealState.Topic> second = read(
                Map.of(
                        "orders", unknown("orders"),
                        "payments", TopicReads.Answer.of(description("payments", B2))),
                Map.of("payments", TopicReads.Answer.of(config("1", "true"))),
                before,
                1_500);
        RealState after = new RealState(1_500, List.of(), second);
        RealState.Topic orders = after.topic("orders");
        assertTrue(orders.stale());
        assertEquals(1_000, orders.staleSinceMs(), "as last read at 1.0 s");
        assertEquals("UNKNOWN_TOPIC_OR_PARTITION", orders.staleReason());
        assertSame(before.topic("orders").partitions(), orders.partitions(), "the last known partitions");
        assertEquals(2, after.partition("payments", 0).leader(), "the others are read as usual");
        assertFalse(after.topic("payments").stale());
        assertEquals(List.of(orders), after.staleTopics());
        assertEquals(
                List.of(),
                Changes.between(before, after).stream()
                        .filter(e -> "orders-0".equals(e.subject()))
                        .toList(),
                "a stale topic shows no change");
        assertEquals(
                "1 topic(s) as last read: orders (UNKNOWN_TOPIC_OR_PARTITION, 1.0 s ago)",
                Observer.staleTopics(after, 2_000));

        List<RealState.Topic> third = read(Map.of("orders", unknown("orders")), Map.of(), after, 2_000);
        assertEquals(1_000, third.get(0).staleSinceMs(), "stale since the last poll that read it");

        List<RealState.Topic> back = read(
                Map.of("orders", TopicReads.Answer.of(description("orders", B2))),
                Map.of("orders", TopicReads.Answer.of(config("2", "false"))),
                new RealState(2_000, List.of(), third),
                2_500);
        assertFalse(back.get(0).stale());
        assertNull(back.get(0).staleReason());
        assertEquals(2, back.get(0).partitions().get(0).leader());
    }

    @Test
    void aNewTopicNotReadableYetIsLeftOutAndFailedConfigsKeepTheLastSettings() throws Exception {
        assertEquals(List.of(), read(Map.of("fresh", unknown("fresh")), Map.of(), null, 1_000));

        RealState before = new RealState(
                1_000,
                List.of(),
                read(
                        Map.of("orders", TopicReads.Answer.of(description("orders", B1))),
                        Map.of("orders", TopicReads.Answer.of(config("2", "false"))),
                        null,
                        1_000));
        RealState.Topic orders = read(
                        Map.of("orders", TopicReads.Answer.of(description("orders", B2))),
                        Map.of("orders", unknown("orders")),
                        before,
                        1_500)
                .get(0);
        assertEquals(2, orders.partitions().get(0).leader(), "partitions read anew");
        assertEquals(2, orders.minIsr(), "min.insync.replicas as last read");
        assertEquals("UNKNOWN_TOPIC_OR_PARTITION (configs)", orders.staleReason());
    }

    @Test
    void noAnswerAtAllStillFailsTheRead() throws Exception {
        KafkaFutureImpl<TopicDescription> failed = new KafkaFutureImpl<>();
        failed.completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("timed out"));
        KafkaCallException e = assertThrows(KafkaCallException.class, () -> TopicReads.await(failed));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals("x", TopicReads.await(KafkaFuture.completedFuture("x")).value());
    }
}
