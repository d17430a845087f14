package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Lesson 3's point on a card, read from the back row: in presenter mode at 1920x1080 a killed broker's
 * line "controller: unfenced · fenced in 1.4 s" fits its 3-broker card at three quarters of its type
 * with its glyphs narrowed by at most a fifth (the longer "controller still believes: ..." was squeezed
 * to under half their width).
 */
class BeliefLineFitTest extends WindowTestBase {

    @Test
    void theBeliefLineFitsAPresenterCard(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1920, 1080);
        robot.interact(() -> fixture.window.setPresenter(true));
        fixture.run("create topic orders --replica-assignment 1:2:3,2:3:1,3:1:2");
        fixture.run("wait 500ms");
        fixture.run("kill 1");
        fixture.awaitCaughtUp(robot);
        robot.interact(fixture.window::frame);
        String belief = WindowFixture.onFx(() -> ControllerBelief.of(
                fixture.window.shownSnapshot(), fixture.window.shownSnapshot().broker(1)));
        assertNotNull(belief, "between the crash and the fence");
        assertTrue(belief.startsWith("controller: unfenced · fenced in "), belief);
        double[] fit = WindowFixture.onFx(() -> {
            ClusterLayout layout = fixture.window.clusterCanvas().layoutForTests();
            double zoom = layout.zoom;
            double room = layout.cardOf(1).box().w() - 20 * zoom;
            Font smallest = Font.font(
                    "System", FontWeight.BOLD, CardPainter.beliefFont(zoom).getSize() * 0.75);
            return new double[] {ClusterCanvas.textWidth(belief, smallest), room, zoom};
        });
        assertTrue(fit[2] >= ClusterCanvas.PRESENTER_SCALE, "presenter type: zoom " + fit[2]);
        assertTrue(fit[0] * 0.8 <= fit[1], "the line is " + fit[0] + " px at 3/4 type, the card holds " + fit[1]);
    }
}
