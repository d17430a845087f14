package leaderlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** The active controller dies on real threads: another is elected, brokers keep serving, fencing resumes. */
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
}
