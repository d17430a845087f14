package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import leaderlab.lessons.LessonLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lesson on a 1440x900 screen, in the normal layout and in presenter mode: the panels keep to their
 * places (the lesson panel under the headline, the timeline clear of the swimlanes' title) and Back and
 * Next stay inside the window.
 */
@org.junit.jupiter.api.Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {

    private static final double WIDTH = 1440;
    private static final double HEIGHT = 900;

    @TempDir
    Path home;

    private Stage stage;
    private WindowFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void presentLessonOne(FxRobot robot, boolean presenter) throws Exception {
        System.setProperty("user.home", home.toString());
        robot.interact(() -> fixture = new WindowFixture(stage, WindowFixture.simulated(3, 0, 1), WIDTH, HEIGHT));
        if (presenter) {
            robot.interact(() -> {
                fixture.window.setPresenter(true);
                stage.setFullScreen(false);
                stage.setWidth(WIDTH);
                stage.setHeight(HEIGHT);
            });
        }
        var lesson = new LessonLibrary().load("01");
        robot.interact(() -> fixture.window.presentLesson(lesson));
        fixture.awaitFx(
                "lesson 1's first step",
                () -> fixture.runner.session().cluster()
                        == fixture.window.lessonPanel().lessonCluster());
        robot.interact(fixture.window::frame);
    }

    private static Bounds inScene(FxRobot robot, String query) {
        return WindowFixture.onFx(() -> {
            Node node = robot.lookup(query).query();
            return node.localToScene(node.getBoundsInLocal());
        });
    }

    private static void assertBelow(Bounds upper, Bounds lower, String what) {
        assertTrue(lower.getMinY() >= upper.getMaxY() - 0.5, what + ": " + upper + " over " + lower);
    }

    private static void assertInWindow(Bounds bounds, String what) {
        assertTrue(
                bounds.getMinX() >= 0
                        && bounds.getMinY() >= 0
                        && bounds.getMaxX() <= WIDTH + 0.5
                        && bounds.getMaxY() <= HEIGHT + 0.5,
                what + " inside the " + WIDTH + "x" + HEIGHT + " window: " + bounds);
    }

    @Test
    void aLessonAt1440x900KeepsItsPanelsApart(FxRobot robot) throws Exception {
        presentLessonOne(robot, false);
        Bounds headline = inScene(robot, "#headline");
        assertBelow(headline, inScene(robot, "#lesson-panel"), "the lesson panel under the headline");
        assertBelow(inScene(robot, "#timeline-title"), inScene(robot, "#event-log"), "the timeline under its title");
        assertBelow(
                inScene(robot, "#event-log"),
                inScene(robot, "#lanes-title"),
                "the swimlanes' title under the timeline");
        assertInWindow(inScene(robot, "#lesson-back"), "Back");
        assertInWindow(inScene(robot, "#lesson-next"), "Next");
    }

    @Test
    void presenterModeAt1440x900KeepsTheNarrationUnderTheHeadline(FxRobot robot) throws Exception {
        presentLessonOne(robot, true);
        assertBelow(
                inScene(robot, "#headline"), inScene(robot, "#lesson-panel"), "the lesson panel under the headline");
        assertInWindow(inScene(robot, "#lesson-back"), "Back");
        assertInWindow(inScene(robot, "#lesson-next"), "Next");
        assertInWindow(inScene(robot, "#lesson-end"), "End lesson");
    }
}
