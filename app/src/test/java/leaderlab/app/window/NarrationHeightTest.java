package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import leaderlab.lessons.LessonCommands;
import leaderlab.lessons.LessonLibrary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Every lesson in the normal layout at 1920x1080: its first step's narration shows whole, without a scroll,
 * or where the column cannot hold it, the timeline and swimlanes below are at their least. The three had
 * shared the column's height, and every lesson's first step hid lines of its narration (lesson 05 showed
 * 98 px of its 227).
 */
class NarrationHeightTest extends WindowTestBase {

    @Test
    void everyLessonsFirstStepReadsWholeAt1920x1080(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1920, 1080, LessonCommands.registry());
        LessonLibrary library = new LessonLibrary();
        List<String> cut = new ArrayList<>();
        for (String name : library.names()) {
            var lesson = library.load(name);
            robot.interact(() -> fixture.window.presentLesson(lesson));
            fixture.awaitFx(
                    "lesson " + name + "'s step 1, ready",
                    () -> robot.lookup("#lesson-progress")
                                    .queryAs(Label.class)
                                    .getText()
                                    .startsWith("Step 1 of ")
                            && !robot.lookup("#lesson-next")
                                    .queryAs(Button.class)
                                    .isDisabled());
            for (int pass = 0; pass < 3; pass++) {
                // The narration asks for its text's height as laid out: the pass after gives it that.
                robot.interact(() -> {
                    fixture.window.frame();
                    stage.getScene().getRoot().layout();
                });
            }
            double[] sizes = WindowFixture.onFx(() -> {
                MarkdownView narration = fixture.window.lessonPanel().narration();
                Node node = narration;
                while (!(node instanceof ScrollPane)) {
                    node = node.getParent();
                }
                ScrollPane scroll = (ScrollPane) node;
                return new double[] {
                    scroll.getViewportBounds().getHeight(),
                    scroll.getContent().getLayoutBounds().getHeight()
                };
            });
            // Where the column cannot hold it whole, the timeline and swimlanes have given all but their least.
            boolean narrationFirst =
                    WindowFixture.onFx(() -> fixture.window.eventLog().getHeight()
                                    <= fixture.window.eventLog().minHeight(-1) + 1
                            && fixture.window.swimlanes().getHeight()
                                    <= fixture.window.swimlanes().minHeight(-1) + 1);
            if (sizes[0] < sizes[1] - 1 && !narrationFirst) {
                cut.add(name + ": " + sizes[0] + " px of " + sizes[1]);
            }
        }
        assertTrue(cut.isEmpty(), "narration cut short (viewport of text): " + cut);
    }
}
