package leaderlab.kafka.local;

import java.io.IOException;

/**
 * The main class of each Kafka child JVM: Kafka's own {@code kafka.Kafka}, plus a guard so that a
 * node never outlives leaderlab. leaderlab holds the write end of this process's standard input and
 * never writes to it; when leaderlab exits in any way (a crash or {@code kill -9} included, which run
 * no shutdown hook) the kernel closes that pipe, the read below ends, and the node halts. Watching the
 * parent process is a second way to notice, for a parent whose pipe somehow stays open.
 */
public final class NodeMain {

    /** Exit code of a node that stopped because leaderlab went away. */
    static final int ORPHANED = 3;

    private NodeMain() {}

    public static void main(String[] args) {
        Thread stdin = new Thread(NodeMain::haltAtEndOfInput, "leaderlab-stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.current()
                .parent()
                .ifPresent(parent ->
                        parent.onExit().thenRun(() -> Runtime.getRuntime().halt(ORPHANED)));
        kafka.Kafka.main(args);
    }

    private static void haltAtEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // leaderlab writes nothing; only the end of the stream matters.
            }
        } catch (IOException e) {
            // A broken pipe means the same as its end: leaderlab is gone.
        }
        Runtime.getRuntime().halt(ORPHANED);
    }
}
