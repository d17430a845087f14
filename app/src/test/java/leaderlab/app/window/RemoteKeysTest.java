package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import leaderlab.lessons.LessonCommands;
import leaderlab.lessons.LessonLibrary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The lesson's keys: a presenter remote's next and previous (PageDown, PageUp) even while the command bar has
 * the keyboard, after {@code present 3} typed in the bar the letters and space are the lesson's, and a click
 * on the view, the partition logs or the narration takes the keyboard back from the bar.
 */
class RemoteKeysTest extends WindowTestBase {

    private String progress(FxRobot robot) {
        return WindowFixture.onFx(
                () -> robot.lookup("#lesson-progress").queryAs(Label.class).getText());
    }

    /** Types a: lesson 03's question at step 2 takes it as its first choice, and nothing reaches the bar. */
    private void answersWithA(FxRobot robot) {
        robot.type(KeyCode.A);
        fixture.awaitFx(
                "the reveal",
                () -> !fixture.window.lessonPanel().reveal().shown().isEmpty());
        assertEquals(
                "fenced",
                WindowFixture.onFx(() ->
                        fixture.window.lessonPanel().reveal().shown().get(0).given()),
                "a is the first choice");
        assertEquals(
                "", WindowFixture.onFx(() -> fixture.window.console().bar().getText()), "nothing typed into the bar");
    }

    /** A 1600x1000 window playing lesson 03, at its first step with Next live. */
    private void lessonThreeAtStepOne(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000, LessonCommands.registry());
        var lesson = new LessonLibrary().load("03");
        robot.interact(() -> fixture.window.presentLesson(lesson));
        awaitReadyAt(robot, "Step 1 of 7");
    }

    private void awaitReadyAt(FxRobot robot, String step) {
        fixture.awaitFx(
                step + " with Next live (it shows '" + progress(robot) + "')",
                () -> robot.lookup("#lesson-progress")
                                .queryAs(Label.class)
                                .getText()
                                .equals(step)
                        && !robot.lookup("#lesson-next").queryAs(Button.class).isDisabled());
    }

    @Test
    void pageDownAndPageUpTurnTheLessonWhileTheCommandBarHasTheKeyboard(FxRobot robot) throws Exception {
        lessonThreeAtStepOne(robot);
        robot.clickOn("#command-bar");
        assertTrue(WindowFixture.onFx(() -> fixture.window.typing()), "the command bar has the keyboard");

        robot.type(KeyCode.PAGE_DOWN);
        awaitReadyAt(robot, "Step 2 of 7");
        assertEquals(2, robot.lookup(".lesson-choice").queryAll().size(), "step 2's question is up");

        robot.type(KeyCode.PAGE_UP);
        awaitReadyAt(robot, "Step 1 of 7");
        assertEquals(
                "", WindowFixture.onFx(() -> fixture.window.console().bar().getText()), "nothing typed into the bar");
    }

    @Test
    void afterALessonStartsFromTheCommandBarLettersAnswerAndSpaceTurnsTheStep(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000, LessonCommands.registry());
        // As `present 03` typed in the bar does: the lesson starts while the bar has the keyboard.
        robot.clickOn("#command-bar");
        var lesson = new LessonLibrary().load("03");
        robot.interact(() -> fixture.window.presentLesson(lesson));
        awaitReadyAt(robot, "Step 1 of 7");
        assertFalse(WindowFixture.onFx(() -> fixture.window.typing()), "the lesson took the keyboard");

        robot.type(KeyCode.SPACE);
        awaitReadyAt(robot, "Step 2 of 7");
        answersWithA(robot);
    }

    @Test
    void aClickOnTheLogsPaneOrTheNarrationTakesTheKeyboardFromTheCommandBar(FxRobot robot) throws Exception {
        lessonThreeAtStepOne(robot);

        robot.clickOn("#command-bar");
        assertTrue(WindowFixture.onFx(() -> fixture.window.typing()), "the command bar has the keyboard");
        robot.clickOn(fixture.window.partitionDetail());
        assertFalse(WindowFixture.onFx(() -> fixture.window.typing()), "a click on the logs pane took the keyboard");
        robot.type(KeyCode.SPACE);
        awaitReadyAt(robot, "Step 2 of 7");

        robot.clickOn("#command-bar");
        robot.clickOn("#lesson-progress");
        assertFalse(WindowFixture.onFx(() -> fixture.window.typing()), "a click on the narration took the keyboard");
        answersWithA(robot);

        robot.clickOn("#command-bar");
        robot.clickOn(fixture.window.clusterCanvas());
        assertFalse(WindowFixture.onFx(() -> fixture.window.typing()), "a click on the cluster view took the keyboard");
    }
}
