package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import leaderlab.cluster.Cluster;
import leaderlab.shell.bundle.Replayer;
import leaderlab.shell.bundle.RunBundle;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * {@code leaderlab replay FILE} with the window open, as its command does it: the window paused (its play
 * clock's waits would be commands the bundle does not have), the whole bundle run in one go on the command
 * thread, the digest check's verdict above the headline, and the replayed run kept for the scrubber.
 */
class ReplayWindowTest extends WindowTestBase {

    private static final List<String> RUN = List.of(
            "create topic orders --replica-assignment 1:2:3",
            "produce orders --count 10 --acks all",
            "kill 1",
            "wait 3s",
            "restart 1",
            "wait 5s");

    /** A bundle saved from a seeded run in a shell without a window. */
    private RunBundle saved(String edit) throws IOException {
        Path file = home.resolve("orders.run");
        try (Cluster cluster = Cluster.start(WindowFixture.simulated(3, 0, 9))) {
            Dispatcher shell = new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster));
            for (String line : RUN) {
                assertTrue(shell.execute(line).isOk(), line);
            }
            assertTrue(shell.execute("save run " + file).isOk());
        }
        return RunBundle.parse(Files.readString(file).replace("  kill 1\n", edit));
    }

    private Replayer.Outcome replayInWindow(FxRobot robot, RunBundle bundle) {
        openWindow(robot, bundle.options(), 1600, 1000);
        fixture.awaitCaughtUp(robot);
        List<String> shown = new ArrayList<>();
        Replayer.Outcome outcome = fixture.runner.call(
                () -> Replayer.replay(bundle, fixture.runner.dispatcher(), (line, result) -> shown.add(line)));
        robot.interact(() -> fixture.window.whatIfs().announceReplay("orders.run", outcome));
        assertEquals(
                bundle.entries().stream()
                        .limit(outcome.commandsRun())
                        .map(RunBundle.Entry::line)
                        .toList(),
                shown,
                "each replayed line, as it ran");
        fixture.awaitCaughtUp(robot);
        return outcome;
    }

    private List<String> noticeStyle() {
        return WindowFixture.onFx(() ->
                List.copyOf(fixture.window.scene().getRoot().lookup("#notice").getStyleClass()));
    }

    @Test
    void aReplayInThePausedWindowMatchesItsDigestSaysSoAndItsPastCanBeScrubbed(FxRobot robot) throws IOException {
        RunBundle bundle = saved("  kill 1\n");
        Replayer.Outcome outcome = replayInWindow(robot, bundle);

        assertTrue(outcome.matched(), outcome.verdict());
        assertEquals(RUN.size(), outcome.commandsRun());
        assertEquals(bundle.digest(), outcome.digest());
        assertFalse(WindowFixture.onFx(fixture.window.playClock()::playing), "a replay keeps the window paused");
        String notice = WindowFixture.onFx(fixture.window.whatIfs()::noticeText);
        assertTrue(notice != null && notice.contains(bundle.digest()), notice);
        assertTrue(noticeStyle().contains("notice-good"), noticeStyle().toString());
        assertTrue(WindowFixture.onFx(
                () -> ((Label) fixture.window.scene().getRoot().lookup("#notice")).isVisible()));

        // The bundle ran between two frames; the scrubber still has each line's moment: back from live
        // (Left arrow) to broker 1 down after the kill, and on to the topic before the kill.
        assertTrue(
                WindowFixture.onFx(fixture.window::historySize) >= 4, "moments kept: " + fixture.window.historySize());
        robot.interact(fixture.window::focusRoot);
        boolean sawKilled = false;
        boolean sawBeforeKill = false;
        for (int step = 0; step < RUN.size() + 2 && !sawBeforeKill; step++) {
            robot.type(KeyCode.LEFT);
            var past = WindowFixture.onFx(fixture.window::shownSnapshot);
            sawKilled |= !past.broker(1).running();
            sawBeforeKill = sawKilled && past.broker(1).running() && past.topic("orders") != null;
        }
        assertTrue(fixture.window.scrubbing());
        assertTrue(sawKilled && sawBeforeKill, "the kill and the moment before it are on the scrubber");
    }

    @Test
    void aReplayThatDivergesSaysWhereInRed(FxRobot robot) throws IOException {
        RunBundle edited = saved("  kill 3\n");
        Replayer.Outcome outcome = replayInWindow(robot, edited);

        assertFalse(outcome.matched());
        assertEquals(3, outcome.commandsRun(), "it stops at the edited line: " + outcome.verdict());
        String notice = WindowFixture.onFx(fixture.window.whatIfs()::noticeText);
        assertTrue(notice != null && notice.contains(outcome.verdict()), notice);
        assertTrue(noticeStyle().contains("notice-bad"), noticeStyle().toString());
    }
}
