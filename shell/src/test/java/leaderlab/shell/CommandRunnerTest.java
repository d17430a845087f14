package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one command thread the REPL, the window and lessons share: order, exclusion, cancel, listeners. */
class CommandRunnerTest {

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();
    private Cluster cluster;
    private CommandRunner runner;

    @BeforeEach
    void start() {
        cluster = Cluster.start(ClusterOptions.simulated(3, 4));
        CommandRegistry registry = CoreCommands.registry();
        registry.add(Command.builder("probe").run((args, session) -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            session.cluster().advance(50);
            inside.decrementAndGet();
            return Result.ok(Thread.currentThread().getName());
        }));
        runner = new CommandRunner(new Dispatcher(registry, new Session(cluster)));
    }

    @AfterEach
    void stop() {
        runner.close();
        cluster.close();
    }

    @Test
    void linesFromManyThreadsRunOneAtATimeOnTheCommandThread() throws Exception {
        long start = cluster.nowMs();
        List<CompletableFuture<Result>> results = Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread caller = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    results.add(runner.submit("probe"));
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        for (CompletableFuture<Result> result : results) {
            assertEquals(
                    List.of("leaderlab-commands"),
                    result.get(30, TimeUnit.SECONDS).lines());
        }
        assertEquals(40, results.size());
        assertEquals(1, mostInside.get(), "never two lines at once");
        assertEquals(start + 40 * 50, cluster.nowMs(), "every line advanced the simulator once");
    }

    @Test
    void linesRunInTheOrderSubmitted() throws Exception {
        CompletableFuture<Result> create = runner.submit("create topic orders --partitions 2");
        CompletableFuture<Result> describe = runner.submit("describe orders");
        assertTrue(create.get(30, TimeUnit.SECONDS).isOk());
        assertTrue(describe.get(30, TimeUnit.SECONDS).lines().get(0).startsWith("Topic: orders"));
    }

    @Test
    void cancelStopsTheRunningLineAndNotTheNext() throws Exception {
        CompletableFuture<Result> longWait = runner.submit("wait 600m");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!runner.busy() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        runner.cancelRunning();
        String cancelled = longWait.get(30, TimeUnit.SECONDS).lines().get(0);
        assertTrue(cancelled.startsWith("wait cancelled after"), cancelled);
        assertEquals(List.of("waited 1.000s"), runner.run("wait 1s").lines());
    }

    @Test
    void listenersHearAnnouncedLinesOnly() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        runner.addListener((line, result) -> heard.add(line + " -> " + result.status()));
        runner.submitUnannounced("wait 100ms").join();
        runner.run("kill 2");
        runner.run("kill 2");
        assertEquals(List.of("kill 2 -> OK", "kill 2 -> ERROR"), heard);
    }

    /**
     * A command that waits for another thread which itself needs the command thread (present waiting for
     * the window to install the lesson's cluster) does not deadlock: the waiting command runs that work,
     * and returns only after it, so whatever reads the session next sees the new cluster.
     */
    @Test
    void aCommandWaitingForWorkThatNeedsTheCommandThreadRunsItBeforeItReturns() throws Exception {
        Cluster fresh = Cluster.start(ClusterOptions.simulated(2, 9));
        CommandRegistry registry = CoreCommands.registry();
        registry.add(Command.builder("install").run((args, session) -> {
            CompletableFuture<Void> installed = new CompletableFuture<>();
            Thread helper = new Thread(() -> {
                runner.call(() -> {
                    session.replaceCluster(fresh);
                    return null;
                });
                installed.complete(null);
            });
            helper.start();
            boolean done = runner.await(installed);
            return Result.ok("done=" + done + " on " + Thread.currentThread().getName());
        }));
        runner.close();
        runner = new CommandRunner(new Dispatcher(registry, new Session(cluster)));

        Result result = runner.submit("install").get(30, TimeUnit.SECONDS);

        assertEquals(List.of("done=true on leaderlab-commands"), result.lines());
        assertSame(fresh, runner.session().cluster(), "the cluster is in place when the command returns");
        assertEquals(List.of("still runs"), runner.call(() -> List.of("still runs")), "later calls run as before");
        fresh.close();
    }

    /** Waiting so from any other thread is refused at once (it would wait for nothing to serve), not a hang. */
    @Test
    void awaitIsOnlyForTheCommandThread() {
        assertThrows(IllegalStateException.class, () -> runner.await(new CompletableFuture<>()));
    }

    @Test
    void aLineNoLongerWantedWhenItsTurnComesDoesNotRun() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        assertNull(runner.submitIf(() -> asked.incrementAndGet() < 0, "kill 2").get(30, TimeUnit.SECONDS));
        assertEquals(1, asked.get());
        assertEquals("RUNNING", cluster.snapshot().broker(2).state(), "kill 2 never ran");
        assertTrue(
                runner.submitIf(() -> true, "kill 2").get(30, TimeUnit.SECONDS).isOk());
    }
}
