package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import leaderlab.cluster.ClusterOptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The controller quorum strip at 1920x1080 (and 1280x800), in the normal window and in presenter mode (also beside a
 * lesson's narration), for one to seven controllers: every card lies inside the strip's visible bounds, none
 * overlaps another, and up to five no card cuts any of its lines short (with five controllers the normal
 * window's strip ran under the right panel, and 104 and 105 were out of sight; the epoch and log line read
 * "epoch 1 · end..." at five in the normal window and at three beside a lesson). From three controllers
 * on, one is killed first, so a killed card's lines are measured too. The summary's wrapped lines fit its box.
 * Geometry, as laid out; no pixels read.
 */
class QuorumStripFitTest extends WindowTestBase {

    @Test
    void cardsFitTheStripInTheNormalWindow(FxRobot robot) {
        cardsFit(robot, false);
    }

    @Test
    void cardsFitTheStripInPresenterMode(FxRobot robot) {
        cardsFit(robot, true);
    }

    /**
     * A small window, 1280x800 at zoom 1 (a classroom projector's laptop): the three controllers of the
     * default quorum keep every line beside the summary. (Seen from a window squeezed as it opened, at 54% of
     * the width, they read "FOLLOW..." and "epoc...": SqueezedOpeningTest. From four controllers a window this
     * small shortens their lines.)
     */
    @Test
    void threeControllersFitTheStripInASmallWindow(FxRobot robot) {
        cardsFit(robot, false, 1280, 800, new int[] {3});
    }

    private void cardsFit(FxRobot robot, boolean presenter) {
        cardsFit(robot, presenter, 1920, 1080, new int[] {1, 2, 3, 4, 5, 7});
    }

    private void cardsFit(FxRobot robot, boolean presenter, double width, double height, int[] quorums) {
        List<String> found = new ArrayList<>();
        for (int controllers : quorums) {
            if (fixture != null) {
                fixture.close();
            }
            openWindow(robot, new ClusterOptions(3, 0, 11, true, false, controllers), width, height);
            presenter(robot, presenter, width, height);
            for (int step = 0; step < 50 && fixture.cluster.snapshot().quorumLeader() == null; step++) {
                fixture.run("wait 200ms");
            }
            // A metadata log end of three digits, as a class's cluster reaches with a topic or two.
            fixture.run("create topic orders --partitions 120");
            if (controllers >= 3) {
                // A killed card's lines too, and the cards of the new election.
                fixture.run("kill controller");
                fixture.run("wait 4s");
            }
            fixture.awaitCaughtUp(robot);
            found.addAll(WindowFixture.onFx(() -> problems(controllers)));
            double shrink = WindowFixture.onFx(() -> fixture.window.quorum().shrinkForTests());
            // The whole width holds up to five cards in the styled type: it shrinks only where it must.
            if (controllers <= 5 && shrink != 1) {
                found.add(controllers + " controllers: the strip drawn at " + shrink + " of its type");
            }
        }
        assertTrue(found.isEmpty(), (presenter ? "presenter mode: " : "normal window: ") + found);
    }

    /**
     * Lesson 03's reveal in presenter mode: the narration takes two fifths of the width and the three cards
     * share what the summary leaves (their epoch and log line read "epoch 1 · end..." there).
     */
    @Test
    void cardsFitBesideALessonRevealInPresenterMode(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1920, 1080, leaderlab.lessons.LessonCommands.registry());
        presenter(robot, true, 1920, 1080);
        fixture.lessonThreeAtItsQuestion(robot);
        fixture.revealWithA(robot);
        fixture.awaitCaughtUp(robot);
        List<String> found = WindowFixture.onFx(() -> problems(3));
        assertTrue(found.isEmpty(), "presenter mode beside lesson 03's reveal: " + found);
    }

    /**
     * Zoomed in (1.15, 1.32, 1.52) beside lesson 03's question in presenter mode: the strip's type shrinks to
     * what its width holds, never below the window's at zoom 1, and the cards keep their lines (at its
     * CSS type, the summary kept 27em and the three cards read "F...", "en...", "v...").
     */
    @Test
    void cardsFitBesideALessonZoomedInPresenterMode(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1920, 1080, leaderlab.lessons.LessonCommands.registry());
        presenter(robot, true, 1920, 1080);
        fixture.lessonThreeAtItsQuestion(robot);
        List<String> found = new ArrayList<>();
        for (int step = 1; step <= 3; step++) {
            robot.interact(() -> fixture.window.appearance().zoomBy(1.15));
            fixture.awaitCaughtUp(robot);
            String at = String.format(java.util.Locale.ROOT, "zoom %.2f, ", fixture.window.zoom());
            WindowFixture.onFx(() -> problems(3)).forEach(problem -> found.add(at + problem));
            double drawnPx = WindowFixture.onFx(() -> fixture.window.quorum().voteScale()
                    * fixture.window.quorum().shrinkForTests()
                    * Appearance.FONT_PX);
            if (drawnPx < Appearance.FONT_PX - 0.01) {
                found.add(at + "strip type drawn at " + drawnPx + " px");
            }
        }
        assertTrue(found.isEmpty(), "presenter mode beside lesson 03: " + found);
    }

    private List<String> problems(int controllers) {
        QuorumPane quorum = fixture.window.quorum();
        Bounds strip = quorum.stripBoundsForTests();
        List<Bounds> cards = quorum.cardBoundsForTests();
        List<String> found = new ArrayList<>();
        assertEquals(controllers, cards.size(), "a card per controller");
        String at = controllers + " controllers: ";
        for (int i = 0; i < cards.size(); i++) {
            Bounds card = cards.get(i);
            if (card.getMinX() < strip.getMinX()
                    || card.getMaxX() > strip.getMaxX()
                    || card.getMinY() < strip.getMinY()
                    || card.getMaxY() > strip.getMaxY()) {
                found.add(at + "card " + i + " " + card + " outside the strip " + strip);
            }
            if (card.getWidth() < 60) {
                found.add(at + "card " + i + " squeezed to " + card.getWidth() + " px");
            }
            if (i > 0 && cards.get(i - 1).getMaxX() > card.getMinX()) {
                found.add(at + "card " + i + " over card " + (i - 1));
            }
        }
        javafx.scene.layout.Region summary = quorum.summaryForTests();
        double summaryNeeds = summary.prefHeight(summary.getWidth());
        if (summaryNeeds > summary.getHeight() + 0.5) {
            found.add(at + "the summary needs " + summaryNeeds + " px of its " + summary.getHeight());
        }
        for (ControllerCard card : quorum.cardsForTests()) {
            // Up to five (Kafka's most for a quorum in practice) every word shows; more may squeeze the vote line.
            if (controllers <= 5 && !card.cutShort().isEmpty()) {
                found.add(at + "controller " + card.controllerId() + " cuts short " + card.cutShort());
            }
        }
        return found;
    }
}
