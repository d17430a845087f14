package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.lessons.LessonCommands;
import leaderlab.lessons.LessonLibrary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * {@code present} typed in the shell: it returns only once the lesson's cluster is the session's, so the
 * prompt the shell draws right after (it reads the session's cluster) and whatever it prints next never
 * show the cluster before; and the lesson's simulated cluster does not play by itself.
 */
class PresentFromShellTest extends WindowTestBase {

    /** What the shell's prompt reads: running brokers of the session's cluster. */
    private static long up(ClusterSnapshot snapshot) {
        return snapshot.brokers().stream()
                .filter(b -> b.state().equals("RUNNING"))
                .count();
    }

    @Test
    void presentReturnsWithTheLessonsClusterInPlace(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000, LessonCommands.registry());
        fixture.run("kill 2");
        assertEquals(2, up(fixture.runner.session().cluster().snapshot()));
        var lesson = new LessonLibrary().load("01");

        // As the present command runs it: on the command thread, waiting there.
        boolean presented = fixture.runner.call(() -> fixture.window.presentFromCommand(lesson));

        assertTrue(presented);
        Cluster now = fixture.runner.session().cluster();
        assertNotSame(fixture.cluster, now, "the lesson's cluster, not the one before");
        assertEquals(3, up(now.snapshot()), "the prompt counts the lesson's brokers");
        fixture.awaitFx(
                "the panel on the same cluster",
                () -> fixture.window.lessonPanel().lessonCluster() == now);
    }

    /** Presented over a live cluster (the app's default), whose clock runs by itself. */
    @Test
    void presentingOverALiveClusterLeavesTheLessonsTimeToTheLesson(FxRobot robot) throws Exception {
        robot.interact(() -> fixture = new WindowFixture(
                stage, new ClusterOptions(3, 0, 5, false, false), 1600, 1000, LessonCommands.registry(), true));
        assertTrue(WindowFixture.onFx(() -> fixture.window.playClock().playing()));
        var lesson = new LessonLibrary().load("01");

        assertTrue(fixture.runner.call(() -> fixture.window.presentFromCommand(lesson)));
        fixture.awaitFx(
                "the first question",
                () -> robot.lookup(".lesson-choice").queryAll().size() == 3);
        Cluster lessonCluster = fixture.runner.session().cluster();
        long asked = lessonCluster.nowMs();
        for (int i = 0; i < 10; i++) {
            robot.interact(fixture.window::frame);
            fixture.runner.call(() -> null);
        }

        assertFalse(WindowFixture.onFx(() -> fixture.window.playClock().playing()));
        assertEquals(asked, lessonCluster.nowMs(), "no play tick moved the lesson's clock while it asks");
    }

    /**
     * {@code lesson end} in the shell: it returns (it used to wait for the FX thread while the FX thread
     * waited for it to hand the user's cluster back) with the user's kind of cluster in place again.
     */
    @Test
    void lessonEndFromTheShellReturnsWithTheUsersClusterBack(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000, LessonCommands.registry());
        var lesson = new LessonLibrary().load("01");
        assertTrue(fixture.runner.call(() -> fixture.window.presentFromCommand(lesson)));
        Cluster lessonCluster = fixture.runner.session().cluster();

        boolean ended = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> fixture.runner.call(fixture.window::endLessonFromCommand))
                .get(20, java.util.concurrent.TimeUnit.SECONDS);

        assertTrue(ended);
        assertNotSame(lessonCluster, fixture.runner.session().cluster(), "the lesson's cluster is gone");
        assertFalse(WindowFixture.onFx(() -> fixture.window.lessonPanel().active()));
        assertFalse(fixture.runner.call(fixture.window::endLessonFromCommand), "a second end finds no lesson");
    }
}
