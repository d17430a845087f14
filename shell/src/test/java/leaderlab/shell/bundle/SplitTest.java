package leaderlab.shell.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.JournalDigest;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** split: Kafka's worked example A under acks=1 and acks=all, side by side. */
class SplitTest {

    private static final long SEED = 1;

    @TempDir
    Path dir;

    /** Example A with the acks left to the client config, so the setup line decides them. */
    private static List<String> exampleAWithoutAcks() throws IOException {
        return Files.readAllLines(Path.of("../scripts/example-a-acks1-loss.ll")).stream()
                .filter(line -> !line.isBlank()
                        && !line.startsWith("#")
                        && !line.startsWith("expect")
                        && !line.startsWith("events"))
                .map(line -> line.replaceAll(" --acks \\S+", ""))
                .toList();
    }

    @Test
    void acksOneLosesRecordsAndAcksAllDoesNot() throws IOException {
        Split.Outcome outcome = Split.run(
                ClusterOptions.simulated(3, SEED),
                CoreCommands.registry(),
                "config set acks 1",
                "config set acks all",
                exampleAWithoutAcks());
        assertEquals(10, outcome.left().lost(), "seed " + SEED);
        assertEquals(0, outcome.right().lost(), "seed " + SEED);
        assertTrue(outcome.divergence() >= 0);
        Event a = Split.eventAt(outcome.left(), outcome.divergence());
        Event b = Split.eventAt(outcome.right(), outcome.divergence());
        assertNotEquals(JournalDigest.fields(a), JournalDigest.fields(b));
        for (long i = 0; i < outcome.divergence(); i++) {
            assertEquals(
                    JournalDigest.fields(Split.eventAt(outcome.left(), i)),
                    JournalDigest.fields(Split.eventAt(outcome.right(), i)),
                    "before the divergence, event " + i);
        }
        String diff = Split.outcomeDiff(outcome);
        assertTrue(diff.contains("lost 10 | 0"), diff);
    }

    @Test
    void theCommandShowsTwoColumnsTheDivergenceAndTheDiff() throws IOException {
        Path script = dir.resolve("a.ll");
        Files.write(script, exampleAWithoutAcks());
        Cluster cluster = Cluster.start(ClusterOptions.simulated(3, SEED));
        Dispatcher shell = new Dispatcher(CoreCommands.registry(), new Session(cluster));
        Result result = shell.execute("split \"config set acks 1\" \"config set acks all\" --script " + script);
        assertEquals(Result.Status.OK, result.status(), () -> String.join("\n", result.lines()));
        List<String> lines = result.lines();
        assertTrue(
                lines.get(0).startsWith("A: config set acks 1") && lines.get(0).contains("B: config set acks all"));
        assertEquals(
                1,
                lines.stream()
                        .filter(line -> line.startsWith(">> first divergent event"))
                        .count());
        assertTrue(lines.get(lines.size() - 1).startsWith("outcome A | B: "));
        // The session's own cluster ran nothing.
        assertSame(cluster, shell.session().cluster());
        assertEquals(0, cluster.snapshot().topics().size());

        Result rejected =
                shell.execute("split \"config set no.such.key 1\" \"config set acks all\" --script " + script);
        assertEquals(Result.Status.ERROR, rejected.status());
        assertEquals(1, rejected.lines().size());
        Result nothing = shell.execute("split \"config set acks 1\" \"config set acks all\"");
        assertEquals(Result.Status.ERROR, nothing.status());
        cluster.close();
    }
}
