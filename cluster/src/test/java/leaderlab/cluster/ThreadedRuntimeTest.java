package leaderlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.runtime.ThreadedRuntime;
import leaderlab.cluster.view.PartitionView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real-thread failover. Every wait is bounded and condition-based (no sleeps decide the outcome);
 * times are cluster time at speed 1, i.e. wall time.
 */
@Tag("threaded")
class ThreadedRuntimeTest {

    @Test
    @Timeout(60)
    void failoverOnRealThreadsAndNoThreadLeaks() {
        Cluster cluster = Cluster.start(new ClusterOptions(3, 0, 1, false, false));
        ThreadedRuntime runtime = (ThreadedRuntime) cluster.runtime();
        try {
            assertFalse(runtime.isSimulated());
            assertEquals(7, runtime.liveThreads(), "3 controllers, 3 brokers and the client each have a thread");
            AdminResult created = cluster.admin(new AdminOperation.CreateTopic(
                    "live", 1, 3, new int[][] {{1, 2, 3}}, Map.of("min.insync.replicas", "2")));
            assertEquals(Errors.NONE, created.error(), created.message());
            // On real threads the admin answer can arrive before the controller publishes its new view.
            assertTrue(cluster.awaitCondition(
                    s -> s.partition("live", 0) != null
                            && s.partition("live", 0).leader() == 1
                            && s.replica(3, s.topic("live").partitionId(0)) != null,
                    10_000));

            List<ProduceResult> first = cluster.produce("live", 0, 20, -1);
            assertTrue(first.get(0).acknowledged(), first.toString());
            int oldEpoch = cluster.snapshot().partition("live", 0).leaderEpoch();

            cluster.kill(1);
            long killedAt = cluster.nowMs();
            assertTrue(
                    cluster.awaitCondition(
                            s -> {
                                PartitionView p = s.partition("live", 0);
                                return p.leader() > 1 && p.leaderEpoch() > oldEpoch;
                            },
                            15_000),
                    "no new leader within 15 s after the kill");
            long failover = cluster.nowMs() - killedAt;
            assertTrue(failover < 15_000, "failover took " + failover + " ms");
            PartitionView after = cluster.snapshot().partition("live", 0);
            assertNotEquals(1, after.leader());
            assertFalse(java.util.Arrays.stream(after.isr()).anyMatch(b -> b == 1));
            assertFalse(cluster.journal()
                    .since(0, e -> e.detail() instanceof EventDetail.BrokerFenced fenced && fenced.broker() == 1)
                    .isEmpty());

            // The client may still hold metadata naming broker 1; it refreshes on each produce.
            assertTrue(cluster.awaitCondition(
                    s -> s.brokers().stream()
                            .filter(b -> b.id() != 1)
                            .allMatch(b -> b.view().metadata() != null
                                    && b.view().metadata().partition("live", 0) != null
                                    && b.view().metadata().partition("live", 0).leader() == after.leader()),
                    10_000));
            List<ProduceResult> second = cluster.produce("live", 0, 10, -1);
            assertTrue(second.get(0).acknowledged(), second.toString());
            assertEquals(20, second.get(0).baseOffset());
            assertEquals(after.leader(), second.get(0).leader());
            assertEquals(0, runtime.failures(), "a node handler threw");
        } finally {
            cluster.close();
        }
        assertEquals(0, runtime.liveThreads(), "node threads leaked after close");
    }
}
