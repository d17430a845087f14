package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Zoomed in the normal window at 1920x1080: the cluster view takes the partition-logs pane's height before
 * it scrolls (it scrolled with only a few of each card's chips in sight above an empty logs pane), and the
 * history row keeps its title and buttons whole (the scrubber's marks held the row open: "Hist...", "...").
 */
class ZoomRoomTest extends WindowTestBase {

    @Test
    void theViewTakesTheLogsPanesHeightBeforeItScrolls(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(6, 0, 5), 1920, 1080);
        fixture.run("create topic orders --partitions 12 --replication-factor 3");
        fixture.awaitCaughtUp(robot);
        List<String> found = new ArrayList<>();
        int scrolled = 0;
        for (int step = 0; step <= 4; step++) {
            if (step > 0) {
                robot.interact(() -> fixture.window.appearance().zoomBy(1.15));
            }
            settle(robot);
            double content =
                    WindowFixture.onFx(() -> fixture.window.clusterCanvas().getHeight());
            double viewport = clusterViewportHeight(robot);
            PartitionDetail logs = fixture.window.partitionDetail();
            double logsHeight = WindowFixture.onFx(logs::getHeight);
            double logsLeast = WindowFixture.onFx(() -> logs.minHeight(-1));
            String at = String.format(java.util.Locale.ROOT, "zoom %.2f", fixture.window.zoom());
            if (content > viewport + 1) {
                scrolled++;
                if (logsHeight > logsLeast + 12) {
                    found.add(at + ": the view scrolls (" + content + " px in " + viewport
                            + ") while the logs pane has " + logsHeight + " px, its least " + logsLeast);
                }
            }
            for (String id : new String[] {"#history-title", "#live", "#fork-here"}) {
                Labeled labeled = robot.lookup(id).queryAs(Labeled.class);
                double width = WindowFixture.onFx(labeled::getWidth);
                double wanted = WindowFixture.onFx(() -> labeled.prefWidth(-1));
                if (width < wanted - 0.5) {
                    found.add(at + ": " + id + " is " + width + " px of the " + wanted + " its text needs");
                }
            }
        }
        assertTrue(found.isEmpty(), found.toString());
        // Zoomed this far, the chips need more than the window has: the case above was tried.
        assertTrue(scrolled > 0, "the view never scrolled, so the rule was not tried");
    }

    /**
     * A cluster with no topic yet (a lesson's first step), zoomed in presenter mode: its cards stay in one
     * row on screen (their empty chip areas had asked for one huge chip, so the view stacked one card a row
     * and scrolled).
     */
    @Test
    void anEmptyClusterZoomedKeepsItsCardsInARow(FxRobot robot) {
        cardsStayInARowZoomed(robot, 0, 3);
    }

    /**
     * Lesson 03's three partitions, zoomed in presenter mode: the cards stay in one row on screen, their
     * chips labelled. At 1.32 the chips of zoom 1 no longer fitted three cards a row (the margins grew), so
     * the view stacked one card a row and scrolled broker 3 out of sight. (At 1.52 the taller headers leave
     * no room for labelled chips under them, and the view scrolls.)
     */
    @Test
    void threePartitionsZoomedKeepTheirCardsInARow(FxRobot robot) {
        cardsStayInARowZoomed(robot, 3, 2);
    }

    /** Zooms in {@code steps} times by 1.15: after each, one row of cards on screen, chips labelled. */
    private void cardsStayInARowZoomed(FxRobot robot, int partitions, int steps) {
        // As wide as presenter mode's view beside a lesson's narration at 1920x1080.
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1150, 1080);
        presenter(robot, true, 1150, 1080);
        if (partitions > 0) {
            fixture.run("create topic orders --partitions " + partitions + " --replication-factor 3");
        }
        fixture.awaitCaughtUp(robot);
        settle(robot);
        for (int step = 1; step <= steps; step++) {
            robot.interact(() -> fixture.window.appearance().zoomBy(1.15));
            settle(robot);
            double content =
                    WindowFixture.onFx(() -> fixture.window.clusterCanvas().getHeight());
            double viewport = clusterViewportHeight(robot);
            List<Double> tops = WindowFixture.onFx(() -> fixture.window.clusterCanvas().layoutForTests().cards.stream()
                    .map(card -> card.box().y())
                    .distinct()
                    .toList());
            String at = String.format(java.util.Locale.ROOT, "zoom %.2f", fixture.window.zoom());
            assertEquals(1, tops.size(), at + ": the cards' rows start at " + tops);
            assertTrue(content <= viewport + 1, at + ": the view scrolls, " + content + " px in " + viewport);
            if (partitions > 0) {
                assertTrue(
                        chipHeight() >= ChipRaster.LABEL_MIN_HEIGHT,
                        at + ": unlabelled chips, " + chipHeight() + " px");
            }
        }
    }

    /** The laid-out chips' height, 0 where the cards have none. */
    private double chipHeight() {
        return WindowFixture.onFx(() ->
                fixture.window.clusterCanvas().layoutForTests().cards.get(0).chipH());
    }

    private void settle(FxRobot robot) {
        for (int pass = 0; pass < 4; pass++) {
            robot.interact(() -> {
                fixture.window.frame();
                stage.getScene().getRoot().layout();
            });
        }
    }
}
