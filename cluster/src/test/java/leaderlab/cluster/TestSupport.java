package leaderlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.PartitionView;
import leaderlab.cluster.view.ReplicaView;

/** Small helpers shared by the scenario tests. All of them run on the simulated runtime's clock. */
final class TestSupport {

    private TestSupport() {}

    static Cluster simulated(int brokers, long seed) {
        return Cluster.start(ClusterOptions.simulated(brokers, seed));
    }

    static Cluster cluster(long seed, boolean autoRebalance) {
        Cluster cluster = simulated(3, seed);
        if (!autoRebalance) {
            assertEquals(
                    Errors.NONE,
                    cluster.setConfig("auto.leader.rebalance.enable", "false", null)
                            .error());
        }
        return cluster;
    }

    static Event last(List<Event> events) {
        assertFalse(events.isEmpty());
        return events.get(events.size() - 1);
    }

    /** Shrinks the ISR to the leader alone by cutting the followers off from it while it takes writes. */
    static void shrinkIsrToLeader(Cluster cluster, String topic, int leader, int... followers) {
        for (int follower : followers) {
            cluster.isolate(follower, IsolateFrom.BROKERS, Set.of(leader));
        }
        produceAcked(cluster, topic, 0, 5, 1);
        awaitIsr(cluster, topic, 0, 10_000, leader);
    }

    /** Creates a topic with an explicit assignment and waits until every replica has applied it. */
    static void createTopic(Cluster cluster, String name, Map<String, String> configs, int[]... assignment) {
        AdminResult result = cluster.admin(
                new AdminOperation.CreateTopic(name, assignment.length, assignment[0].length, assignment, configs));
        assertEquals(Errors.NONE, result.error(), result.message());
        for (int p = 0; p < assignment.length; p++) {
            int partition = p;
            assertTrue(
                    cluster.awaitCondition(s -> everyReplicaApplied(s, name, partition), 5_000),
                    "replicas of " + name + "-" + p + " did not start");
        }
    }

    private static boolean everyReplicaApplied(ClusterSnapshot s, String topic, int partition) {
        PartitionView view = s.partition(topic, partition);
        int id = s.topic(topic).partitionId(partition);
        for (int broker : view.replicas()) {
            ReplicaView replica = s.replica(broker, id);
            if (replica == null || replica.leaderEpoch() != view.leaderEpoch()) {
                return false;
            }
        }
        return true;
    }

    static PartitionView partition(Cluster cluster, String topic, int p) {
        return cluster.snapshot().partition(topic, p);
    }

    static int partitionId(Cluster cluster, String topic, int p) {
        return cluster.snapshot().topic(topic).partitionId(p);
    }

    static LogView log(Cluster cluster, int broker, String topic, int p) {
        ReplicaView replica = cluster.snapshot().replica(broker, partitionId(cluster, topic, p));
        return replica == null ? null : replica.log();
    }

    static List<Long> recordIds(LogView log, long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long o = from; o < to; o++) {
            out.add(log.recordIdAt(o));
        }
        return out;
    }

    static List<Long> allRecordIds(LogView log) {
        return recordIds(log, 0, log.endOffset());
    }

    /** One attempt (retries=0): the answer of the broker the client's metadata names, as these tests check. */
    static ProduceResult produceOne(Cluster cluster, String topic, int p, int count, int acks) {
        List<ProduceResult> results = cluster.produce(topic, p, count, acks, 0);
        assertEquals(1, results.size(), results.toString());
        return results.get(0);
    }

    static ProduceResult produceAcked(Cluster cluster, String topic, int p, int count, int acks) {
        ProduceResult result = produceOne(cluster, topic, p, count, acks);
        assertTrue(result.acknowledged(), "produce not acknowledged: " + result);
        return result;
    }

    /** Waits until the partition is fully replicated: every replica's LEO equals the leader's HW. */
    static void awaitFullyReplicated(Cluster cluster, String topic, int p) {
        assertTrue(
                cluster.awaitCondition(
                        s -> {
                            PartitionView v = s.partition(topic, p);
                            return v.leader() >= 0
                                    && v.isr().length == v.replicas().length
                                    && v.leo().values().stream().allMatch(leo -> leo == v.highWatermark())
                                    && v.leo().size() == v.replicas().length;
                        },
                        10_000),
                () -> "not fully replicated: " + describe(cluster, topic, p));
    }

    static boolean isr(ClusterSnapshot s, String topic, int p, int... expected) {
        return Arrays.equals(s.partition(topic, p).isr(), expected);
    }

    static void awaitIsr(Cluster cluster, String topic, int p, long timeoutMs, int... expected) {
        assertTrue(
                cluster.awaitCondition(s -> isr(s, topic, p, expected), timeoutMs),
                () -> "ISR never became " + Arrays.toString(expected) + ": " + describe(cluster, topic, p));
    }

    static void awaitLeader(Cluster cluster, String topic, int p, long timeoutMs, int expected) {
        assertTrue(
                cluster.awaitCondition(s -> s.partition(topic, p).leader() == expected, timeoutMs),
                () -> "leader never became " + expected + ": " + describe(cluster, topic, p));
    }

    static String describe(Cluster cluster, String topic, int p) {
        PartitionView v = cluster.snapshot().partition(topic, p);
        return v.name() + " leader=" + v.leader() + " leaderEpoch=" + v.leaderEpoch() + " partitionEpoch="
                + v.partitionEpoch() + " replicas=" + Arrays.toString(v.replicas()) + " isr="
                + Arrays.toString(v.isr()) + " hw=" + v.highWatermark() + " leo=" + v.leo()
                + " recovering=" + v.recovering() + " at " + cluster.nowMs() + " ms";
    }

    /** Each broker's own belief about a partition: metadata offset, leader it knows, its replica state. */
    static String describeReplicas(Cluster cluster, String topic, int p) {
        ClusterSnapshot s = cluster.snapshot();
        StringBuilder out =
                new StringBuilder("controller metadata offset " + s.metadata().offset());
        int id = s.topic(topic).partitionId(p);
        for (ClusterSnapshot.BrokerState b : s.brokers()) {
            out.append("\n  broker ")
                    .append(b.id())
                    .append(' ')
                    .append(b.state())
                    .append(" process=")
                    .append(b.view().process())
                    .append(" epoch=")
                    .append(b.view().brokerEpoch());
            if (b.view().metadata() != null) {
                var reg = b.view().metadata().partition(topic, p);
                out.append(" metadataOffset=")
                        .append(b.view().metadata().offset())
                        .append(" sees ")
                        .append(reg);
            }
            ReplicaView r = b.view().replicas().get(id);
            if (r != null) {
                out.append(" replica ")
                        .append(r.role())
                        .append(" epoch=")
                        .append(r.leaderEpoch())
                        .append(" leader=")
                        .append(r.leaderId())
                        .append(" leo=")
                        .append(r.endOffset())
                        .append(" hw=")
                        .append(r.highWatermark());
            }
        }
        return out.toString();
    }

    static List<Event> events(Cluster cluster, EventType type) {
        return cluster.journal().since(0, e -> e.type() == type);
    }

    /** The event's detail as the kind the test expects; fails (with the event) when it is another kind. */
    static <D extends EventDetail> D detail(Event event, Class<D> kind) {
        assertTrue(kind.isInstance(event.detail()), () -> "expected a " + kind.getSimpleName() + ": " + event.format());
        return kind.cast(event.detail());
    }

    static List<Event> events(Cluster cluster, long fromSeq, Predicate<Event> filter) {
        return cluster.journal().since(fromSeq, filter);
    }

    static List<String> formattedJournal(Cluster cluster) {
        return cluster.journal().since(0, e -> true).stream().map(Event::format).collect(Collectors.toList());
    }

    static String journalDump(Cluster cluster) {
        return String.join("\n", formattedJournal(cluster));
    }
}
