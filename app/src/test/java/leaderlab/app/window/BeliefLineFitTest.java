package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Lesson 3's point on a card, read from the back row: in presenter mode at 1920x1080 a killed broker's
 * "controller: unfenced · fenced in 1.4 s" is set in presenter type (at least 28 px, as the card's 36 px
 * title grows with presenter mode; beside the lesson it was shrunk to 18 px to fit one line), on as many
 * lines as the card needs, every line whole (no narrowed glyphs) and above the chips.
 */
class BeliefLineFitTest extends WindowTestBase {

    /** The least type the back row reads on a 1080p projector (the card's title is 36 px). */
    private static final double BACK_ROW_PX = 28;

    @Test
    void theBeliefLineIsInPresenterTypeOnAPresenterCard(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1920, 1080);
        presenter(robot, true, 1920, 1080);
        fixture.run("create topic orders --replica-assignment 1:2:3,2:3:1,3:1:2");
        fixture.run("wait 500ms");
        fixture.run("kill 1");
        fixture.awaitCaughtUp(robot);
        assertBeliefInPresenterType(robot);
    }

    @Test
    void theBeliefLineIsInPresenterTypeBesideLessonThreesReveal(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1920, 1080, leaderlab.lessons.LessonCommands.registry());
        presenter(robot, true, 1920, 1080);
        fixture.lessonThreeAtItsQuestion(robot);
        fixture.revealWithA(robot);
        assertBeliefInPresenterType(robot);
    }

    private static List<String> words(String text) {
        return List.of(text.replace("·", " ").trim().split(" +"));
    }

    private void assertBeliefInPresenterType(FxRobot robot) {
        robot.interact(fixture.window::frame);
        String belief = WindowFixture.onFx(() -> ControllerBelief.of(
                fixture.window.shownSnapshot(), fixture.window.shownSnapshot().broker(1)));
        assertNotNull(belief, "between the crash and the fence");
        assertTrue(belief.startsWith("controller: unfenced · fenced in "), belief);
        ClusterLayout layout =
                WindowFixture.onFx(() -> fixture.window.clusterCanvas().layoutForTests());
        double zoom = layout.zoom;
        assertTrue(zoom >= ClusterCanvas.PRESENTER_SCALE, "presenter type: zoom " + zoom);
        ClusterLayout.Card card = layout.cardOf(1);
        double room = CardPainter.beliefRoom(card.box(), zoom);
        List<CardPainter.BeliefLine> lines = WindowFixture.onFx(() -> CardPainter.beliefLines(belief, card, zoom));
        String drawn = String.join(
                " ", lines.stream().map(CardPainter.BeliefLine::text).toList());
        assertTrue(words(drawn).equals(words(belief)), "every word is drawn: " + lines);
        for (CardPainter.BeliefLine line : lines) {
            double size = line.font().getSize();
            double width = WindowFixture.onFx(() -> ClusterCanvas.textWidth(line.text(), line.font()));
            assertTrue(size >= BACK_ROW_PX, "'" + line.text() + "' is " + size + " px, under " + BACK_ROW_PX);
            assertTrue(width <= room, "'" + line.text() + "' is " + width + " px wide, the card holds " + room);
            // A line of bold type is at most 1.3 times its size high, descenders included.
            assertTrue(
                    line.y() + 1.3 * size <= card.chipY(),
                    "'" + line.text() + "' ends at " + (line.y() + 1.3 * size) + ", the chips start at "
                            + card.chipY());
        }
    }
}
