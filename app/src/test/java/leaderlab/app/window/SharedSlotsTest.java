package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The README's promise, in the window: while chips stay labelled every card keeps a slot for every
 * partition, so a partition's chip is in the same place on every broker. With 6 brokers and 12 partitions
 * at 1920x1080 the cards packed their labelled chips instead (orders-1 first on one card, orders-0 on
 * another), the view too short for labelled chips in every slot; now the view asks for that height and
 * scrolls where the window has less. At zoom 1 and zoomed in, for heights where the view is short.
 */
class SharedSlotsTest extends WindowTestBase {

    @Test
    void labelledChipsKeepASlotForEveryPartitionOnEveryCard(FxRobot robot) {
        List<String> found = new ArrayList<>();
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
                found.addAll(WindowFixture.onFx(() -> packedLabelledCards(at)));
            }
        }
        assertTrue(found.isEmpty(), found.toString());
    }

    /** The cards whose chips are labelled but not each in its partition's slot. */
    private List<String> packedLabelledCards(String at) {
        ClusterLayout layout = fixture.window.clusterCanvas().layoutForTests();
        int[] all = layout.cards.stream()
                .flatMapToInt(card -> java.util.Arrays.stream(card.partitionIds()))
                .distinct()
                .sorted()
                .toArray();
        List<String> found = new ArrayList<>();
        for (ClusterLayout.Card card : layout.cards) {
            if (card.chipH() < ChipRaster.LABEL_MIN_HEIGHT) {
                continue;
            }
            for (int i = 0; i < card.partitionIds().length; i++) {
                int slot = java.util.Arrays.binarySearch(all, card.partitionIds()[i]);
                if (card.slots()[i] != slot) {
                    found.add(at + ": broker " + card.brokerId() + "'s labelled chips ("
                            + String.format(java.util.Locale.ROOT, "%.1f", card.chipH()) + " px) are packed, slots "
                            + java.util.Arrays.toString(card.slots()));
                    break;
                }
            }
        }
        return found;
    }
}
