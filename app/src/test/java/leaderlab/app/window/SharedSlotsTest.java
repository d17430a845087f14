package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.view.ClusterSnapshot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The README's promise, in the window: labelled chips keep a slot for every partition on every card wherever
 * those slots leave every card on screen, so a partition's chip is in the same place on every broker. With 6
 * brokers and 12 partitions at 1920x1080 the cards packed their labelled chips with room for slots (orders-1
 * first on one card, orders-0 on another); then the slots scrolled cards out of sight where the window was
 * shorter (12 brokers at 1920x1080: a row of four). Now labelled chips pack only where their slots would not
 * fit even the height the view can take from the logs pane. At zoom 1 and zoomed in.
 */
class SharedSlotsTest extends WindowTestBase {

    @Test
    void labelledChipsKeepASlotForEveryPartitionWhereEveryCardStaysOnScreen(FxRobot robot) {
        List<String> found = new ArrayList<>();
        List<String> slotted = new ArrayList<>();
        for (int height : new int[] {1080, 960, 900}) {
            if (fixture != null) {
                fixture.close();
            }
            openWindow(robot, WindowFixture.simulated(6, 0, 5), 1920, height);
            fixture.run("create topic orders --partitions 12 --replication-factor 3");
            fixture.awaitCaughtUp(robot);
            for (int step = 0; step <= 2; step++) {
                if (step > 0) {
                    robot.interact(() -> fixture.window.appearance().zoomBy(1.15));
                }
                for (int pass = 0; pass < 4; pass++) {
                    robot.interact(() -> {
                        fixture.window.frame();
                        stage.getScene().getRoot().layout();
                    });
                }
                String at = "1920x" + height + " zoom "
                        + String.format(java.util.Locale.ROOT, "%.2f", fixture.window.zoom());
                double onScreen = clusterViewportHeight(robot);
                WindowFixture.onFx(() -> {
                    ClusterLayout layout = fixture.window.clusterCanvas().layoutForTests();
                    if (layout.cards.get(0).chipH() < ChipRaster.LABEL_MIN_HEIGHT) {
                        return null; // unlabelled chips pack: not even packed labelled ones fit
                    }
                    if (packedCard(layout) >= 0 && slotsFit(layout)) {
                        found.add(
                                at + ": broker " + packedCard(layout) + "'s labelled chips are packed where slots fit");
                    } else if (packedCard(layout) < 0) {
                        slotted.add(at);
                        found.addAll(offScreen(layout, onScreen, at));
                    }
                    return null;
                });
            }
        }
        assertTrue(found.isEmpty(), found.toString());
        assertTrue(slotted.contains("1920x1080 zoom 1.00"), "slots only at " + slotted);
    }

    /** The cards below the {@code onScreen} pixels in sight. */
    private static List<String> offScreen(ClusterLayout layout, double onScreen, String at) {
        List<String> found = new ArrayList<>();
        for (ClusterLayout.Card card : layout.cards) {
            if (card.box().y() + card.box().h() > onScreen + 1) {
                found.add(at + ": broker " + card.brokerId() + "'s slots end at "
                        + (card.box().y() + card.box().h()) + " px, under the " + onScreen + " px on screen");
            }
        }
        return found;
    }

    /**
     * Whether labelled chips in their slots would fit the most height the view can have on screen: a layout
     * of the same cluster that high, its chips the least labelled ones at this zoom.
     */
    private boolean slotsFit(ClusterLayout layout) {
        ClusterCanvas canvas = fixture.window.clusterCanvas();
        ClusterSnapshot snapshot = fixture.window.shownSnapshot();
        ClusterLayout tallest = new ClusterLayout(
                snapshot,
                ClusterLayout.partitionsByBroker(snapshot),
                layout.width,
                canvas.viewHeight.mostOnScreen(),
                layout.zoom,
                false,
                ChipRaster.LABEL_MIN_HEIGHT * layout.zoom);
        return packedCard(tallest) < 0;
    }

    /** The first broker whose chips are not each in its partition's slot, or -1. */
    private static int packedCard(ClusterLayout layout) {
        int[] all = layout.cards.stream()
                .flatMapToInt(card -> java.util.Arrays.stream(card.partitionIds()))
                .distinct()
                .sorted()
                .toArray();
        for (ClusterLayout.Card card : layout.cards) {
            for (int i = 0; i < card.partitionIds().length; i++) {
                if (card.slots()[i] != java.util.Arrays.binarySearch(all, card.partitionIds()[i])) {
                    return card.brokerId();
                }
            }
        }
        return -1;
    }
}
