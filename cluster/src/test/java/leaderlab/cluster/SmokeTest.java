package leaderlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.view.PartitionView;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void failover() {
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 1))) {
            var r = cluster.admin(new AdminOperation.CreateTopic("orders", 1, 3, new int[][] {{1, 2, 3}}, Map.of()));
            System.out.println(r);
            cluster.advance(500);
            System.out.println(cluster.produce("orders", 0, 10, -1));
            cluster.advance(500);
            PartitionView p = cluster.snapshot().partition("orders", 0);
            System.out.println(p + " leo=" + p.leo());
            cluster.kill(1);
            cluster.advance(3000);
            p = cluster.snapshot().partition("orders", 0);
            System.out.println(p + " leo=" + p.leo());
            assertEquals(2, p.leader());
            cluster.restart(1);
            cluster.advance(3000);
            p = cluster.snapshot().partition("orders", 0);
            System.out.println(java.util.Arrays.toString(p.isr()) + " leo=" + p.leo() + " hw=" + p.highWatermark());
            cluster.journal().since(0, e -> true).forEach(e -> System.out.println(e.format()));
            System.out.println("events " + cluster.runtime().eventsProcessed());
        }
    }
}
