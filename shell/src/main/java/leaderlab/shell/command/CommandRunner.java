package leaderlab.shell.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * Runs command lines one at a time on a single thread of its own. Every front end that shares a
 * cluster (the REPL, the window, lessons) submits here, because the simulated runtime is single-threaded
 * and a command may block for cluster time: callers never run a line on their own thread, and a
 * line from one front end never interleaves with another's.
 */
public final class CommandRunner implements AutoCloseable {

    private final Dispatcher dispatcher;
    private final ExecutorService executor;
    private volatile Thread runnerThread;
    private volatile boolean running;

    public CommandRunner(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "leaderlab-commands");
            thread.setDaemon(true);
            runnerThread = thread;
            return thread;
        });
        // A trigger that fires while no line waits for cluster time (live, the shell idle) runs here.
        dispatcher.session().onTriggersDue(() -> {
            try {
                executor.execute(() -> dispatcher.session().runDueTriggers());
            } catch (RejectedExecutionException closed) {
                // The runner is closing, and its cluster with it: nothing is left to run the line on.
            }
        });
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public Session session() {
        return dispatcher.session();
    }

    /** Queues a line; the future completes with its result once every earlier line has run. */
    public CompletableFuture<Result> submit(String line) {
        return CompletableFuture.supplyAsync(() -> runOne(line, true), executor);
    }

    /**
     * Like {@link #submit} but listeners are not told: for the steady ticks of a play clock, which
     * would drown out the commands a class needs to see.
     */
    public CompletableFuture<Result> submitUnannounced(String line) {
        return CompletableFuture.supplyAsync(() -> runOne(line, false), executor);
    }

    /** Submits a line and waits for its result (the REPL, which shows one result per prompt). */
    /** Runs other work on the command thread, after every queued line (e.g. swapping a lesson's cluster in). */
    public <T> T call(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor).join();
    }

    public Result run(String line) {
        return submit(line).join();
    }

    private Result runOne(String line, boolean announce) {
        running = true;
        try {
            return announce ? dispatcher.execute(line) : dispatcher.executeUnannounced(line);
        } finally {
            running = false;
            // A cancel that arrived as the line finished must not cancel the next one.
            Thread.interrupted();
        }
    }

    /**
     * Stops the running line (a long wait) by interrupting the runner thread; the line returns
     * what it has done so far. Does nothing when no line runs.
     */
    public void cancelRunning() {
        Thread thread = runnerThread;
        if (running && thread != null) {
            thread.interrupt();
        }
    }

    /** True while a line runs. */
    public boolean busy() {
        return running;
    }

    /**
     * Called on the runner thread after each top-level line (typed, clicked, played or triggered),
     * with the line and its result: the dispatcher's observers.
     */
    public void addListener(BiConsumer<String, Result> listener) {
        dispatcher.addObserver(listener::accept);
    }

    @Override
    public void close() {
        cancelRunning();
        executor.shutdownNow();
    }
}
