package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.Test;

/** What the cluster view and the metrics read from a snapshot: replica and broker states, cuts, health. */
class ClusterStateTest {

    private final Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 9));
    private final Dispatcher shell = new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster));

    private void run(String line) {
        assertTrue(shell.execute(line).isOk(), line);
    }

    @Test
    void aKilledLeaderGoesOfflineAndItsPartitionsUnderReplicated() {
        run("create topic t --replica-assignment 1:2:3,2:3:1 --config min.insync.replicas=3");
        ClusterMetrics healthy = ClusterMetrics.of(cluster.snapshot());
        assertEquals(Map.of(1, 1, 2, 1, 3, 0), healthy.leadersPerBroker());
        assertEquals(0, healthy.underReplicated());

        run("kill 1");
        run("wait until broker 1 is fenced --timeout 5s");
        run("wait 500ms");
        ClusterSnapshot snapshot = cluster.snapshot();
        var t0 = snapshot.metadata().partition("t", 0);
        // Fenced out of an ISR now below min.insync.replicas=3, broker 1 is in the ELR: describe says Elr: 1.
        assertEquals(1, t0.elr().length);
        assertEquals(ReplicaState.ELIGIBLE, ReplicaState.of(t0, snapshot.broker(1)));
        assertEquals(ReplicaState.LEADER, ReplicaState.of(t0, snapshot.broker(2)));
        assertEquals(ReplicaState.IN_SYNC, ReplicaState.of(t0, snapshot.broker(3)));
        assertEquals(BrokerStatus.STOPPED, BrokerStatus.of(snapshot.broker(1), NetworkCuts.NONE));
        ClusterMetrics metrics = ClusterMetrics.of(snapshot);
        assertEquals(2, metrics.underReplicated());
        assertEquals(2, metrics.underMinIsr());
        assertEquals(0, metrics.offline());
        assertEquals(Map.of(1, 0, 2, 2, 3, 0), metrics.leadersPerBroker());
        cluster.close();
    }

    @Test
    void eligibleLeaderReplicasAreTheirOwnChipStateAlsoWhileTheirBrokerIsDown() {
        run("create topic t --replica-assignment 1:2:3 --config min.insync.replicas=2");
        run("wait until isr t-0 is 1,2,3 --timeout 10s");
        run("shutdown 3");
        run("shutdown 2");
        run("wait until elr t-0 is 2 --timeout 10s");
        ClusterSnapshot oneLeft = cluster.snapshot();
        var p = oneLeft.metadata().partition("t", 0);
        assertEquals(ReplicaState.LEADER, ReplicaState.of(p, oneLeft.broker(1)));
        assertEquals(ReplicaState.ELIGIBLE, ReplicaState.of(p, oneLeft.broker(2)), "stopped, but in the ELR");
        assertEquals(ReplicaState.OFFLINE, ReplicaState.of(p, oneLeft.broker(3)), "stopped and not in the ELR");

        run("kill 1");
        run("wait until leader t-0 is none --timeout 10s");
        ClusterSnapshot empty = cluster.snapshot();
        var leaderless = empty.metadata().partition("t", 0);
        assertEquals(0, leaderless.isr().length);
        assertEquals(ReplicaState.ELIGIBLE, ReplicaState.of(leaderless, empty.broker(1)));
        assertEquals(ReplicaState.ELIGIBLE, ReplicaState.of(leaderless, empty.broker(2)));
        assertEquals(ReplicaState.OFFLINE, ReplicaState.of(leaderless, empty.broker(3)));

        run("restart 1"); // a crash: re-registering drops it from the ELR
        run("wait until broker 1 is unfenced --timeout 10s");
        ClusterSnapshot back = cluster.snapshot();
        var after = back.metadata().partition("t", 0);
        assertEquals(ReplicaState.OFFLINE, ReplicaState.of(after, back.broker(1)), "still leaderless, no longer ELR");
        assertEquals(ReplicaState.ELIGIBLE, ReplicaState.of(after, back.broker(2)));
        for (Palette palette : new Palette[] {Palette.LIGHT, Palette.DARK}) {
            var eligible = palette.replica(ReplicaState.ELIGIBLE);
            assertFalse(eligible.equals(palette.replica(ReplicaState.IN_SYNC)), "its own colour, not in-sync's");
            assertFalse(eligible.equals(palette.highlight()), "not the hover ring's");
        }
        cluster.close();
    }

    @Test
    void isolationFromClientsOnlyIsDrawnAsSuch() {
        run("isolate 2 --from clients");
        run("link 1 3 --cut");
        NetworkCuts cuts = NetworkCuts.of(cluster.snapshot());
        assertTrue(cuts.cutFromClients(2));
        assertFalse(cuts.cutFromController(2));
        assertTrue(cuts.brokerPairs().contains(new NetworkCuts.Pair(1, 3)));
        assertEquals(BrokerStatus.ISOLATED, BrokerStatus.of(cluster.snapshot().broker(2), cuts));
        assertFalse(cuts.cutFromClients(1));
        assertEquals("isolated from clients", cuts.isolation(2));
        assertEquals("isolated from broker 3", cuts.isolation(1));
        cluster.close();
    }
}
