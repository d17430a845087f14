package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;
import org.junit.jupiter.api.Test;

/**
 * {@code when ... do CMD} runs CMD on the one command thread, as a line every listener hears, on
 * both runtimes; simulated, it runs right after the event that made the condition true.
 */
class TriggeredLinesTest {

    private record Heard(String line, boolean triggered, String thread, Result result) {}

    private static List<Heard> listen(Dispatcher dispatcher) {
        List<Heard> heard = new CopyOnWriteArrayList<>();
        dispatcher.addObserver(new Dispatcher.Observer() {
            @Override
            public void executed(String line, Result result) {
                heard.add(new Heard(line, false, Thread.currentThread().getName(), result));
            }

            @Override
            public void triggered(String line, Result result) {
                heard.add(new Heard(line, true, Thread.currentThread().getName(), result));
            }
        });
        return heard;
    }

    @Test
    void simulatedTriggerRunsOnTheCommandThreadWhileTheWaitingLineWaits() {
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 11));
                CommandRunner runner =
                        new CommandRunner(new Dispatcher(CoreCommands.registry(), new Session(cluster)))) {
            List<Heard> heard = listen(runner.dispatcher());
            List<String> console = new CopyOnWriteArrayList<>();
            runner.addListener((line, result) -> console.add(line)); // the window console's way in
            assertTrue(
                    runner.run("create topic orders --replica-assignment 1:2:3").isOk());
            assertTrue(runner.run("when broker 2 is fenced do kill 1").isOk());
            long mark = cluster.journal().size();
            runner.run("kill 2");
            Result waited = runner.run("wait 5s");
            assertTrue(waited.isOk(), waited.lines().toString());

            List<Heard> triggered = heard.stream().filter(Heard::triggered).toList();
            assertEquals(1, triggered.size(), heard.toString());
            assertEquals("kill 1", triggered.get(0).line());
            assertTrue(
                    triggered.get(0).result().isOk(),
                    triggered.get(0).result().lines().toString());
            assertEquals("leaderlab-commands", triggered.get(0).thread());
            assertEquals("wait 5s", heard.get(heard.size() - 1).line(), "heard while wait 5s ran, before its result");
            // The kill came right after the fence: no event of the cluster's came between them.
            var events = cluster.journal().since(mark, e -> true);
            int fence = indexOf(events, e -> e.detail() instanceof EventDetail.BrokerFenced f && f.broker() == 2);
            int kill = indexOf(
                    events,
                    e -> e.detail() instanceof EventDetail.FaultInjected f
                            && f.brokers().equals(List.of(1)));
            assertTrue(fence >= 0 && kill > fence, events.toString());
            // With a controller quorum the fence is seen (by brokers and by the condition) once a majority
            // has the record: the kill comes at the moment of that commit.
            int commit = fence
                    + 1
                    + indexOf(
                            events.subList(fence + 1, events.size()),
                            e -> e.detail() instanceof EventDetail.MetadataCommitted);
            assertTrue(commit > fence && kill > commit, events.toString());
            assertEquals(
                    events.get(commit).timeMs(),
                    events.get(kill).timeMs(),
                    "killed at the moment 2's fence was committed");
            assertFalse(cluster.snapshot().broker(1).running());
            assertEquals(
                    List.of(
                            "create topic orders --replica-assignment 1:2:3",
                            "when broker 2 is fenced do kill 1",
                            "kill 2",
                            "kill 1",
                            "wait 5s"),
                    console);
        }
    }

    @Test
    void liveTriggerRunsOnTheIdleCommandThreadAndIsHeard() throws Exception {
        ClusterOptions live = new ClusterOptions(3, 1, 11, false, false);
        try (Cluster cluster = Cluster.start(live);
                CommandRunner runner =
                        new CommandRunner(new Dispatcher(CoreCommands.registry(), new Session(cluster)))) {
            List<Heard> heard = listen(runner.dispatcher());
            List<String> console = new CopyOnWriteArrayList<>();
            runner.addListener((line, result) -> console.add(line)); // the window console's way in
            assertTrue(
                    runner.run("create topic orders --replica-assignment 1:2:3").isOk());
            assertTrue(runner.run("when leader orders-0 is 1 do kill 1").isOk());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (heard.stream().noneMatch(Heard::triggered) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            List<Heard> triggered = heard.stream().filter(Heard::triggered).toList();
            assertEquals(1, triggered.size(), heard.toString());
            assertEquals("kill 1", triggered.get(0).line());
            assertEquals("leaderlab-commands", triggered.get(0).thread(), "not the checker thread");
            assertTrue(console.contains("kill 1"), console.toString());
            assertTrue(cluster.awaitCondition(s -> !s.broker(1).running(), 5_000));
        }
    }

    @Test
    void aScriptPrintsTheTriggeredLineAndItsResult() {
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 12))) {
            Dispatcher dispatcher = new Dispatcher(CoreCommands.registry(), new Session(cluster));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ScriptRunner script = new ScriptRunner(
                    dispatcher,
                    new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                    System.err,
                    false);
            List<Heard> heard = listen(dispatcher);
            assertEquals(ScriptRunner.OK, script.runLine("create topic orders --replica-assignment 1:2:3", "t:1"));
            assertEquals(ScriptRunner.OK, script.runLine("when broker 2 is fenced do kill 1", "t:2"));
            assertEquals(ScriptRunner.OK, script.runLine("kill 2", "t:3"));
            assertEquals(ScriptRunner.OK, script.runLine("wait 5s", "t:4"));
            assertTrue(heard.stream().anyMatch(h -> h.triggered() && h.line().equals("kill 1")), heard.toString());
            assertTrue(
                    out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("triggered: kill 1\n"),
                    out.toString());
        }
    }

    private static int indexOf(
            List<leaderlab.cluster.journal.Event> events,
            java.util.function.Predicate<leaderlab.cluster.journal.Event> test) {
        for (int i = 0; i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
