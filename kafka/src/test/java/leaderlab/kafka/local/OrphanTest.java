package leaderlab.kafka.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A {@code kill -9} of the JVM that started a cluster runs no shutdown hook, and still leaves no node running. */
@Tag("kafka")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class OrphanTest {

    /** The live processes whose command line mentions {@code dir}. */
    private static Set<Long> processesNaming(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    @Test
    void nodesHaltWhenTheirParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String line;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            while (line != null && !line.startsWith("pids ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the probe exited before its cluster was up");
            String[] words = line.split(" ");
            List<ProcessHandle> nodes = List.of(
                    ProcessHandle.of(Long.parseLong(words[1])).orElseThrow(),
                    ProcessHandle.of(Long.parseLong(words[2])).orElseThrow());
            Path dataDir = Path.of(words[4]);
            // Every process started for this cluster names a file in its data directory on its command line;
            // before the kill those are exactly the probe's descendants, its nodes among them.
            Set<Long> started = processesNaming(dataDir);
            assertEquals(
                    parent.descendants().map(ProcessHandle::pid).collect(Collectors.toSet()),
                    started,
                    "the cluster's processes are the probe's children");
            assertTrue(
                    started.containsAll(nodes.stream().map(ProcessHandle::pid).toList()), started.toString());

            parent.destroyForcibly().waitFor();

            for (ProcessHandle node : nodes) {
                node.onExit().get(30, TimeUnit.SECONDS);
                assertFalse(node.isAlive(), "pid " + node.pid());
            }
            // Nothing at all is left of it, not only the two nodes the probe named.
            assertEquals(Set.of(), processesNaming(dataDir));
            // Nothing deleted the data directory; the next start sweeps it (its owner is gone).
            assertTrue(Files.isDirectory(dataDir));
            LocalKafka.sweepOrphanedDataDirs();
            assertFalse(Files.exists(dataDir));
        } finally {
            parent.destroyForcibly();
        }
    }
}
