package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.metadata.PartitionRegistration;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;

/**
 * The window on a seeded simulated cluster, driven as a teacher would: clicks, keys and the command
 * bar. Rendering is checked on the canvas's pixels where the claim is about what the class sees.
 */
class WindowTest extends WindowTestBase {

    private void open(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 11), 1400, 900);
        fixture.run("create topic orders --partitions 3 --replication-factor 3");
        fixture.run("wait 500ms");
        fixture.awaitCaughtUp(robot);
    }

    private PartitionRegistration orders0() {
        return fixture.cluster.snapshot().metadata().partition("orders", 0);
    }

    private Color chipFill(int broker, int partitionId) {
        return ChipPixels.fill(fixture.window, broker, partitionId);
    }

    private static boolean near(Color a, Color b) {
        return ChipPixels.near(a, b);
    }

    @Test
    void killingALeaderChangesItsChipsAndLogsTheElection(FxRobot robot) {
        open(robot);
        PartitionRegistration before = orders0();
        int oldLeader = before.leader();
        assertTrue(near(chipFill(oldLeader, before.id()), Palette.LIGHT.leader()), "the leader's chip is filled");

        fixture.run("kill " + oldLeader);
        fixture.run("wait until broker " + oldLeader + " is fenced --timeout 5s");
        fixture.run("wait 200ms");
        fixture.awaitCaughtUp(robot);

        PartitionRegistration after = orders0();
        assertNotEquals(oldLeader, after.leader());
        assertFalse(
                near(chipFill(oldLeader, before.id()), Palette.LIGHT.leader()), "the dead broker's chip is no leader");
        assertTrue(
                near(chipFill(after.leader(), before.id()), Palette.LIGHT.leader()), "the new leader's chip is filled");
        assertEquals(
                ReplicaState.OFFLINE,
                ReplicaState.of(after, fixture.window.shownSnapshot().broker(oldLeader)));
        assertTrue(
                fixture.window.eventLog().shownEvents().stream()
                        .anyMatch(e -> e.isAbout("orders", 0)
                                && e.detail() instanceof EventDetail.LeaderElected elected
                                && elected.oldLeader() == oldLeader
                                && elected.newLeader() == after.leader()
                                && e.causeSeq() >= 0
                                && fixture.cluster.journal().get(e.causeSeq()).type() == EventType.BROKER_FENCED),
                "the election and its cause are in the timeline");
    }

    @Test
    void aGuiKillRunsAndEchoesTheShellCommand(FxRobot robot) {
        open(robot);
        ClusterLayout.Box card = WindowFixture.onFx(
                () -> fixture.window.clusterCanvas().layoutForTests().cardOf(2).box());
        robot.moveTo(
                fixture.window.clusterCanvas(),
                Pos.TOP_LEFT,
                new Point2D(card.centerX(), card.y() + 12),
                Motion.DIRECT);
        robot.clickOn(MouseButton.SECONDARY);
        robot.clickOn("Kill broker 2      [kill 2]");
        fixture.awaitFx(
                "broker 2 stopped", () -> !fixture.cluster.snapshot().broker(2).running());
        fixture.awaitFx(
                "the command in the log",
                () -> fixture.window.console().entries().stream()
                        .anyMatch(e -> e.text().equals("> kill 2")));
        assertTrue(
                fixture.window.console().entries().stream()
                        .anyMatch(e -> e.kind() == CommandConsole.Entry.Kind.KAFKA
                                && e.text().contains("kill -9")),
                fixture.window.console().entries().toString());
    }

    @Test
    void theScrubberShowsAPastStateUntilLiveIsPressed(FxRobot robot) {
        open(robot);
        int leader = orders0().leader();
        fixture.run("kill " + leader);
        fixture.run("wait until broker " + leader + " is fenced --timeout 5s");
        fixture.awaitCaughtUp(robot);
        assertFalse(fixture.window.shownSnapshot().broker(leader).running());
        assertTrue(fixture.window.historySize() >= 2, "history keeps snapshots from before the kill");

        // Grab the thumb (at the live end) and drag it all the way back to the oldest snapshot.
        double width = WindowFixture.onFx(
                () -> robot.lookup("#scrubber").query().getBoundsInLocal().getWidth());
        robot.moveTo("#scrubber .thumb").press(MouseButton.PRIMARY).moveBy(-width, 0, Motion.DIRECT);
        robot.interact(fixture.window::frame);
        assertTrue(fixture.window.scrubbing());
        assertTrue(fixture.window.shownSnapshot().broker(leader).running(), "in the past the broker still runs");
        assertTrue(fixture.window.shownSnapshot().timeMs() < fixture.cluster.nowMs());

        // Letting go keeps the past on screen (a teacher talks about it); Live returns to the present.
        robot.release(MouseButton.PRIMARY);
        robot.interact(fixture.window::frame);
        assertTrue(fixture.window.scrubbing(), "still in the past after release");
        assertTrue(fixture.window.shownSnapshot().broker(leader).running());
        robot.clickOn("#live");
        robot.interact(fixture.window::frame);
        assertFalse(fixture.window.scrubbing());
        assertFalse(fixture.window.shownSnapshot().broker(leader).running(), "back to live with Live");
    }

    @Test
    void spacePlaysAndPausesTheSimulatorAndRightArrowSteps(FxRobot robot) {
        open(robot);
        assertFalse(WindowFixture.onFx(() -> fixture.window.playClock().playing()), "tests start paused");
        long start = fixture.cluster.nowMs();
        robot.interact(() -> fixture.window.scene().getRoot().requestFocus());
        robot.type(KeyCode.SPACE);
        fixture.awaitFx("cluster time to move while playing", () -> fixture.cluster.nowMs() >= start + 500);

        robot.type(KeyCode.SPACE);
        fixture.awaitFx(
                "the last tick to finish", () -> !fixture.window.playClock().playing() && !fixture.runner.busy());
        long paused = fixture.cluster.nowMs();
        for (int i = 0; i < 5; i++) {
            robot.interact(fixture.window::frame);
        }
        assertEquals(paused, fixture.cluster.nowMs(), "paused: frames do not move cluster time");

        robot.type(KeyCode.RIGHT);
        fixture.awaitFx(
                "one step", () -> fixture.cluster.nowMs() == paused + PlayClock.STEP_MS && !fixture.runner.busy());
        assertFalse(WindowFixture.onFx(() -> fixture.window.playClock().playing()), "a step leaves it paused");
    }

    @Test
    void theCommandBarRunsAnyShellCommand(FxRobot robot) {
        open(robot);
        robot.clickOn("#command-bar").write("create topic demo --partitions 2").type(KeyCode.ENTER);
        fixture.awaitFx("topic demo", () -> fixture.cluster.snapshot().topic("demo") != null);
        fixture.awaitFx(
                "the command in the log",
                () -> fixture.window.console().entries().stream()
                        .anyMatch(e -> e.text().equals("> create topic demo --partitions 2")));
        assertTrue(
                fixture.window.console().entries().stream()
                        .anyMatch(
                                e -> e.text()
                                        .contains(
                                                "kafka-topics.sh --bootstrap-server localhost:9092 --create --topic demo --partitions 2")));
        assertEquals("", robot.lookup("#command-bar").queryTextInputControl().getText(), "the bar is cleared");
    }

    @Test
    void hoveringAPartitionHighlightsAllItsReplicas(FxRobot robot) {
        open(robot);
        PartitionRegistration partition = orders0();
        fixture.hover(robot, partition.replicas()[0], "orders", 0);
        for (int broker : partition.replicas()) {
            Color ring = WindowFixture.onFx(() -> {
                ClusterLayout.Box chip = fixture.window.clusterCanvas().chipOf(broker, partition.id());
                return fixture.window
                        .clusterCanvas()
                        .snapshot(null, null)
                        .getPixelReader()
                        .getColor((int) chip.centerX(), (int) (chip.y() - 2));
            });
            assertTrue(near(ring, Palette.LIGHT.highlight()), "broker " + broker + "'s replica is ringed: " + ring);
        }
    }
}
