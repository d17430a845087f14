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
            try {
                // The narration asks for its text's height as laid out: a layout pass or two gives it that.
                fixture.awaitFx("lesson " + name + "'s narration laid out", () -> readsWhole() == null);
            } catch (AssertionError timedOut) {
                cut.add(name + ": " + WindowFixture.onFx(this::readsWhole));
            }
        }
        assertTrue(cut.isEmpty(), "narration cut short (viewport of text): " + cut);
    }

    /**
     * Null where the narration shows whole, or where the column cannot hold it and the timeline and
     * swimlanes are at their least; otherwise the viewport's and the text's heights. On the FX thread.
     */
    private String readsWhole() {
        MarkdownView narration = fixture.window.lessonPanel().narration();
        Node node = narration;
        while (!(node instanceof ScrollPane)) {
            node = node.getParent();
        }
        ScrollPane scroll = (ScrollPane) node;
        double viewport = scroll.getViewportBounds().getHeight();
        double text = scroll.getContent().getLayoutBounds().getHeight();
        boolean narrationFirst = fixture.window.eventLog().getHeight()
                        <= fixture.window.eventLog().minHeight(-1) + 1
                && fixture.window.swimlanes().getHeight()
                        <= fixture.window.swimlanes().minHeight(-1) + 1;
        return viewport >= text - 1 || narrationFirst ? null : viewport + " px of " + text;
    }
}
