package leaderlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher's real-Kafka options: bad combinations are one-line errors that start nothing. */
class KafkaLaunchTest {

    @Test
    void badCombinationsAreOneLineErrorsWithExitTwo() {
        for (List<String> args : List.of(
                List.of("--kafka", "--seed", "1"),
                List.of("--kafka", "--bootstrap-server", "127.0.0.1:9092"),
                List.of("--allow-admin"),
                List.of("--command-config", "client.properties"),
                List.of("--kafka", "--brokers", "12"),
                List.of("--kafka", "--controllers", "0"),
                List.of("--kafka", "--controllers", "7"))) {
            LauncherRun run = LauncherRun.of(args.toArray(String[]::new));
            assertEquals(2, run.code(), args.toString());
            assertEquals(1, run.err().lines().count(), args + ": " + run.err());
            assertTrue(run.err().startsWith("leaderlab: "), run.err());
        }
    }

    /** One option, one meaning: the quorum's size on the simulator and on real Kafka, 3 unless given. */
    @Test
    void controllersSizeTheQuorumOnBothRuntimes() {
        for (List<String> args : List.of(List.of("--kafka"), List.of("--kafka", "--controllers", "1"))) {
            LaunchOptions options = new LaunchOptions();
            new CommandLine(options).parseArgs(args.toArray(String[]::new));
            int expected = args.size() == 1 ? 3 : 1;
            assertEquals(expected, options.kafkaOptions().controllers(), args.toString());
            assertEquals(expected, options.clusterOptions().controllers(), args.toString());
        }
        LaunchOptions options = new LaunchOptions();
        new CommandLine(options).parseArgs("--kafka", "--controllers", "3");
        assertEquals(101, options.kafkaOptions().controllerId(0));
        assertEquals(options.clusterOptions().controllerIds(), List.of(101, 102, 103));
    }

    @Test
    void aMissingCommandConfigFileIsOneLine() {
        LauncherRun run = LauncherRun.of(
                "--bootstrap-server", "127.0.0.1:9", "--command-config", "no-such-client.properties", "-e", "describe");
        assertEquals(2, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    /** Nothing listens on the port: the first read fails within the Admin call's bound, in one line. */
    @Test
    @Tag("kafka")
    void attachingToNothingIsOneLine() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        LauncherRun run = LauncherRun.of("--bootstrap-server", "127.0.0.1:" + port, "-e", "describe");
        assertEquals(2, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
