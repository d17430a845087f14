package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.MouseButton;
import leaderlab.app.window.QuorumModel.Liveness;
import leaderlab.cluster.journal.EventDetail;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The quorum strip in the window on a seeded simulated cluster with three controllers: a controller
 * failover and a lost quorum, read from the strip's model (what its cards and banner are drawn from).
 */
class QuorumWindowTest extends WindowTestBase {

    private QuorumModel open(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000);
        fixture.run("create topic orders --partitions 3 --replication-factor 3");
        awaitQuorumLeader(robot);
        return shown();
    }

    /** Waits (in steps of cluster time, at most 10 s) until a controller leads the quorum; returns it. */
    private int awaitQuorumLeader(FxRobot robot) {
        for (int step = 0; step < 50 && fixture.cluster.snapshot().quorumLeader() == null; step++) {
            fixture.run("wait 200ms");
        }
        assertTrue(fixture.cluster.snapshot().quorumLeader() != null, "a quorum leader within 10 s");
        fixture.awaitCaughtUp(robot);
        return fixture.cluster.snapshot().quorumLeader().id();
    }

    private QuorumModel shown() {
        return WindowFixture.onFx(() -> fixture.window.quorum().model());
    }

    private int killActiveAndAwaitAnother(FxRobot robot, int active) {
        fixture.run("kill " + active);
        return awaitQuorumLeader(robot);
    }

    @Test
    void killingTheActiveControllerShowsTheNewLeaderItsEpochAndTheOldOneKilled(FxRobot robot) {
        QuorumModel before = open(robot);
        assertEquals(QuorumModel.State.LEADING, before.state());
        int old = before.leaderId();
        assertEquals(fixture.cluster.snapshot().quorumLeader().id(), old);

        int elected = killActiveAndAwaitAnother(robot, old);

        QuorumModel after = shown();
        assertEquals(QuorumModel.State.LEADING, after.state());
        assertEquals(elected, after.leaderId());
        assertNotEquals(old, after.leaderId());
        assertEquals(fixture.cluster.snapshot().quorumLeader().epoch(), after.epoch());
        assertTrue(after.epoch() > before.epoch(), "a new epoch: " + before.epoch() + " -> " + after.epoch());
        assertEquals(Liveness.KILLED, after.voter(old).liveness());
        assertNull(after.voter(old).role());
        assertTrue(after.voter(elected).leader());
        assertTrue(
                fixture.window.eventLog().shownEvents().stream()
                        .anyMatch(e -> e.detail() instanceof EventDetail.QuorumLeaderElected q
                                && q.leader() == elected
                                && q.epoch() == after.epoch()),
                "the controller election is in the timeline");
    }

    @Test
    void killingTwoOfThreeControllersShowsNoQuorum(FxRobot robot) {
        int first = open(robot).leaderId();
        int second = killActiveAndAwaitAnother(robot, first);
        fixture.run("kill " + second);
        fixture.run("wait 3s");
        fixture.awaitCaughtUp(robot);

        QuorumModel lost = shown();
        assertEquals(QuorumModel.State.NO_QUORUM, lost.state());
        assertEquals(-1, lost.leaderId());
        assertEquals(1, lost.reachable());
        assertEquals(2, lost.majority());
        assertEquals(Liveness.KILLED, lost.voter(first).liveness());
        assertEquals(Liveness.KILLED, lost.voter(second).liveness());
        assertTrue(
                WindowFixture.onFx(() ->
                                fixture.window.scene().lookup("#quorum-strip").getStyleClass())
                        .contains("quorum-lost"),
                "the strip is in its no-quorum colours");

        fixture.run("restart " + first);
        awaitQuorumLeader(robot);
        assertEquals(QuorumModel.State.LEADING, shown().state());
    }

    @Test
    void aControllerCardsMenuKillsThatController(FxRobot robot) {
        int active = open(robot).leaderId();
        robot.clickOn("#controller-card-" + active, MouseButton.SECONDARY);
        robot.clickOn("Kill controller " + active + "      [kill " + active + "]");
        fixture.awaitFx(
                "controller " + active + " killed",
                () -> fixture.cluster.snapshot().quorum().stream().noneMatch(q -> q.id() == active));
        fixture.awaitCaughtUp(robot);
        assertEquals(Liveness.KILLED, shown().voter(active).liveness());
        assertTrue(fixture.window.console().entries().stream()
                .anyMatch(e -> e.text().equals("> kill " + active)));
    }

    /**
     * The vote layer is a canvas, which repaints whole: it covers only the band above the controller cards
     * where the arcs rise, so a vote repaints that band and not the whole strip.
     */
    @Test
    void theVoteLayerCoversOnlyTheBandAboveTheCards(FxRobot robot) {
        open(robot);
        double[] sizes = WindowFixture.onFx(() -> {
            QuorumPane quorum = fixture.window.quorum();
            javafx.scene.layout.Region cards =
                    (javafx.scene.layout.Region) fixture.window.scene().lookup(".quorum-cards");
            javafx.scene.layout.Region strip =
                    (javafx.scene.layout.Region) fixture.window.scene().lookup("#quorum-strip");
            return new double[] {
                quorum.voteLayerHeightForTests(),
                QuorumPane.voteLayerHeight(cards.getPadding().getTop(), quorum.voteScale()),
                cards.getPadding().getTop(),
                strip.getHeight()
            };
        });
        assertEquals(sizes[1], sizes[0], "the band and what a vote draws below the cards' tops");
        assertTrue(sizes[0] > sizes[2], "the whole band: " + sizes[0] + " over a band of " + sizes[2]);
        assertTrue(sizes[0] < sizes[3] / 2, "not the strip: " + sizes[0] + " of " + sizes[3]);
    }
}
