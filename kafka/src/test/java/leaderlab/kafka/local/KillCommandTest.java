package leaderlab.kafka.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stall's SIGSTOP and SIGCONT reach a real process, with the kill program found without PATH. */
class KillCommandTest {

    @Test
    void anEmptyPathStillFindsKillByAbsolutePath() {
        for (String path : new String[] {"", null, "/nonexistent"}) {
            Path kill = KillCommand.find(path).orElseThrow();
            assertTrue(kill.isAbsolute(), kill.toString());
            assertTrue(Files.isExecutable(kill), kill.toString());
        }
    }

    @Test
    void aStalledProcessIsStoppedUntilResumed(@TempDir Path dir) throws Exception {
        KafkaNode node = new KafkaNode(
                1,
                KafkaNode.Role.BROKER,
                dir.resolve("node.properties"),
                dir.resolve("node.log"),
                List.of("/bin/sh", "-c", "sleep 60"));
        node.start();
        try {
            node.stall();
            assertEquals('T', awaitState(node.pid(), 'T'), "SIGSTOP: stopped");
            node.resume();
            assertEquals('S', awaitState(node.pid(), 'S'), "SIGCONT: sleeping again");
        } finally {
            node.kill();
        }
    }

    /** The process's state letter in /proc (R, S, T, ...), once it is {@code wanted} or after 5 s. */
    private static char awaitState(long pid, char wanted) throws Exception {
        char state = '?';
        for (int i = 0; i < 100 && state != wanted; i++) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            state = stat.charAt(stat.lastIndexOf(')') + 2);
            if (state != wanted) {
                Thread.sleep(50);
            }
        }
        return state;
    }
}
