package leaderlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped script, run under a fixed seed with its commands echoed, against a checked-in transcript:
 * any change to what a command prints, or to what the simulated cluster does, shows up here as a diff.
 * After a change that is meant, regenerate and review the diff:
 * {@code ./mvnw -pl app -am test -Dtest=GoldenTranscriptTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.update=true}.
 */
class GoldenTranscriptTest {

    static final long SEED = 1;
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    static Stream<Path> scripts() throws IOException {
        return LauncherTest.scripts();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void scriptOutputMatchesItsGoldenTranscript(Path script) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                new String[] {"--no-gui", "--seed", Long.toString(SEED), "--echo", "--script", script.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String transcript =
                out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8) + "exit " + code + "\n";
        String name = script.getFileName().toString().replaceAll("\\.ll$", ".txt");
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, transcript, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(golden)
                ? Files.readString(golden, StandardCharsets.UTF_8)
                : "(no golden transcript " + golden + "; run with -Dgolden.update=true)";
        assertEquals(
                expected,
                transcript,
                script + " (seed " + SEED + ") differs from " + golden
                        + "; if the change is meant, rerun with -Dgolden.update=true and review the diff");
    }
}
