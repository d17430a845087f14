package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Ctrl + at 1920x1080 grows the chips' type where the view has room: for 3, 6 and 12 brokers with 12
 * partitions (and 3 brokers with 15 in presenter mode), in the normal window and in presenter mode, the
 * label type of a chip (0 where a chip has no label) at each zoom step is at least the step before's, or
 * smaller only where that keeps every card on screen, and never unlabelled. The zoomed quorum strip and
 * card headers took the height from the chips: at 1.52 three brokers' labels were smaller than at 1 while
 * the view had room, and six brokers' chips lost their labels at the first step.
 */
class ZoomedChipTypeTest extends WindowTestBase {

    private static final int STEPS = 4;

    @Test
    void chipTypeGrowsWithZoomInTheNormalWindow(FxRobot robot) {
        List<String> found = new ArrayList<>();
        for (int brokers : new int[] {3, 6, 12}) {
            found.addAll(typeAtEachStep(robot, brokers, 12, false));
        }
        assertTrue(found.isEmpty(), "normal window: " + found);
    }

    @Test
    void chipTypeGrowsWithZoomInPresenterMode(FxRobot robot) {
        List<String> found = new ArrayList<>();
        found.addAll(typeAtEachStep(robot, 3, 15, true));
        for (int brokers : new int[] {6, 12}) {
            found.addAll(typeAtEachStep(robot, brokers, 12, true));
        }
        assertTrue(found.isEmpty(), "presenter mode: " + found);
    }

    /** The steps at which the chip type shrank, each as brokers, zoom and type before and after. */
    private List<String> typeAtEachStep(FxRobot robot, int brokers, int partitions, boolean presenter) {
        if (fixture != null) {
            fixture.close();
        }
        openWindow(robot, WindowFixture.simulated(brokers, 0, 5), 1920, 1080);
        presenter(robot, presenter, 1920, 1080);
        fixture.run("create topic orders --partitions " + partitions + " --replication-factor 3");
        fixture.awaitCaughtUp(robot);
        List<String> found = new ArrayList<>();
        StringBuilder steps = new StringBuilder();
        double before = -1;
        for (int step = 0; step <= STEPS; step++) {
            if (step > 0) {
                robot.interact(() -> fixture.window.appearance().zoomBy(1.15));
            }
            fixture.awaitCaughtUp(robot);
            for (int pass = 0; pass < 4; pass++) {
                // A frame lays the view out for the zoom; the layout pass after it gives it the height asked.
                robot.interact(() -> {
                    fixture.window.frame();
                    stage.getScene().getRoot().layout();
                });
            }
            double zoom = fixture.window.zoom();
            double type = WindowFixture.onFx(this::smallestLabelType);
            steps.append(String.format(java.util.Locale.ROOT, " %.2f:%.1fpx", zoom, type));
            boolean scrolls =
                    WindowFixture.onFx(() -> fixture.window.clusterCanvas().getHeight())
                            > clusterViewportHeight(robot) + 1;
            // Smaller chips only to keep every card on screen, and never unlabelled.
            if ((type < before - 0.01 && scrolls) || (type == 0 && before > 0)) {
                found.add(brokers + " brokers at zoom " + String.format(java.util.Locale.ROOT, "%.2f", zoom) + ": "
                        + type + " px after " + before + " px");
            }
            before = type;
        }
        System.out.println("chip type, " + brokers + " brokers" + (presenter ? ", presenter" : "") + ":" + steps);
        return found;
    }

    /**
     * The type of the smallest chip label on screen, in pixels (0 where a chip is unlabelled or lies
     * outside the view).
     */
    private double smallestLabelType() {
        ClusterCanvas canvas = fixture.window.clusterCanvas();
        double least = Double.MAX_VALUE;
        for (ClusterLayout.Card card : canvas.layoutForTests().cards) {
            for (int i = 0; i < card.partitionIds().length; i++) {
                ClusterLayout.Box chip = card.chip(i);
                boolean inside = chip.y() + chip.h() <= canvas.getHeight() && chip.x() + chip.w() <= canvas.getWidth();
                double type =
                        inside && chip.h() >= ChipRaster.LABEL_MIN_HEIGHT ? ChipRaster.labelFontSize(chip.h()) : 0;
                least = Math.min(least, type);
            }
        }
        return least == Double.MAX_VALUE ? 0 : least;
    }
}
