package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The metrics panel's produce rates: records, as Kafka's record-error-rate counts them (a failed batch of
 * three is three errors), and over a scrubbed past the ones of the moment shown, as its partition counts
 * already were; a failure that came later is not counted there.
 */
class PastMetricsTest extends WindowTestBase {

    private String produceLine() {
        return WindowFixture.onFx(() -> ((Label) fixture.window.metrics().lookup("#metric-produce")).getText());
    }

    @Test
    void aScrubbedPastShowsTheProduceRatesOfThatMoment(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000);
        fixture.run("create topic orders --replica-assignment 2:1:3");
        fixture.run("wait 2s");
        fixture.awaitCaughtUp(robot);
        long beforeTheFault = fixture.cluster.nowMs();
        fixture.run("isolate 2 --from clients");
        fixture.run("produce orders --count 3 --retries 0");
        fixture.awaitCaughtUp(robot);
        fixture.awaitFx(
                "the live failure counted, its 3 records (" + produceLine() + ")",
                () -> produceLine().endsWith(" 3 errors/s"));

        for (int i = 0; i < 100 && fixture.window.shownSnapshot().timeMs() > beforeTheFault; i++) {
            robot.type(KeyCode.LEFT);
            robot.interact(fixture.window::frame);
        }
        assertTrue(
                fixture.window.scrubbing() && fixture.window.shownSnapshot().timeMs() <= beforeTheFault,
                "scrubbed to before the fault");
        fixture.awaitFx(
                "no failure before the fault (" + produceLine() + ")",
                () -> produceLine().endsWith(" 0 errors/s"));

        robot.type(KeyCode.L);
        fixture.awaitFx(
                "live again, the failure counted (" + produceLine() + ")",
                () -> produceLine().endsWith(" 3 errors/s"));
    }
}
