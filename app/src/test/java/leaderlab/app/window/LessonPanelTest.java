package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import leaderlab.lessons.Lesson;
import leaderlab.lessons.LessonLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A lesson played in the window: narration, Next and Back, a prediction, and a failed expect. */
@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {

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

    private void present(FxRobot robot, Lesson lesson) {
        System.setProperty("user.home", home.toString());
        robot.interact(() -> fixture = new WindowFixture(stage, WindowFixture.simulated(3, 0, 1), 1400, 900,
                leaderlab.app.AppCommands.registry()));
        robot.interact(() -> fixture.window.presentLesson(lesson));
    }

    private String text(FxRobot robot, String id) {
        return WindowFixture.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    /** Waits until the step is shown and nothing is playing, so Next and Back are live. */
    private void awaitIdleAt(FxRobot robot, String progress) {
        fixture.awaitFx("progress '" + progress + "' (it shows '"
                        + WindowFixture.onFx(() -> robot.lookup("#lesson-progress").queryAs(Label.class).getText()) + "')",
                () -> robot.lookup("#lesson-progress").queryAs(Label.class).getText().equals(progress));
    }

    private void awaitText(FxRobot robot, String id, String expected) {
        fixture.awaitFx(id + " to show '" + expected + "'",
                () -> robot.lookup(id).queryAs(Label.class).getText().contains(expected));
    }

    @Test
    void narrationNextBackAndAPrediction(FxRobot robot) throws Exception {
        present(robot, new LessonLibrary().load("03"));
        awaitIdleAt(robot, "Step 1 of 7");
        assertTrue(text(robot, "#lesson-narration").contains("In KRaft mode every broker sends a heartbeat"));
        robot.clickOn("#lesson-next");
        awaitIdleAt(robot, "Step 2 of 7");
        // The cluster view follows the lesson: the window's cluster is the lesson's.
        fixture.awaitFx("the lesson's topic", () -> fixture.runner.session().cluster().snapshot().topic("orders") != null);
        // Step 2 asks what the controller believes; the answer buttons appear.
        robot.type(KeyCode.PAGE_DOWN);
        fixture.awaitFx("the prediction's choices", () -> robot.lookup(".lesson-choice").queryAll().size() == 2);
        robot.clickOn(robot.lookup(".lesson-choice").match(n -> ((Button) n).getText().equals("unfenced"))
                .queryAs(Button.class));
        awaitText(robot, "#lesson-feedback", "You said unfenced: right. The answer is unfenced.");
        awaitIdleAt(robot, "Step 3 of 7");
        robot.clickOn("#lesson-back");
        awaitIdleAt(robot, "Step 2 of 7");
        assertNotNull(fixture.runner.session().cluster().snapshot().topic("orders"), "Back replayed step 1");
        fixture.awaitFx("the replayed cluster", () -> fixture.runner.session().cluster().snapshot().broker(1).running());
    }

    @Test
    void aFailedExpectIsShownClearly(FxRobot robot) throws Exception {
        Path lesson = home.resolve("wrong.md");
        Files.writeString(lesson, "---\ntitle: A wrong claim\nbrokers: 3\nseed: 2\n---\n\nWe claim the wrong leader.\n\n"
                + "```leaderlab\ncreate topic orders --replica-assignment 1:2:3\nexpect leader orders-0 is 3\n```\n");
        present(robot, new LessonLibrary().load(lesson.toString()));
        awaitIdleAt(robot, "Step 1 of 1");
        robot.clickOn("#lesson-next");
        awaitText(robot, "#lesson-feedback", "expectation failed: leader orders-0 is 3, but it is 1");
        assertTrue(WindowFixture.onFx(() -> robot.lookup("#lesson-feedback").queryAs(Label.class).getStyleClass()
                .contains("lesson-failure")), "shown as a failure");
    }
}
