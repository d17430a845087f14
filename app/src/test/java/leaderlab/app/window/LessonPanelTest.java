package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import leaderlab.lessons.Lesson;
import leaderlab.lessons.LessonLibrary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A lesson played in the window: narration, Next and Back, a prediction, and a failed expect. */
class LessonPanelTest extends WindowTestBase {

    private void present(FxRobot robot, Lesson lesson) {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1400, 900);
        robot.interact(() -> fixture.window.presentLesson(lesson));
    }

    private String text(FxRobot robot, String id) {
        return WindowFixture.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    /** Waits until the step is shown and nothing is playing, so Next and Back are live. */
    private void awaitIdleAt(FxRobot robot, String progress) {
        fixture.awaitFx(
                "progress '" + progress + "' (it shows '"
                        + WindowFixture.onFx(() -> robot.lookup("#lesson-progress")
                                .queryAs(Label.class)
                                .getText()) + "')",
                () -> robot.lookup("#lesson-progress")
                        .queryAs(Label.class)
                        .getText()
                        .equals(progress));
    }

    private void awaitText(FxRobot robot, String id, String expected) {
        fixture.awaitFx(
                id + " to show '" + expected + "'",
                () -> robot.lookup(id).queryAs(Label.class).getText().contains(expected));
    }

    @Test
    void narrationNextBackAndAPrediction(FxRobot robot) throws Exception {
        present(robot, new LessonLibrary().load("03"));
        awaitIdleAt(robot, "Step 1 of 7");
        assertTrue(fixture.window
                .lessonPanel()
                .narration()
                .plainText()
                .contains("In KRaft mode every broker sends a heartbeat"));
        robot.clickOn("#lesson-next");
        // Step 2 opens with its question: the choices are up before any of its commands ran.
        fixture.awaitFx(
                "the prediction's choices",
                () -> robot.lookup(".lesson-choice").queryAll().size() == 2);
        awaitIdleAt(robot, "Step 2 of 7");
        fixture.awaitFx(
                "the lesson's topic",
                () -> fixture.runner.session().cluster().snapshot().topic("orders") != null);
        assertTrue(fixture.runner.session().cluster().snapshot().broker(1).running(), "kill 1 has not run yet");
        robot.clickOn(robot.lookup(".lesson-choice")
                .match(n -> "unfenced".equals(((Button) n).getUserData()))
                .queryAs(Button.class));
        // The reveal is on the same step, big: verdict, answer and why.
        fixture.awaitFx(
                "the reveal",
                () -> !fixture.window.lessonPanel().reveal().shown().isEmpty());
        awaitIdleAt(robot, "Step 2 of 7");
        var reveal = fixture.window.lessonPanel().reveal().shown().get(0);
        assertEquals(
                List.of("unfenced", "unfenced", "Right"),
                List.of(reveal.given(), reveal.prediction().answer(), reveal.verdict()));
        assertTrue(
                WindowFixture.onFx(() -> fixture.window.lessonPanel().reveal().isVisible()));
        robot.interact(() -> fixture.window.setPresenter(true));
        double questionPx = WindowFixture.onFx(() -> {
            fixture.window.scene().getRoot().applyCss();
            return robot.lookup(".reveal-question")
                    .queryAs(Label.class)
                    .getFont()
                    .getSize();
        });
        assertTrue(questionPx >= 28, "the reveal's question in presenter mode is " + questionPx + " px");
        robot.interact(() -> fixture.window.setPresenter(false));
        assertTrue(!fixture.runner.session().cluster().snapshot().broker(1).running(), "the step ran after the vote");
        // Next is disabled until the step's commands after the vote have finished, as a teacher sees it.
        awaitIdleAt(robot, "Step 2 of 7");
        robot.clickOn("#lesson-next");
        fixture.awaitFx(
                "step 3's two choices questions",
                () -> robot.lookup(".lesson-choice").queryAll().size() == 3);
        awaitIdleAt(robot, "Step 3 of 7");
        robot.clickOn("#lesson-back");
        fixture.awaitFx(
                "step 2 asked again",
                () -> robot.lookup(".lesson-choice").queryAll().size() == 2);
        awaitIdleAt(robot, "Step 2 of 7");
        assertNotNull(fixture.runner.session().cluster().snapshot().topic("orders"), "Back replayed step 1");
        fixture.awaitFx(
                "the replayed cluster",
                () -> fixture.runner.session().cluster().snapshot().broker(1).running());
    }

    @Test
    void aFailedExpectIsShownClearly(FxRobot robot) throws Exception {
        Path lesson = home.resolve("wrong.md");
        Files.writeString(
                lesson,
                "---\ntitle: A wrong claim\nbrokers: 3\nseed: 2\n---\n\nWe claim the wrong leader.\n\n"
                        + "```leaderlab\ncreate topic orders --replica-assignment 1:2:3\nexpect leader orders-0 is 3\n```\n");
        present(robot, new LessonLibrary().load(lesson.toString()));
        awaitIdleAt(robot, "Step 1 of 1");
        robot.clickOn("#lesson-next");
        awaitText(robot, "#lesson-feedback", "expectation failed: leader orders-0 is 3, but it is 1");
        assertTrue(
                WindowFixture.onFx(() -> robot.lookup("#lesson-feedback")
                        .queryAs(Label.class)
                        .getStyleClass()
                        .contains("lesson-failure")),
                "shown as a failure");
    }
}
