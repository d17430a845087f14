package leaderlab.shell.command;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Runs command lines one at a time on a single thread of its own. Every front end that shares a
 * cluster (the REPL, the window, lessons) submits here, because the simulated runtime is single-threaded
 * and a command may block for cluster time: callers never run a line on their own thread, and a
 * line from one front end never interleaves with another's.
 */
public final class CommandRunner implements AutoCloseable {

    private final Dispatcher dispatcher;
    private final ExecutorService executor;
    /** Work handed to {@link #call}, not run yet: a line waiting in {@link #await} runs it. */
    private final LinkedBlockingQueue<Runnable> calls = new LinkedBlockingQueue<>();

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

    /**
     * Like {@link #submit}, but the line runs only if {@code stillWanted}, asked on the command thread just
     * before, says so; otherwise the future completes with null (a lesson's line queued before the lesson
     * ended must not run on the cluster that replaced it).
     */
    public CompletableFuture<Result> submitIf(BooleanSupplier stillWanted, String line) {
        return CompletableFuture.supplyAsync(() -> stillWanted.getAsBoolean() ? runOne(line, true) : null, executor);
    }

    /**
     * Runs other work on the command thread (e.g. swapping a lesson's cluster in): after every queued line,
     * or at once when the running line waits for it in {@link #await}.
     */
    public <T> T call(java.util.function.Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        calls.add(task);
        try {
            executor.execute(() -> {
                calls.remove(task);
                // Done already when a waiting line ran it; a FutureTask runs once.
                task.run();
            });
        } catch (RejectedExecutionException closed) {
            calls.remove(task);
            throw closed;
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the command thread");
        }
    }

    /**
     * On the command thread, inside a command: waits until {@code done} completes, meanwhile running the
     * work other threads hand to {@link #call} (it would otherwise wait behind this very command). So a
     * command can wait for another thread that needs the command thread, e.g. {@code present} for the
     * lesson's cluster to be installed.
     *
     * @return false when the wait was interrupted (Ctrl-C) before {@code done} completed
     */
    public boolean await(CompletableFuture<?> done) {
        if (Thread.currentThread() != runnerThread) {
            throw new IllegalStateException("await is for a command running on the command thread");
        }
        Runnable wake = () -> {};
        done.whenComplete((value, failure) -> calls.add(wake));
        try {
            while (!done.isDone()) {
                calls.take().run();
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            calls.remove(wake);
        }
    }

    /** Submits a line and waits for its result (the REPL, which shows one result per prompt). */
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
