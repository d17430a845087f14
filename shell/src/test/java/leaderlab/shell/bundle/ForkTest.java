package leaderlab.shell.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.JournalDigest;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionView;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** fork at TIME replays the run up to then; unfork gives the original back as it was. */
class ForkTest {

    private static final long SEED = 11;
    private final List<Dispatcher> shells = new ArrayList<>();

    private Dispatcher shell() {
        Dispatcher shell =
                new Dispatcher(CoreCommands.registry(), new Session(Cluster.start(ClusterOptions.simulated(3, SEED))));
        shells.add(shell);
        return shell;
    }

    @AfterEach
    void stop() {
        for (Dispatcher shell : shells) {
            shell.session().cluster().close();
            if (shell.session().suspendedRun() != null) {
                shell.session().suspendedRun().cluster().close();
            }
        }
    }

    private static String ok(Dispatcher shell, String line) {
        Result result = shell.execute(line);
        assertEquals(Result.Status.OK, result.status(), () -> "seed " + SEED + ": " + line + " -> " + result.lines());
        return String.join("\n", result.lines());
    }

    /** The snapshot's fields a class would look at: per partition and per broker, as text. */
    static String fields(ClusterSnapshot snapshot) {
        StringBuilder out = new StringBuilder("t=" + snapshot.timeMs() + "\n");
        for (TopicInfo topic : snapshot.topics()) {
            for (PartitionView p : snapshot.partitions(topic)) {
                out.append(p.name())
                        .append(" leader=")
                        .append(p.leader())
                        .append(" epoch=")
                        .append(p.leaderEpoch())
                        .append(" pepoch=")
                        .append(p.partitionEpoch())
                        .append(" replicas=")
                        .append(Arrays.toString(p.replicas()))
                        .append(" isr=")
                        .append(Arrays.toString(p.isr()))
                        .append(" hw=")
                        .append(p.highWatermark())
                        .append(" leo=")
                        .append(new TreeMap<>(p.leo()))
                        .append(" offline=")
                        .append(p.offline())
                        .append('\n');
            }
        }
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            out.append("broker ")
                    .append(broker.id())
                    .append(' ')
                    .append(broker.state())
                    .append('\n');
        }
        return out.toString();
    }

    private static final List<String> BEFORE = List.of(
            "create topic orders --partitions 2 --replication-factor 3", "produce orders --count 20 --acks all");

    @Test
    void aForkInsideAWaitIsTheRunAsItWasThen() {
        // The original waits 5s in one go; a twin of it stops after 1.5s to look, then waits the rest.
        Dispatcher original = shell();
        Dispatcher twin = shell();
        BEFORE.forEach(line -> ok(original, line));
        BEFORE.forEach(line -> ok(twin, line));
        ok(original, "kill 1");
        ok(twin, "kill 1");
        ok(original, "wait 5s");
        ok(twin, "wait 1500ms");
        long atMs = twin.session().cluster().nowMs();
        String then = fields(twin.session().cluster().snapshot());
        ok(twin, "wait 3500ms");
        assertEquals(digest(original), digest(twin), "seed " + SEED + ": one wait and two waits are the same run");

        ok(original, "restart 1");
        String before = fields(original.session().cluster().snapshot());
        long eventsBefore = original.session().cluster().journal().size();
        Cluster originalCluster = original.session().cluster();

        ok(original, "fork at " + atMs + "ms");
        assertNotSame(originalCluster, original.session().cluster());
        assertEquals(atMs, original.session().cluster().nowMs());
        assertEquals(then, fields(original.session().cluster().snapshot()), "seed " + SEED);

        // Something else happens in the fork; the original does not move.
        ok(original, "produce orders --count 5 --acks 1");
        ok(original, "wait 2s");
        assertEquals(eventsBefore, originalCluster.journal().size());

        ok(original, "unfork");
        assertSame(originalCluster, original.session().cluster());
        assertEquals(before, fields(original.session().cluster().snapshot()));
        assertEquals(eventsBefore, original.session().cluster().journal().size());
        // And it goes on, its run log intact: a bundle of it still replays.
        ok(original, "wait 1s");
        assertTrue(original.session().runLog().entries().stream()
                .anyMatch(e -> e.line().equals("restart 1")));
    }

    @Test
    void aForkFromBeforeAKillRunsAControlledShutdownInstead() {
        Dispatcher shell = shell();
        BEFORE.forEach(line -> ok(shell, line));
        long beforeKill = shell.session().cluster().nowMs();
        ok(shell, "kill 1");
        ok(shell, "kill 2");
        ok(shell, "wait 5s");
        ClusterSnapshot crashed = shell.session().cluster().snapshot();
        assertTrue(
                crashed.partitions(crashed.topic("orders")).stream().anyMatch(p -> p.leader() == 3), fields(crashed));

        ok(shell, "fork at " + beforeKill + "ms");
        ok(shell, "shutdown 1");
        ok(shell, "wait 5s");
        ClusterSnapshot fork = shell.session().cluster().snapshot();
        assertTrue(fork.partitions(fork.topic("orders")).stream().noneMatch(PartitionView::offline), fields(fork));
        assertTrue(fork.partitions(fork.topic("orders")).stream().noneMatch(p -> p.leader() == 1), fields(fork));

        ok(shell, "unfork");
        assertEquals(fields(crashed), fields(shell.session().cluster().snapshot()));
    }

    @Test
    void aForkInsideABlockingCommandStartsJustBeforeIt() {
        Dispatcher shell = shell();
        ok(shell, BEFORE.get(0));
        long produceStart = shell.session().cluster().nowMs();
        ok(shell, "kill 2");
        ok(shell, "kill 3");
        // acks=all with two of three down: the produce waits for its request timeout.
        shell.execute("produce orders --partition 0 --count 1 --acks all");
        long produceEnd = shell.session().cluster().nowMs();
        long killsEnd = shell.session().runLog().entries().get(3).startMs();
        assertTrue(
                produceEnd > killsEnd + 2,
                "the produce should take cluster time; it took " + (produceEnd - killsEnd) + " ms");
        String text = ok(shell, "fork at " + (killsEnd + 1) + "ms");
        assertEquals(killsEnd, shell.session().cluster().nowMs(), text);
        assertTrue(text.contains("just before it"), text);
        assertTrue(produceStart <= killsEnd);
    }

    @Test
    void forkMistakesAreOneLineAndChangeNothing() {
        Dispatcher shell = shell();
        BEFORE.forEach(line -> ok(shell, line));
        Cluster cluster = shell.session().cluster();
        for (String line : List.of("fork at 99s", "fork at soon", "fork when", "unfork")) {
            Result result = shell.execute(line);
            assertEquals(Result.Status.ERROR, result.status(), line);
            assertEquals(1, result.lines().size(), line);
            assertSame(cluster, shell.session().cluster(), line);
        }
        ok(shell, "fork");
        Result nested = shell.execute("fork");
        assertEquals(Result.Status.ERROR, nested.status());
        ok(shell, "unfork");
        assertSame(cluster, shell.session().cluster());

        Dispatcher live = new Dispatcher(
                CoreCommands.registry(), new Session(Cluster.start(new ClusterOptions(3, 0, 1, false, false))));
        shells.add(live);
        assertEquals(Result.Status.ERROR, live.execute("fork").status());
    }

    private static String digest(Dispatcher shell) {
        return new JournalDigest().catchUp(shell.session().cluster().journal()).hex();
    }
}
