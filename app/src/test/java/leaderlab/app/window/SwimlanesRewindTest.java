package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import leaderlab.cluster.view.ClusterSnapshot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The swimlanes rewind with the history scrubber, as the headline, the timeline and the metrics do: over a
 * past moment they end at that moment (who led then), not at the live cluster's later failover.
 */
class SwimlanesRewindTest extends WindowTestBase {

    private ClusterSnapshot lanesEnd() {
        return WindowFixture.onFx(() -> fixture.window.swimlanes().drawnTo());
    }

    private static int leaderOf(ClusterSnapshot snapshot) {
        return snapshot.metadata().partition("orders", 0).leader();
    }

    @Test
    void aScrubbedPastEndsTheLanesAtThatMoment(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000);
        fixture.run("create topic orders --replica-assignment 1:2:3");
        fixture.run("wait 2s");
        fixture.awaitCaughtUp(robot);
        long beforeTheCrash = fixture.cluster.nowMs();
        fixture.run("kill 1");
        fixture.run("wait until leader orders-0 is 2 --timeout 10s");
        fixture.run("wait 1s");
        robot.interact(() -> fixture.window.showPartition("orders-0"));
        fixture.awaitCaughtUp(robot);
        assertEquals(2, leaderOf(lanesEnd()), "live, the lanes end with broker 2 leading");

        for (int i = 0; i < 200 && fixture.window.shownSnapshot().timeMs() > beforeTheCrash; i++) {
            robot.type(KeyCode.LEFT);
            robot.interact(fixture.window::frame);
        }
        ClusterSnapshot shown = fixture.window.shownSnapshot();
        assertTrue(fixture.window.scrubbing() && shown.timeMs() <= beforeTheCrash, "scrubbed to before the crash");
        assertEquals(1, leaderOf(shown), "broker 1 led then");
        ClusterSnapshot end = lanesEnd();
        assertEquals(shown.timeMs(), end.timeMs(), "the lanes end at the moment shown");
        assertEquals(1, leaderOf(end), "with broker 1 leading, as then");

        robot.type(KeyCode.L);
        fixture.awaitFx("live again, the lanes up to the failover", () -> leaderOf(lanesEnd()) == 2);
    }
}
