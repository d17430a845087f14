package leaderlab.shell.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save run, then replay: same bytes, digest checked per command, edits found at their line. */
class RunBundleTest {

    private static final long SEED = 7;

    @TempDir
    Path dir;

    private static Dispatcher shell(ClusterOptions options) {
        return new Dispatcher(CoreCommands.registry(), new Session(Cluster.start(options)));
    }

    private static void ok(Dispatcher shell, String line) {
        Result result = shell.execute(line);
        assertEquals(Result.Status.OK, result.status(), () -> "seed " + SEED + ": " + line + " -> " + result.lines());
    }

    private String saveAfter(Dispatcher shell, List<String> lines) throws IOException {
        for (String line : lines) {
            ok(shell, line);
        }
        Path file = dir.resolve("run-" + System.nanoTime() + ".run");
        ok(shell, "save run " + file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Replayer.Outcome replay(String text, Dispatcher[] replayed) {
        RunBundle bundle = RunBundle.parse(text);
        replayed[0] = shell(bundle.options());
        return Replayer.replay(bundle, replayed[0], (line, result) -> {});
    }

    private static final List<String> RUN = List.of(
            "create topic orders --partitions 2 --replication-factor 3",
            "produce orders --partition 0 --count 20 --acks all",
            "describe",
            "bad command is left out",
            "kill 1",
            "wait 3s",
            "produce orders --partition 0 --count 5 --acks 1",
            "restart 1",
            "wait until isr orders-0 is 1,2,3 --timeout 10s");

    @Test
    void aReplayedRunSavesToTheSameBytes() throws IOException {
        Dispatcher original = shell(ClusterOptions.simulated(3, SEED));
        List<String> lines =
                RUN.stream().filter(line -> !line.startsWith("bad")).toList();
        String saved = saveAfter(original, lines);
        original.execute("bad command");
        RunBundle bundle = RunBundle.parse(saved);
        assertEquals(lines, bundle.entries().stream().map(RunBundle.Entry::line).toList());
        assertEquals(SEED, bundle.options().seed());
        assertEquals(original.session().cluster().journal().size(), bundle.events());

        Dispatcher[] replayed = new Dispatcher[1];
        Replayer.Outcome outcome = replay(saved, replayed);
        assertNull(outcome.divergence(), "seed " + SEED);
        assertEquals(lines.size(), outcome.commandsRun());
        assertEquals(bundle.digest(), outcome.digest());
        assertEquals(saved, saveAfter(replayed[0], List.of()), "seed " + SEED);
        original.session().cluster().close();
        replayed[0].session().cluster().close();
    }

    @Test
    void playClockTicksAreKeptAsOneWait() throws IOException {
        Dispatcher original = shell(ClusterOptions.simulated(3, SEED));
        List<String> lines = new java.util.ArrayList<>(List.of("create topic orders", "kill 1"));
        for (int i = 0; i < 30; i++) {
            lines.add("wait 100ms");
        }
        lines.add("restart 1");
        String saved = saveAfter(original, lines);
        RunBundle bundle = RunBundle.parse(saved);
        assertEquals(
                List.of("create topic orders", "kill 1", "wait 3000ms", "restart 1"),
                bundle.entries().stream().map(RunBundle.Entry::line).toList());
        Dispatcher[] replayed = new Dispatcher[1];
        assertNull(replay(saved, replayed).divergence(), "seed " + SEED);
        original.session().cluster().close();
        replayed[0].session().cluster().close();
    }

    @Test
    void anEditedCommandIsReportedAtItsLine() throws IOException {
        Dispatcher original = shell(ClusterOptions.simulated(3, SEED));
        String saved = saveAfter(
                original, RUN.stream().filter(line -> !line.startsWith("bad")).toList());
        original.session().cluster().close();
        String[] lines = saved.split("\n");
        int killLine = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("  kill 1")) {
                killLine = i + 1;
            }
        }
        assertTrue(killLine > 0, saved);
        Dispatcher[] replayed = new Dispatcher[1];
        Replayer.Outcome outcome = replay(saved.replace("  kill 1\n", "  kill 2\n"), replayed);
        assertFalse(outcome.matched());
        assertTrue(outcome.divergence().startsWith("diverged at line " + killLine + " (kill 2)"), outcome.divergence());
        // Everything before the edited line ran and matched; the edited one is the last run.
        assertEquals(4, outcome.commandsRun());
        replayed[0].session().cluster().close();

        // A time edited by hand: the command is found not to start when the bundle says.
        String retimed = saved.replaceFirst("at (\\d+)\\.(\\d{3})s( +\\d+ [0-9a-f]{16}  kill 1)", "at 99.000s$3");
        outcome = replay(retimed, replayed);
        assertTrue(
                outcome.divergence().startsWith("diverged at line " + killLine + " (kill 1): it starts at "),
                outcome.divergence());
        replayed[0].session().cluster().close();
    }

    @Test
    void aMalformedBundleIsOneLineNamingWhere() {
        IllegalArgumentException notBundle =
                assertThrows(IllegalArgumentException.class, () -> RunBundle.parse("hello\n"));
        assertFalse(notBundle.getMessage().contains("\n"));
        IllegalArgumentException badLine = assertThrows(
                IllegalArgumentException.class, () -> RunBundle.parse(RunBundle.MAGIC + "\nbrokers 3\nwhat is this\n"));
        assertTrue(badLine.getMessage().startsWith("line 3: "), badLine.getMessage());
        IllegalArgumentException cut =
                assertThrows(IllegalArgumentException.class, () -> RunBundle.parse(RunBundle.MAGIC + "\nbrokers 3\n"));
        assertTrue(cut.getMessage().contains("'end"), cut.getMessage());
        IllegalArgumentException badOptions = assertThrows(
                IllegalArgumentException.class,
                () -> RunBundle.parse(RunBundle.MAGIC + "\nbrokers 0\nracks 0\nseed 1\nkafka-timings false\nend 0 "
                        + "0123456789abcdef\n"));
        assertTrue(badOptions.getMessage().startsWith("line 6: --brokers"), badOptions.getMessage());
    }

    @Test
    void aLiveRunIsRefusedWithOneLine() {
        Dispatcher live = shell(new ClusterOptions(3, 0, 1, false, false));
        Result result = live.execute("save run " + dir.resolve("live.run"));
        live.session().cluster().close();
        assertEquals(Result.Status.ERROR, result.status());
        assertEquals(1, result.lines().size());
        assertFalse(Files.exists(dir.resolve("live.run")));
    }

    @Test
    void everyCheckedScriptReplaysToItsDigest() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of("../scripts"))) {
            scripts = files.filter(file -> file.toString().endsWith(".ll"))
                    .sorted()
                    .toList();
        }
        assertFalse(scripts.isEmpty());
        for (Path script : scripts) {
            Dispatcher original = shell(ClusterOptions.simulated(3, 1));
            for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
                Result result = original.execute(line);
                assertTrue(result.isOk(), () -> script + ": " + line + " -> " + result.lines());
            }
            String saved = saveAfter(original, List.of());
            original.session().cluster().close();
            Dispatcher[] replayed = new Dispatcher[1];
            Replayer.Outcome outcome = replay(saved, replayed);
            assertNull(outcome.divergence(), script.toString());
            assertNotNull(outcome.digest());
            replayed[0].session().cluster().close();
        }
    }
}
