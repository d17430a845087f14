package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import leaderlab.cluster.Cluster;
import leaderlab.lessons.LessonCommands;
import leaderlab.lessons.LessonLibrary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A new cluster (after {@code reset}, or a lesson's) comes on screen with its quorum settled: its start-up
 * election happened before it was shown, so the strip shows its leader and plays no vote arcs for it (they
 * played for about 4 s after the reset); an election after it is on screen still plays.
 */
class NewClusterVotesTest extends WindowTestBase {

    private Cluster sessionCluster() {
        return fixture.runner.session().cluster();
    }

    /** Waits until the frames draw the session's cluster, then runs one more frame. */
    private void awaitOnScreen(FxRobot robot, Cluster cluster) {
        fixture.awaitFx(
                "the new cluster on screen",
                () -> fixture.window.source().current() == cluster
                        && fixture.window.shownSnapshot() != null
                        && fixture.window.shownSnapshot().timeMs() >= cluster.nowMs());
        robot.interact(fixture.window::frame);
    }

    private void assertSettledWithoutVotes(Cluster cluster) {
        QuorumModel model = WindowFixture.onFx(() -> fixture.window.quorum().model());
        assertEquals(QuorumModel.State.LEADING, model.state());
        assertEquals(cluster.snapshot().quorumLeader().id(), model.leaderId(), "the settled leader on its card");
        assertFalse(
                WindowFixture.onFx(() -> fixture.window.quorum().votesPlaying()),
                "no replay of the election that happened before the cluster was shown");
    }

    @Test
    void afterResetTheStripShowsTheSettledQuorumAndLaterElectionsStillPlay(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000);
        fixture.awaitCaughtUp(robot);
        fixture.run("reset");
        Cluster fresh = sessionCluster();
        assertNotSame(fixture.cluster, fresh, "reset made a new cluster");
        awaitOnScreen(robot, fresh);
        assertSettledWithoutVotes(fresh);

        int active = fresh.snapshot().quorumLeader().id();
        fixture.run("kill " + active);
        for (int step = 0; step < 50 && fresh.snapshot().quorumLeader() == null; step++) {
            fixture.run("wait 200ms");
        }
        assertTrue(fresh.snapshot().quorumLeader() != null, "another controller leads within 10 s");
        awaitOnScreen(robot, fresh);
        assertTrue(
                WindowFixture.onFx(() -> fixture.window.quorum().votesPlaying()),
                "the election after the reset plays as arcs");
    }

    @Test
    void aPresentedLessonsClusterComesOnScreenSettled(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1920, 1080, LessonCommands.registry());
        presenter(robot, true, 1920, 1080);
        var lesson = new LessonLibrary().load("03");
        robot.interact(() -> fixture.window.presentLesson(lesson));
        fixture.awaitFx(
                "the lesson's cluster in the session",
                () -> fixture.window.lessonPanel().lessonCluster() != null
                        && sessionCluster() == fixture.window.lessonPanel().lessonCluster());
        awaitOnScreen(robot, sessionCluster());
        assertSettledWithoutVotes(sessionCluster());
    }
}
