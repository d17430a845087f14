package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import leaderlab.cluster.metadata.PartitionRegistration;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Replica chips' labels at the README pictures' size, 1600x1000, with the failover picture's topics (orders,
 * 6 partitions, and payments, 3, each on three replicas): on 4, 5 and 8 brokers the cluster view is one
 * row of cards 292 px high, and every labelled chip's text is at least 12 px with its glyphs narrowed by at
 * most a fifth (at 0.56 of an 18 px chip it was 10 px, and narrowed besides), on cards wholly on screen with
 * their titles and badges unsqueezed. On 12 brokers at 1920x1080 too:
 * there the view put twelve cards in a row, 68 px wide, with the titles and labels squeezed into them, and
 * when they were given the room, slots for all ten partitions scrolled four cards out of sight. Every card is
 * on screen with its title whole. Geometry, as laid out and as the painter sizes the type; no pixels read.
 */
class ChipTextFitTest extends WindowTestBase {

    @Test
    void fourBrokers(FxRobot robot) {
        labelsFit(robot, 4);
    }

    @Test
    void fiveBrokers(FxRobot robot) {
        labelsFit(robot, 5);
    }

    @Test
    void eightBrokers(FxRobot robot) {
        labelsFit(robot, 8);
    }

    @Test
    void twelveBrokersAtFullHd(FxRobot robot) {
        labelsFit(robot, 12, 1920, 1080);
    }

    private void labelsFit(FxRobot robot, int brokers) {
        labelsFit(robot, brokers, 1600, 1000);
    }

    /**
     * 12 brokers in a 1600x1000 window, where not even packed labelled chips fit: two rows of whole cards on
     * screen, unlabelled chips that still read as shapes (they had stood in one row of 51 px cards, titles
     * squeezed, badges without a word). Without a topic too: an empty cluster's cards are as whole.
     */
    @Test
    void twelveBrokersInASmallerWindowKeepWholeCards(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(12, 0, 7), 1600, 1000);
        fixture.awaitCaughtUp(robot);
        double emptyOnScreen = clusterViewportHeight(robot);
        List<String> found = new ArrayList<>(WindowFixture.onFx(() -> cardProblems(emptyOnScreen)));
        fixture.run("create topic orders --partitions 6 --replication-factor 3");
        fixture.run("create topic payments --partitions 4 --replication-factor 3");
        fixture.run("wait 1s");
        fixture.awaitCaughtUp(robot);
        double onScreen = clusterViewportHeight(robot);
        found.addAll(WindowFixture.onFx(() -> {
            List<String> problems = cardProblems(onScreen);
            for (ClusterLayout.Card card : fixture.window.clusterCanvas().layoutForTests().cards) {
                if (card.partitionIds().length > 0 && card.chipH() < 10) {
                    problems.add("broker " + card.brokerId() + ": chips of " + card.chipH() + " px");
                }
            }
            return problems;
        }));
        assertTrue(found.isEmpty(), "12 brokers at 1600x1000: " + found);
    }

    /** The cards not wholly on the {@code onScreen} pixels in sight, or whose title or badge is squeezed. */
    private List<String> cardProblems(double onScreen) {
        List<String> problems = new ArrayList<>();
        ClusterLayout layout = fixture.window.clusterCanvas().layoutForTests();
        for (ClusterLayout.Card card : layout.cards) {
            ClusterLayout.Box box = card.box();
            String at = "broker " + card.brokerId() + ": ";
            if (box.y() + box.h() > onScreen + 1) {
                problems.add(at + "ends at " + (box.y() + box.h()) + " px, under the " + onScreen + " px on screen");
            }
            String title = "Broker " + card.brokerId();
            Font titleFont = CardPainter.titleFont(title, box, layout.zoom);
            double titleWidth = ClusterCanvas.textWidth(title, titleFont);
            if (titleWidth > CardPainter.titleRoom(box, layout.zoom) + 0.5) {
                problems.add(at + "a " + titleWidth + " px title in " + titleFont.getSize() + " px type on a " + box.w()
                        + " px card");
            }
            String word = BrokerStatus.RUNNING.label();
            ClusterLayout.Box badge = CardPainter.badge(word, box, layout.zoom);
            double wordWidth = ClusterCanvas.textWidth(word, CardPainter.badgeFont(layout.zoom));
            if (badge.w() < wordWidth + badge.h() + 10 * layout.zoom - 0.5) {
                problems.add(at + "a " + badge.w() + " px badge for " + wordWidth + " px of '" + word + "'");
            }
        }
        return problems;
    }

    private void labelsFit(FxRobot robot, int brokers, double width, double height) {
        openWindow(robot, WindowFixture.simulated(brokers, 0, 7), width, height);
        fixture.run("create topic orders --partitions 6 --replication-factor 3");
        fixture.run("create topic payments --partitions 3 --replication-factor 3");
        fixture.run("wait 1s");
        fixture.awaitCaughtUp(robot);
        double onScreen = clusterViewportHeight(robot);
        List<String> found = WindowFixture.onFx(() -> {
            List<String> problems = cardProblems(onScreen);
            ClusterLayout layout = fixture.window.clusterCanvas().layoutForTests();
            int labelled = 0;
            for (ClusterLayout.Card card : layout.cards) {
                if (card.chipH() < ChipRaster.LABEL_MIN_HEIGHT) {
                    problems.add("broker " + card.brokerId() + ": chips of " + card.chipH() + " px, unlabelled");
                    continue;
                }
                for (int i = 0; i < card.partitionIds().length; i++) {
                    ClusterLayout.Box chip = card.chip(i);
                    PartitionRegistration partition = fixture.window
                            .shownSnapshot()
                            .metadata()
                            .partitions()
                            .get(card.partitionIds()[i]);
                    Font font = ChipRaster.labelFont(chip.h());
                    double text = ClusterCanvas.textWidth(partition.name(), font);
                    double room = ChipRaster.labelRoom(chip.w(), chip.h());
                    String at = "broker " + card.brokerId() + " " + partition.name() + ": ";
                    if (font.getSize() < 12) {
                        problems.add(at + font.getSize() + " px type on a chip " + chip.h() + " px high");
                    }
                    if (text * 0.8 > room) {
                        problems.add(at + text + " px of text in " + room + " px");
                    }
                    labelled++;
                }
            }
            if (labelled < brokers) {
                problems.add("only " + labelled + " labelled chips");
            }
            return problems;
        });
        assertTrue(found.isEmpty(), brokers + " brokers at " + (int) width + "x" + (int) height + ": " + found);
    }
}
