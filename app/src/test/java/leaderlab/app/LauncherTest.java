package leaderlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The launcher end to end: scripts, exit codes, determinism, and a real child process. */
@org.junit.jupiter.api.Tag("slow")
class LauncherTest {

    private static LauncherRun run(String... args) {
        return LauncherRun.of(args);
    }

    static Stream<Path> scripts() throws IOException {
        return Files.list(Path.of("..", "scripts"))
                .filter(p -> p.toString().endsWith(".ll"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void everyShippedScriptPasses(Path script) {
        LauncherRun run = run("--no-gui", "--seed", "1", "--script", script.toString());
        assertEquals(0, run.code(), () -> script + " failed:\n" + run.err() + "\n" + run.out());
        assertTrue(run.err().isEmpty(), run.err());
    }

    @Test
    void workedExampleALosesAckedRecordsByTruncation() {
        LauncherRun run = run("--no-gui", "--seed", "1", "--script", "../scripts/example-a-acks1-loss.ll");
        assertTrue(run.out().contains("broker 1 truncated from 110 to 100, removing offsets 100-109"), run.out());
    }

    @Test
    void workedExampleBLosesFiftyAckedRecordsToAnUncleanElection() {
        LauncherRun run = run("--no-gui", "--seed", "1", "--script", "../scripts/example-b-unclean-loss.ll");
        assertTrue(run.out().contains("UNCLEAN election"), run.out());
        assertTrue(run.out().contains("broker 1 truncated from 150 to 100, removing offsets 100-149"), run.out());
    }

    @Test
    void sameSeedAndScriptGiveByteIdenticalOutput() {
        LauncherRun first = run("--no-gui", "--seed", "5", "--script", "../scripts/failover.ll");
        LauncherRun second = run("--no-gui", "--seed", "5", "--script", "../scripts/failover.ll");
        assertEquals(0, first.code());
        assertEquals(first.out(), second.out());
        LauncherRun other = run("--no-gui", "--seed", "6", "--script", "../scripts/failover.ll");
        assertFalse(other.out().equals(first.out()), "a different seed should change something (topic ids)");
    }

    @Test
    void aFailedExpectationStopsTheScriptNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("check.ll");
        Files.writeString(
                script,
                "# comment\ncreate topic t --replica-assignment 1:2:3\n\nexpect leader t-0 is 2\n" + "describe\n");
        LauncherRun run = run("--no-gui", "--seed", "1", "--script", script.toString());
        assertEquals(1, run.code());
        assertEquals(script + ":4: expectation failed: leader t-0 is 2, but it is 1\n", run.err());
        assertFalse(run.out().contains("Topic: t"), "nothing after the failing line runs");
    }

    @Test
    void aBadCommandStopsWithExitTwoAndOneLine(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("bad.ll");
        Files.writeString(script, "kill 7\n");
        LauncherRun run = run("--no-gui", "--seed", "1", "--script", script.toString());
        assertEquals(2, run.code());
        assertEquals(script + ":1: error: no node 7: brokers are 1..3, controllers [101,102,103]\n", run.err());
    }

    @Test
    void badLauncherOptionsAreOneLineErrors() {
        assertEquals(
                "leaderlab: unknown option '--bogus' (leaderlab --help lists options)\n",
                run("--bogus").err());
        assertEquals(
                "leaderlab: --brokers must be between 1 and 64, got 0\n",
                run("--brokers", "0").err());
        assertEquals(
                "leaderlab: --seed must be a whole number, got 'x'\n",
                run("--seed", "x").err());
        assertEquals(
                "leaderlab: no such script file: nope.ll\n",
                run("--script", "nope.ll").err());
        assertEquals(0, run("--help").code());
    }

    @Test
    void subcommandsHaveHelpAndOneLineErrorsWithExitTwo() {
        for (String[] help :
                new String[][] {{"--help"}, {"lesson", "--help"}, {"chaos", "--help"}, {"bench", "--help"}}) {
            LauncherRun run = run(help);
            assertEquals(0, run.code(), String.join(" ", help));
            assertTrue(run.out().startsWith("Usage: leaderlab"), run.out());
            assertTrue(run.err().isEmpty(), run.err());
        }
        assertTrue(run("--help").out().contains("--kafka-timings"));
        for (String[] bad : new String[][] {
            {"chaos", "--bogus"},
            {"chaos", "--seeds"},
            {"chaos", "--seeds", "x"},
            {"chaos", "--steps", "0"},
            {"bench", "--seconds", "x"},
            {"bench", "nope"},
            {"bench", "--frames"},
            {"lesson"},
            {"lesson", "bogus"},
            {"lesson", "play"},
            {"lesson", "verify", "--speed", "500"},
            {"lesson", "verify", "--all", "01-leaders-and-followers"},
            {"--brokers"},
            {"stray"},
            {"--script", "a.ll", "-e", "describe"},
            {"--racks", "9"}
        }) {
            LauncherRun run = run(bad);
            assertEquals(2, run.code(), String.join(" ", bad));
            assertEquals(1, run.err().lines().count(), () -> String.join(" ", bad) + ": " + run.err());
            assertTrue(run.err().startsWith("leaderlab: "), run.err());
            assertTrue(run.out().isEmpty(), run.out());
        }
        assertEquals(
                "leaderlab: unknown option '--bogus' (leaderlab chaos --help lists options)\n",
                run("chaos", "--bogus").err());
    }

    @Test
    void chaosRunsTheSeedsItIsGiven() {
        LauncherRun run = run("chaos", "--seed", "3", "--steps", "5");
        assertEquals(0, run.code(), run.err() + run.out());
        assertTrue(run.err().isEmpty(), run.err());
    }

    @Test
    void racksAndBrokerCountShape(@TempDir Path dir) throws IOException {
        LauncherRun run = run(
                "--no-gui",
                "--seed",
                "3",
                "--brokers",
                "6",
                "--racks",
                "3",
                "-e",
                "create topic t --partitions 6 --replication-factor 3",
                "-e",
                "describe --json");
        assertEquals(0, run.code(), run.err());
        var broker6 = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out()
                        .lines()
                        .filter(l -> l.startsWith("{"))
                        .findFirst()
                        .orElseThrow())
                .get("brokers")
                .get(5);
        assertEquals(6, broker6.get("id").asInt());
        assertEquals("r3", broker6.get("rack").asText());
    }

    /** The real launcher process, reading commands from a pipe (standard input not a terminal). */
    @Test
    void aRealProcessReadsStandardInput() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "leaderlab.app.Main",
                "--no-gui",
                "--seed",
                "2"));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream()
                .write(("create topic orders --replica-assignment 1:2:3\nkill 1\n"
                                + "wait until leader orders-0 is 2 --timeout 5s\ndescribe orders\n")
                        .getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher should exit at end of input");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        assertTrue(out.contains("\tTopic: orders\tPartition: 0\tLeader: 2\tReplicas: 1,2,3\tIsr: 2,3"), out);
    }

    /**
     * Output does not depend on the machine's locale: a German JVM (decimal comma) prints the same
     * bytes as this one, timestamps, --json and explanations included.
     */
    @Test
    void aSeededScriptPrintsTheSameBytesUnderAGermanLocale(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("locale.ll");
        Files.writeString(
                script,
                Files.readString(Path.of("..", "scripts", "failover.ll"))
                        + "\nevents --all\nevents --json\nwhy orders-0\nhistory orders-0\nbrokers\nlost\ntime now\n");
        LauncherRun here = run("--no-gui", "--seed", "7", "--script", script.toString());
        assertEquals(0, here.code(), here.err());
        assertTrue(here.out().contains("s  controller"), "the journal's timestamps are in the output: " + here.out());
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=de",
                "-Duser.country=DE",
                "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "leaderlab.app.Main",
                "--no-gui",
                "--seed",
                "7",
                "--script",
                script.toString());
        Process process = new ProcessBuilder(command).start();
        byte[] german = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        assertEquals(here.out(), new String(german, StandardCharsets.UTF_8));
    }

    /** Live threaded mode: a failover with real threads, bounded by wall time. */
    @Test
    void liveThreadedFailover() {
        LauncherRun run = run(
                "--no-gui",
                "-e",
                "create topic orders --replica-assignment 1:2:3",
                "-e",
                "produce orders --count 5",
                "-e",
                "kill 1",
                "-e",
                "wait until leader orders-0 is 2 --timeout 10s",
                "-e",
                "produce orders --count 5",
                "-e",
                "expect hw orders-0 is 10");
        assertEquals(0, run.code(), run.err() + run.out());
    }
}
