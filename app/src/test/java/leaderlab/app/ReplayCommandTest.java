package leaderlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leaderlab replay FILE} from the launcher: match, divergence and a bad file, by exit code. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private static LauncherRun run(String... args) {
        return LauncherRun.of(args);
    }

    @Test
    void aSavedScriptReplaysAndAnEditIsNamed() throws IOException {
        Path bundle = dir.resolve("a.run");
        LauncherRun saved = run(
                "--no-gui",
                "--seed",
                "1",
                "-e",
                "create topic t --replica-assignment 1:2:3",
                "-e",
                "produce t --count 10",
                "-e",
                "kill 1",
                "-e",
                "wait 3s",
                "-e",
                "save run " + bundle);
        assertEquals(0, saved.code(), saved.err());

        LauncherRun replayed = run("replay", bundle.toString());
        assertEquals(0, replayed.code(), replayed.err());
        assertTrue(replayed.out().contains("> kill 1"), replayed.out());

        String edited = Files.readString(bundle).replace("  kill 1\n", "  kill 3\n");
        Files.writeString(bundle, edited);
        LauncherRun diverged = run("replay", bundle.toString());
        assertEquals(1, diverged.code());
        assertEquals(1, diverged.err().strip().lines().count(), diverged.err());
        assertTrue(diverged.err().contains("diverged at line "), diverged.err());
    }

    @Test
    void aFileThatIsNotABundleIsOneLine() throws IOException {
        Path junk = dir.resolve("junk.run");
        Files.writeString(junk, "create topic t\n");
        for (String file :
                new String[] {junk.toString(), dir.resolve("missing.run").toString()}) {
            LauncherRun run = run("replay", file);
            assertEquals(2, run.code());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }
}
