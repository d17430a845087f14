package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import leaderlab.lessons.LessonCommands;
import leaderlab.lessons.LessonLibrary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A lesson in the normal layout at 1920x1080: the narration gets a share of the right column's height, so
 * a step of six lines reads without scrolling (it showed two lines, the timeline took the rest).
 */
class NarrationHeightTest extends WindowTestBase {

    @Test
    void aLessonStepsNarrationIsReadableWithoutScrollingAt1920x1080(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1920, 1080, LessonCommands.registry());
        var lesson = new LessonLibrary().load("09");
        robot.interact(() -> fixture.window.presentLesson(lesson));
        fixture.awaitFx(
                "lesson 9's step 1, ready",
                () -> robot.lookup("#lesson-progress")
                                .queryAs(Label.class)
                                .getText()
                                .equals("Step 1 of 7")
                        && !robot.lookup("#lesson-next").queryAs(Button.class).isDisabled());
        robot.interact(fixture.window::frame);

        MarkdownView narration = fixture.window.lessonPanel().narration();
        double[] sizes = WindowFixture.onFx(() -> {
            Node node = narration;
            while (!(node instanceof ScrollPane)) {
                node = node.getParent();
            }
            ScrollPane scroll = (ScrollPane) node;
            double fontPx = robot.from(narration)
                    .lookup(".md-text")
                    .queryAllAs(Text.class)
                    .iterator()
                    .next()
                    .getFont()
                    .getSize();
            return new double[] {scroll.getViewportBounds().getHeight(), narration.getHeight(), fontPx};
        });
        double viewport = sizes[0];
        double text = sizes[1];
        double lines = viewport / (sizes[2] * 1.2);
        assertTrue(
                viewport >= text || lines >= 6,
                "the narration shows " + String.format("%.1f", lines) + " lines (" + viewport + " of " + text + " px)");
    }
}
