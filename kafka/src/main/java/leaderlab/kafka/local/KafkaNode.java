package leaderlab.kafka.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka node (a broker or a controller) as a child JVM, and the signals leaderlab's fault
 * commands send it: SIGKILL for a crash, SIGTERM for Kafka's controlled shutdown, SIGSTOP/SIGCONT
 * for a stall. Not thread-safe: the command thread and the shutdown hook take turns through
 * {@link LocalKafka}, which synchronises on it.
 */
public final class KafkaNode {

    /** What runs in the node's process. */
    public enum Role {
        BROKER,
        CONTROLLER
    }

    private final int id;
    private final Role role;
    private final Path configFile;
    private final Path logFile;
    private final List<String> command;
    // Volatile: the observer thread and the stall resumer read what the command thread set.
    private volatile Process process;
    /** Held open, never written: closing it (or leaderlab dying) tells the node to halt. */
    private OutputStream lifeline;

    private volatile boolean stalled;

    KafkaNode(int id, Role role, Path configFile, Path logFile, List<String> command) {
        this.id = id;
        this.role = role;
        this.configFile = configFile;
        this.logFile = logFile;
        this.command = List.copyOf(command);
    }

    public int id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public Path logFile() {
        return logFile;
    }

    Path configFile() {
        return configFile;
    }

    /** Starts the process; its output is appended to {@link #logFile()}. */
    void start() {
        if (running()) {
            throw new IllegalStateException(name() + " is already running");
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name() + ": " + e.getMessage(), e);
        }
        lifeline = process.getOutputStream();
        stalled = false;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public boolean stalled() {
        return running() && stalled;
    }

    /** The process id while it runs, else -1. */
    public long pid() {
        return running() ? process.pid() : -1;
    }

    /** A crash: SIGKILL, then waits until the process is gone. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(10_000);
        closeLifeline();
    }

    /**
     * SIGTERM: Kafka's shutdown hook runs a controlled shutdown (the controller moves leadership away
     * first). A stalled node is resumed so it can act on the signal.
     *
     * @return whether it exited within the wait
     */
    boolean terminate(long waitMs) {
        if (!running()) {
            return true;
        }
        if (stalled) {
            resume();
        }
        process.destroy();
        boolean exited = awaitExit(waitMs);
        if (exited) {
            closeLifeline();
        }
        return exited;
    }

    /** SIGSTOP: the JVM freezes (no heartbeats, no fetches, no answers) until {@link #resume()}. */
    void stall() {
        signal("STOP");
        stalled = true;
    }

    /** SIGCONT. */
    void resume() {
        signal("CONT");
        stalled = false;
    }

    /** The last lines the node wrote, for an error message when it did not come up. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String name() {
        return (role == Role.BROKER ? "broker " : "controller ") + id;
    }

    private boolean awaitExit(long waitMs) {
        try {
            return process.waitFor(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void signal(String name) {
        if (!running()) {
            throw new IllegalStateException(name() + " is not running");
        }
        List<String> kill =
                new ArrayList<>(List.of(KillCommand.path().toString(), "-" + name, Long.toString(process.pid())));
        try {
            int code = new ProcessBuilder(kill)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            if (code != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name(), e);
        }
    }

    private void closeLifeline() {
        if (lifeline == null) {
            return;
        }
        try {
            lifeline.close();
        } catch (IOException e) {
            // The process is gone; its pipe with it.
        }
        lifeline = null;
    }
}
