package leaderlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.quorum.QuorumView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The controller quorum on real threads: the active controller dies and another is elected, brokers keep
 * serving and fencing resumes; with two of three controllers down no partition fails over until one returns.
 */
@Tag("threaded")
class ThreadedControllerFailoverTest {

    @Test
    @Timeout(60)
    void killingTheActiveControllerOnThreads() {
        try (Cluster cluster = Cluster.start(new ClusterOptions(3, 0, 1, false, false))) {
            assertEquals(
                    Errors.NONE,
                    cluster.admin(new AdminOperation.CreateTopic("live", 1, 3, new int[][] {{1, 2, 3}}, Map.of()))
                            .error());
            assertTrue(cluster.awaitCondition(
                    s -> s.partition("live", 0) != null
                            && s.partition("live", 0).leader() == 1,
                    10_000));
            QuorumView before = cluster.snapshot().quorumLeader();
            assertNotNull(before);
            cluster.kill(before.id());
            cluster.kill(1);
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.quorumLeader() != null && s.quorumLeader().id() != before.id(), 10_000),
                    "a new quorum leader");
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.partition("live", 0).leader() == 2
                                    && s.broker(1).registration().fenced(),
                            10_000),
                    "the new active controller fenced broker 1");
            List<ProduceResult> after = cluster.produce("live", 0, 5, -1);
            assertTrue(after.get(0).acknowledged(), after.toString());
        }
    }

    @Test
    @Timeout(60)
    void withTwoOfThreeControllersDownNoPartitionFailsOverUntilOneReturnsOnThreads() {
        try (Cluster cluster = Cluster.start(new ClusterOptions(3, 0, 1, false, false))) {
            assertEquals(
                    Errors.NONE,
                    cluster.admin(new AdminOperation.CreateTopic(
                                    "live", 2, 3, new int[][] {{1, 2, 3}, {2, 3, 1}}, Map.of()))
                            .error());
            assertTrue(cluster.awaitCondition(
                    s -> s.partition("live", 0) != null
                            && s.partition("live", 0).leader() == 1
                            && s.partition("live", 1) != null
                            && s.partition("live", 1).leader() == 2,
                    10_000));
            int active = cluster.snapshot().quorumLeader().id();
            int follower = cluster.controllerIds().stream()
                    .filter(c -> c != active)
                    .findFirst()
                    .orElseThrow();
            cluster.kill(active);
            cluster.kill(follower);
            cluster.kill(1);
            // Twice the session timeout: with a quorum, broker 1 would have been fenced and orders-0 moved.
            assertFalse(
                    cluster.awaitCondition(s -> s.partition("live", 0).leader() != 1, 3_000),
                    "no partition election without a quorum");
            assertNull(cluster.snapshot().quorumLeader(), "one controller of three is no majority");
            List<ProduceResult> healthy = cluster.produce("live", 1, 5, 1);
            assertTrue(healthy.get(0).acknowledged(), "a healthy leader still takes writes: " + healthy);

            cluster.restart(active);
            assertTrue(
                    cluster.awaitCondition(
                            s -> s.quorumLeader() != null
                                    && s.partition("live", 0).leader() == 2,
                            15_000),
                    "elections resume once a majority is back");
        }
    }
}
