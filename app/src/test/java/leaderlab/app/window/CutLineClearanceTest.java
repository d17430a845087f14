package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.view.ClusterSnapshot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A cut line (isolate, link) and its cross keep clear of every card's state badge at 1920x1080, in the
 * normal window and in presenter mode: the ISOLATED badge used to sit on the line between neighbours.
 * Geometry, as the painters place it; no pixels read.
 */
class CutLineClearanceTest extends WindowTestBase {

    /** The least room between a cut (its stroke included) and a badge, in pixels at zoom 1. */
    private static final double CLEARANCE = 6;

    @Test
    void cutsKeepClearOfTheBadgesInTheNormalWindow(FxRobot robot) {
        cutsKeepClearOfTheBadges(robot, false);
    }

    @Test
    void cutsKeepClearOfTheBadgesInPresenterMode(FxRobot robot) {
        cutsKeepClearOfTheBadges(robot, true);
    }

    private void cutsKeepClearOfTheBadges(FxRobot robot, boolean presenter) {
        openWindow(robot, WindowFixture.simulated(3, 0, 7), 1920, 1080);
        robot.interact(() -> fixture.window.setPresenter(presenter));
        for (String line : new String[] {
            "create topic orders --partitions 3 --replication-factor 3",
            // Lesson 7's cuts: 1-2 are neighbours, 1-3 go round broker 2; and a stub for clients.
            "isolate 3 --from brokers:1",
            "isolate 2 --from brokers:1",
            "isolate 1 --from clients",
            "wait 100ms"
        }) {
            fixture.run(line);
        }
        fixture.awaitCaughtUp(robot);
        List<String> overlaps = WindowFixture.onFx(() -> {
            ClusterSnapshot snapshot = fixture.window.shownSnapshot();
            ClusterLayout layout = fixture.window.clusterCanvas().layoutForTests();
            NetworkCuts cuts = NetworkCuts.of(snapshot);
            double zoom = layout.zoom;
            List<double[]> paths = new ArrayList<>();
            for (NetworkCuts.Pair pair : cuts.brokerPairs()) {
                paths.add(CutLinks.route(layout, layout.cardOf(pair.low()), layout.cardOf(pair.high()), zoom));
            }
            List<Double> widths = new ArrayList<>(java.util.Collections.nCopies(paths.size(), zoom));
            for (ClusterLayout.Card card : layout.cards) {
                if (cuts.cutFromClients(card.brokerId()) || cuts.cutFromController(card.brokerId())) {
                    paths.add(CutLinks.stub(card.box(), zoom));
                    widths.add(zoom * 0.7);
                }
            }
            assertTrue(paths.size() >= 3, "two broker cuts and a stub drawn");
            List<String> found = new ArrayList<>();
            for (ClusterLayout.Card card : layout.cards) {
                CardFrame frame = CardFrame.of(snapshot, card, cuts, -1, java.util.Set.of(), Palette.LIGHT);
                assertTrue(frame.header.status() == BrokerStatus.ISOLATED, "broker " + card.brokerId());
                ClusterLayout.Box badge = CardPainter.badge(frame.header.word(), card.box(), zoom);
                for (int p = 0; p < paths.size(); p++) {
                    double[] path = paths.get(p);
                    double lineZoom = widths.get(p);
                    double room = CLEARANCE * zoom;
                    double half = CardPainter.cutLineWidth(lineZoom) / 2 + room;
                    for (int i = 2; i + 1 < path.length; i += 2) {
                        ClusterLayout.Box stroke = new ClusterLayout.Box(
                                Math.min(path[i - 2], path[i]) - half,
                                Math.min(path[i - 1], path[i + 1]) - half,
                                Math.abs(path[i] - path[i - 2]) + 2 * half,
                                Math.abs(path[i + 1] - path[i - 1]) + 2 * half);
                        if (overlap(stroke, badge)) {
                            found.add("a line of cut " + p + " and broker " + card.brokerId() + "'s badge");
                        }
                    }
                    ClusterLayout.Box cross = CardPainter.cross(path, lineZoom);
                    ClusterLayout.Box around = new ClusterLayout.Box(
                            cross.x() - room, cross.y() - room, cross.w() + 2 * room, cross.h() + 2 * room);
                    if (overlap(around, badge)) {
                        found.add("the cross of cut " + p + " and broker " + card.brokerId() + "'s badge");
                    }
                }
            }
            return found;
        });
        assertTrue(overlaps.isEmpty(), (presenter ? "presenter mode: " : "normal window: ") + overlaps);
        assertFalse(WindowFixture.onFx(
                () -> fixture.window.clusterCanvas().layoutForTests().cards.isEmpty()));
    }

    private static boolean overlap(ClusterLayout.Box a, ClusterLayout.Box b) {
        return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
    }
}
