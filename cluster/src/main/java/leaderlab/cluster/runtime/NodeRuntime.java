package leaderlab.cluster.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import leaderlab.cluster.journal.Journal;

/**
 * Runs nodes: either on real threads ({@link ThreadedRuntime}) or in a deterministic single-threaded
 * simulation ({@link SimulatedRuntime}). Callers outside the cluster (the shell, tests) use these
 * methods; nodes only ever see their {@link NodeContext}.
 */
public interface NodeRuntime extends AutoCloseable {

    /** Starts a node, replacing (as a new incarnation) any stopped one at the same address. */
    void start(Address address, Node node);

    /** Stops a node at once, as a crash would: its queued messages and timers are lost. */
    void stop(Address address);

    boolean isRunning(Address address);

    /**
     * Freezes a running node for {@code durationMs} of cluster time, as a stop-the-world GC pause
     * does: it handles nothing (its timers wait too) and then resumes acting on what it last knew.
     */
    void stall(Address address, long durationMs);

    /** Cluster time until which the node is stalled (0 if not stalled). */
    long stalledUntil(Address address);

    /** Runs a task on the node's own thread, in order with its messages and timers. */
    void submit(Address address, Runnable task);

    long nowMs();

    /**
     * Work the waiting caller (the command thread) does between events while it is in
     * {@link #advance}, {@link #await} or {@link #awaitCondition}: the lines of fired triggers. The
     * simulator stops stepping after the event that made a trigger fire, the work runs, then time
     * resumes, so a seeded run stays the same run.
     */
    void betweenSteps(Runnable work);

    /** Lets {@code durationMs} of cluster time pass. */
    void advance(long durationMs);

    /**
     * Waits for a future for at most {@code timeoutMs} of cluster time.
     *
     * @throws TimeoutException if the time passes first
     */
    <T> T await(CompletableFuture<T> future, long timeoutMs) throws TimeoutException;

    /** Waits until the condition holds, for at most {@code timeoutMs} of cluster time. */
    boolean awaitCondition(BooleanSupplier condition, long timeoutMs);

    void pause();

    void resume();

    boolean isPaused();

    /** Cluster time per wall time: 0.25 is slow motion, 4 is fast forward. No effect when simulated. */
    void setSpeed(double speed);

    double speed();

    /** Number of handler invocations (messages, timers, tasks) so far. */
    long eventsProcessed();

    Network network();

    Journal journal();

    /** True for the deterministic simulator, where time only moves when asked to. */
    boolean isSimulated();

    @Override
    void close();
}
