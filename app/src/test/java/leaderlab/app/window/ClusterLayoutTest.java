package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.Test;

/** Where chips go: every replica on its broker's card, one size everywhere, and hits find them again. */
class ClusterLayoutTest {

    private static ClusterSnapshot cluster(int brokers, String... lines) {
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(brokers, 1))) {
            Dispatcher shell = new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster));
            for (String line : lines) {
                assertTrue(shell.execute(line).isOk(), line);
            }
            return cluster.snapshot();
        }
    }

    @Test
    void everyReplicaHasAChipOnItsBrokerAndAHitFindsItsPartition() {
        ClusterSnapshot snapshot = cluster(4, "create topic orders --partitions 7 --replication-factor 3");
        ClusterLayout layout = new ClusterLayout(snapshot, 1200, 800, 1.0);
        assertEquals(4, layout.cards.size());
        int chips = 0;
        for (ClusterLayout.Card card : layout.cards) {
            for (int i = 0; i < card.partitionIds().length; i++) {
                int id = card.partitionIds()[i];
                PartitionRegistration partition =
                        snapshot.metadata().partitions().get(id);
                assertTrue(java.util.Arrays.stream(partition.replicas()).anyMatch(r -> r == card.brokerId()));
                ClusterLayout.Box chip = card.chip(i);
                assertTrue(
                        card.box().contains(chip.x(), chip.y())
                                && card.box().contains(chip.x() + chip.w() - 1, chip.y() + chip.h() - 1),
                        "chip inside its card");
                assertEquals(id, card.partitionAt(chip.centerX(), chip.centerY()));
                assertEquals(card, layout.cardAt(chip.centerX(), chip.centerY()));
                chips++;
            }
        }
        assertEquals(7 * 3, chips);
    }

    @Test
    void aPartitionLooksTheSameOnEveryBroker() {
        ClusterSnapshot snapshot = cluster(
                3,
                "create topic a --replica-assignment " + "1:2:3,1:2:3,1:2:3,1:2:3,1:2:3,1:2:3,1:2:3,1:2:3,1:2:3",
                "create topic b --replica-assignment 2");
        ClusterLayout layout = new ClusterLayout(snapshot, 1200, 700, 1.0);
        double h = layout.cards.get(0).chipH();
        for (ClusterLayout.Card card : layout.cards) {
            assertEquals(h, card.chipH(), "the same chip size on broker " + card.brokerId());
        }
        assertTrue(h >= ChipRaster.LABEL_MIN_HEIGHT, "few partitions get labelled chips");
    }

    @Test
    void twelveHundredPartitionsShrinkToFitWithoutLabels() {
        ClusterSnapshot snapshot = cluster(12, "create topic big --partitions 1200 --replication-factor 3");
        ClusterLayout layout = new ClusterLayout(snapshot, 1600, 1000, 1.0);
        for (ClusterLayout.Card card : layout.cards) {
            ClusterLayout.Box last = card.chip(card.partitionIds().length - 1);
            assertTrue(
                    last.y() + last.h() <= card.box().y() + card.box().h(), "all chips fit broker " + card.brokerId());
        }
        assertTrue(layout.cards.get(0).chipH() < ChipRaster.LABEL_MIN_HEIGHT);
        assertEquals(
                -1,
                layout.cards
                        .get(0)
                        .partitionAt(
                                layout.cards.get(0).box().x() + 1,
                                layout.cards.get(0).box().y() + 1),
                "the header is no chip");
    }

    /** Between a crash and fencing the card says what the controller still believes: on its own line, above the chips. */
    @Test
    void theControllersBeliefHasALineAboveTheChips() {
        ClusterSnapshot snapshot = cluster(3, "create topic orders --partitions 6 --replication-factor 3");
        for (double zoom : new double[] {1.0, 1.6}) {
            ClusterLayout layout = new ClusterLayout(snapshot, 1900, 950, zoom);
            for (ClusterLayout.Card card : layout.cards) {
                double badgeBottom = card.box().y() + (ClusterLayout.BADGE_TOP + ClusterLayout.BADGE_HEIGHT) * zoom;
                double beliefTop = card.box().y() + ClusterLayout.BELIEF_TOP * zoom;
                // A line of bold type is at most 1.3 times its size high, descenders included.
                double beliefBottom = beliefTop + 1.3 * ClusterLayout.BELIEF_FONT * zoom;
                assertTrue(badgeBottom <= beliefTop, "the badge ends above the belief line at zoom " + zoom);
                assertTrue(
                        beliefBottom <= card.chip(0).y(),
                        "the belief line ends above the first chip at zoom " + zoom + ": " + beliefBottom + " > "
                                + card.chip(0).y());
            }
        }
    }
}
