package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import leaderlab.app.AppCommands;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;
import org.junit.jupiter.api.Test;

/**
 * Each fact the shell and the window both show has one source; these pin each pair: the window's cuts
 * against the brokers' reality (what describe prints), the window's health counts against describe's
 * filters, and the window's partition names against the shell's.
 */
class DerivedFactsTest {

    private final Cluster cluster = Cluster.start(ClusterOptions.simulated(4, 3));
    private final Dispatcher shell = new Dispatcher(AppCommands.registry(), new Session(cluster));

    private Result run(String line) {
        Result result = shell.execute(line);
        assertTrue(result.isOk(), () -> line + ": " + result.lines());
        return result;
    }

    /** The window's cuts, recomputed from the reality describe prints, broker by broker. */
    private void assertCutsMatchReality() {
        ClusterSnapshot snapshot = cluster.snapshot();
        NetworkCuts cuts = NetworkCuts.of(snapshot);
        Set<NetworkCuts.Pair> pairs = new TreeSet<>();
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            ClusterSnapshot.Reality reality = broker.reality();
            assertEquals(reality.cutFromClients(), cuts.cutFromClients(broker.id()), "clients, broker " + broker.id());
            assertEquals(reality.cutFromController(), cuts.cutFromController(broker.id()), "controller " + broker.id());
            assertEquals(
                    reality.cutFromClients()
                            || reality.cutFromController()
                            || !reality.cutFromBrokers().isEmpty(),
                    cuts.isolated(broker.id()),
                    "isolated, broker " + broker.id());
            reality.cutFromBrokers().forEach(other -> pairs.add(NetworkCuts.Pair.of(broker.id(), other)));
        }
        assertEquals(pairs, cuts.brokerPairs());
    }

    @Test
    void aOneWayCutIsACutForBothEndsInDescribeAndInTheWindow() {
        run("link 1 3 --cut");
        assertCutsMatchReality();
        ClusterSnapshot snapshot = cluster.snapshot();
        assertEquals(java.util.List.of(3), snapshot.broker(1).reality().cutFromBrokers());
        assertEquals(java.util.List.of(1), snapshot.broker(3).reality().cutFromBrokers(), "responses 1 -> 3 are lost");
        assertTrue(NetworkCuts.of(snapshot).brokerPairs().contains(new NetworkCuts.Pair(1, 3)));
        run("isolate 2 --from clients");
        assertCutsMatchReality();
        assertTrue(NetworkCuts.of(cluster.snapshot()).cutFromClients(2));
        run("heal");
        assertCutsMatchReality();
        assertFalse(NetworkCuts.of(cluster.snapshot()).isolated(1));
    }

    @Test
    void aFlappingLinkIsDrawnCutOnlyWhileItIsCut() {
        run("flap 2 --period 1s --from controller");
        boolean sawCut = false;
        boolean sawConnected = false;
        for (int i = 0; i < 8; i++) {
            run("wait 300ms");
            assertCutsMatchReality();
            boolean cut = NetworkCuts.of(cluster.snapshot()).cutFromController(2);
            sawCut |= cut;
            sawConnected |= !cut;
            assertTrue(cluster.snapshot().broker(2).reality().flapping());
        }
        assertTrue(sawCut && sawConnected, "a flapping link is on and off over 2.4 s of a 1 s period");
    }

    @Test
    void theWindowsHealthCountsAreDescribesFilters() {
        run("create topic t --replica-assignment 1:2:3,2:3:4,3:4:1 --config min.insync.replicas=2");
        run("create topic solo --replica-assignment 4 --config min.insync.replicas=1");
        assertHealthMatchesDescribe();
        run("kill 4");
        run("wait until broker 4 is fenced --timeout 10s");
        run("wait 3s");
        // solo-0 is offline with its last ISR member: under min ISR although |ISR| = 1 = min.insync.replicas.
        assertHealthMatchesDescribe();
        run("kill 3");
        run("wait until broker 3 is fenced --timeout 10s");
        run("wait 3s");
        ClusterMetrics metrics = assertHealthMatchesDescribe();
        assertTrue(metrics.underMinIsr() > 0 && metrics.offline() > 0, metrics.toString());
    }

    private ClusterMetrics assertHealthMatchesDescribe() {
        ClusterMetrics metrics = ClusterMetrics.of(cluster.snapshot());
        assertEquals(partitionLines("--under-replicated-partitions"), metrics.underReplicated(), "under-replicated");
        assertEquals(partitionLines("--under-min-isr-partitions"), metrics.underMinIsr(), "under min ISR");
        assertEquals(partitionLines("--at-min-isr-partitions"), metrics.atMinIsr(), "at min ISR");
        long leaderless = run("describe --json").lines().get(0).split("\"offline\":true", -1).length - 1;
        assertEquals(leaderless, metrics.offline(), "offline");
        return metrics;
    }

    private int partitionLines(String filter) {
        return (int) run("describe " + filter).lines().stream()
                .filter(l -> l.startsWith("\tTopic: "))
                .count();
    }

    @Test
    void theWindowAndTheShellReadPartitionNamesAlike() {
        run("create topic my-topic-2 --partitions 3 --replication-factor 2");
        for (String name : java.util.List.of(
                "my-topic-2-1",
                "my-topic-2-0",
                "my-topic-2",
                "my-topic-2-9",
                "-1",
                "x-",
                "my-topic-2-01",
                "my-topic-2-99999999999")) {
            var window = PartitionName.lookup(cluster.snapshot(), name);
            String shellName;
            try {
                shellName = Targets.partition(shell.session(), name).name();
            } catch (RuntimeException e) {
                shellName = null;
            }
            assertEquals(shellName, window == null ? null : window.name(), name);
        }
        assertEquals(
                new leaderlab.cluster.metadata.PartitionName("my-topic-2", 1),
                leaderlab.cluster.metadata.PartitionName.parse("my-topic-2-1").orElseThrow());
    }
}
