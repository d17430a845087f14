package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Ctrl + in the normal layout at 1920x1080: the cluster view keeps its cards and their labelled chips.
 * The quorum strip over it grows with the zoom; the split under it had squeezed the view until, at zoom
 * 1.32, the cards had no chips, and at 1.52 no cards showed.
 */
class ZoomedCardsTest extends WindowTestBase {

    @Test
    void zoomingInKeepsEveryCardsChipsLabelledAndInsideItsCard(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1920, 1080);
        fixture.run("create topic orders --replica-assignment 1:2:3,2:3:1,3:1:2");
        fixture.awaitCaughtUp(robot);
        int first = fixture.cluster.snapshot().topic("orders").partitionId(0);
        for (int step = 1; step <= 3; step++) {
            robot.interact(() -> fixture.window.appearance().zoomBy(1.15));
            fixture.awaitCaughtUp(robot);
            robot.interact(fixture.window::frame);
            double zoom = fixture.window.zoom();
            for (int broker = 1; broker <= 3; broker++) {
                int b = broker;
                ClusterLayout.Box chip =
                        WindowFixture.onFx(() -> fixture.window.clusterCanvas().chipOf(b, first));
                double viewHeight =
                        WindowFixture.onFx(() -> fixture.window.clusterCanvas().getHeight());
                assertTrue(
                        chip != null
                                && chip.h() >= ChipRaster.LABEL_MIN_HEIGHT * zoom - 0.5
                                && chip.y() + chip.h() <= viewHeight,
                        "at zoom " + zoom + " broker " + b + "'s orders-0 chip is " + chip + " in a view " + viewHeight
                                + " px high");
            }
        }
    }
}
