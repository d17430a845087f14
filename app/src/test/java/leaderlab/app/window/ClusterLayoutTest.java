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

    @Test
    void aPartitionsChipIsInTheSamePlaceOnEveryBrokerThatHoldsIt() {
        ClusterSnapshot snapshot = cluster(4, "create topic orders --partitions 6 --replication-factor 3");
        ClusterLayout layout = new ClusterLayout(snapshot, 1150, 950, 1.0);
        java.util.Map<Integer, double[]> place = new java.util.HashMap<>();
        for (ClusterLayout.Card card : layout.cards) {
            assertTrue(card.partitionIds().length < 6, "a broker holds only some partitions");
            for (int i = 0; i < card.partitionIds().length; i++) {
                ClusterLayout.Box chip = card.chip(i);
                double[] offset = {
                    chip.x() - card.box().x(), chip.y() - card.box().y()
                };
                double[] first = place.putIfAbsent(card.partitionIds()[i], offset);
                if (first != null) {
                    assertEquals(first[0], offset[0], 1e-9, "column of partition " + card.partitionIds()[i]);
                    assertEquals(first[1], offset[1], 1e-9, "row of partition " + card.partitionIds()[i]);
                }
                assertEquals(card.partitionIds()[i], card.partitionAt(chip.centerX(), chip.centerY()));
            }
        }
    }

    @Test
    void chipsGrowWithBigCards() {
        ClusterSnapshot snapshot = cluster(3, "create topic orders --partitions 6 --replication-factor 3");
        ClusterLayout layout = new ClusterLayout(snapshot, 1150, 950, 1.0);
        assertTrue(
                layout.cards.get(0).chipH() > 40,
                "chips bigger than the small-card size: " + layout.cards.get(0).chipH());
        ClusterLayout zoomed = new ClusterLayout(snapshot, 1150, 950, 1.6);
        assertTrue(zoomed.cards.get(0).chipH() >= layout.cards.get(0).chipH(), "zoom does not shrink chips");
    }

    /** A cut between brokers 1 and 3 goes round broker 2's card, never across it. */
    @Test
    void aCutBetweenTwoBrokersCrossesNoOtherCard() {
        ClusterSnapshot snapshot = cluster(6, "create topic orders --partitions 6 --replication-factor 3");
        for (double[] size : new double[][] {{1150, 950}, {1900, 700}, {900, 1000}}) {
            ClusterLayout layout = new ClusterLayout(snapshot, size[0], size[1], 1.0);
            for (ClusterLayout.Card a : layout.cards) {
                for (ClusterLayout.Card b : layout.cards) {
                    if (a.brokerId() >= b.brokerId()) {
                        continue;
                    }
                    double[] path = CutLinks.route(layout, a, b, 1.0);
                    for (ClusterLayout.Card other : layout.cards) {
                        if (other != a && other != b) {
                            for (int i = 2; i + 1 < path.length; i += 2) {
                                assertTrue(
                                        !crosses(other.box(), path[i - 2], path[i - 1], path[i], path[i + 1]),
                                        "cut " + a.brokerId() + "-" + b.brokerId() + " crosses broker "
                                                + other.brokerId() + "'s card at " + size[0] + "x" + size[1]);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Whether an axis-parallel segment passes through a box's inside. */
    private static boolean crosses(ClusterLayout.Box box, double x1, double y1, double x2, double y2) {
        double minX = Math.min(x1, x2);
        double maxX = Math.max(x1, x2);
        double minY = Math.min(y1, y2);
        double maxY = Math.max(y1, y2);
        assertTrue(minX == maxX || minY == maxY, "cut segments run along the grid");
        return maxX > box.x() && minX < box.x() + box.w() && maxY > box.y() && minY < box.y() + box.h();
    }

    @Test
    void theLegendShowsEveryStateAtEveryZoomBetweenClientsAndController() {
        ClusterSnapshot snapshot = cluster(3, "create topic orders --partitions 6 --replication-factor 3");
        for (double zoom : new double[] {1.0, 1.6, 2.4}) {
            for (double width : new double[] {1150, 1600}) {
                ClusterLayout layout = new ClusterLayout(snapshot, width, 950, zoom);
                java.util.List<ReplicaState> drawn = new java.util.ArrayList<>();
                ChipLegend.legend(layout, zoom, (state, x, y, chipW, chipH) -> {
                    drawn.add(state);
                    double textEnd = x
                            + chipW
                            + chipH * 0.3
                            + ClusterCanvas.textWidth(
                                    state.legendLabel(),
                                    javafx.scene.text.Font.font(
                                            "System", javafx.scene.text.FontWeight.BOLD, chipH * 0.75));
                    assertTrue(x >= layout.clients.x() + layout.clients.w(), "after Clients");
                    assertTrue(textEnd <= layout.controller.x(), state + " ends before the controller at zoom " + zoom);
                    assertTrue(y >= 0 && y + chipH <= layout.bandHeight, "inside the band on top");
                });
                assertEquals(java.util.List.of(ReplicaState.values()), drawn, "every state, at zoom " + zoom);
            }
        }
    }
}
