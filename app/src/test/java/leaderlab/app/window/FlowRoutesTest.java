package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.Test;

/** The message flow runs in the gaps only: no route crosses a card, and no lane touches a card or another lane. */
class FlowRoutesTest {

    private static ClusterLayout layout(int brokers, double width, double height) {
        return layout(brokers, width, height, 1.0);
    }

    private static ClusterLayout layout(int brokers, double width, double height, double zoom) {
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(brokers, 1))) {
            Dispatcher shell = new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster));
            assertTrue(shell.execute("create topic orders --partitions 12 --replication-factor 3")
                    .isOk());
            ClusterSnapshot snapshot = cluster.snapshot();
            return new ClusterLayout(snapshot, width, height, zoom);
        }
    }

    @Test
    void everyRouteRunsInTheGapsFromItsSenderToItsReceiver() {
        for (ClusterLayout layout :
                List.of(layout(3, 1400, 800), layout(5, 1400, 800), layout(12, 1920, 1080), layout(9, 900, 1000))) {
            FlowRoutes routes = new FlowRoutes(layout);
            List<Integer> endpoints = new java.util.ArrayList<>(List.of(FlowRoutes.CLIENTS, FlowRoutes.CONTROLLER));
            layout.cards.forEach(card -> endpoints.add(card.brokerId()));
            for (int from : endpoints) {
                for (int to : endpoints) {
                    double[] route = routes.route(from, to);
                    assertNotNull(route, from + " -> " + to);
                    for (int step = 0; step <= 100; step++) {
                        double[] at = FlowRoutes.along(route, step / 100.0);
                        for (ClusterLayout.Card card : layout.cards) {
                            assertFalse(
                                    card.box().contains(at[0], at[1]),
                                    from + " -> " + to + " crosses broker " + card.brokerId() + "'s card at " + at[0]
                                            + "," + at[1]);
                        }
                    }
                    if (from > 0) {
                        ClusterLayout.Box sender = layout.cardOf(from).box();
                        assertEquals(sender.centerX(), route[0], 1e-9, "leaves from above its sender");
                        assertTrue(route[1] < sender.y() && route[1] > sender.y() - layout.gutter);
                    }
                    if (to > 0) {
                        ClusterLayout.Box receiver = layout.cardOf(to).box();
                        assertEquals(receiver.centerX(), route[route.length - 2], 1e-9, "arrives above its receiver");
                        assertTrue(route[route.length - 1] < receiver.y());
                    }
                }
            }
        }
    }

    @Test
    void lanesStandApartFromTheCardsAndFromEachOther() {
        ClusterLayout layout = layout(12, 1920, 1080);
        List<ClusterLayout.Box> lanes = new FlowRoutes(layout).lanes();
        assertEquals(2 + 1, lanes.size(), "a lane above each of the 2 rows, and the trunk between them");
        for (int i = 0; i < lanes.size(); i++) {
            ClusterLayout.Box lane = lanes.get(i);
            assertTrue(lane.w() > 0 && lane.h() > 0);
            for (ClusterLayout.Card card : layout.cards) {
                assertFalse(touches(lane, card.box()), "lane " + i + " touches broker " + card.brokerId());
            }
            for (int j = i + 1; j < lanes.size(); j++) {
                assertFalse(touches(lane, lanes.get(j)), "lanes " + i + " and " + j + " touch");
            }
        }
    }

    /**
     * A card's canvas reaches past its box (its border's stroke and anti-aliasing): a lane reaching into
     * it made JavaFX unite the lane's dirty region with that card's, and through the lanes the two rows'
     * cards, so a storm frame repainted the whole grid.
     */
    @Test
    void lanesStandApartFromTheCardCanvasesAtEveryZoom() {
        for (double zoom : new double[] {1.0, 1.25, 1.5, 2.0}) {
            ClusterLayout layout = layout(12, 1920, 1080, zoom);
            int reach = CardView.border(zoom);
            List<ClusterLayout.Box> lanes = new FlowRoutes(layout).lanes();
            for (int i = 0; i < lanes.size(); i++) {
                ClusterLayout.Box lane = lanes.get(i);
                assertTrue(lane.h() >= 2 && lane.w() >= 2, "lane " + i + " at zoom " + zoom + " is " + lane);
                for (ClusterLayout.Card card : layout.cards) {
                    ClusterLayout.Box box = card.box();
                    ClusterLayout.Box canvas = new ClusterLayout.Box(
                            Math.floor(box.x()) - reach,
                            Math.floor(box.y()) - reach,
                            Math.ceil(box.x() + box.w()) - Math.floor(box.x()) + 2 * reach,
                            Math.ceil(box.y() + box.h()) - Math.floor(box.y()) + 2 * reach);
                    assertFalse(
                            touches(lane, canvas),
                            "lane " + i + " " + lane + " touches broker " + card.brokerId() + "'s canvas " + canvas
                                    + " at zoom " + zoom);
                }
            }
        }
    }

    /** Whether two boxes overlap or share an edge (JavaFX merges dirty regions that do). */
    private static boolean touches(ClusterLayout.Box a, ClusterLayout.Box b) {
        return a.x() <= b.x() + b.w() && b.x() <= a.x() + a.w() && a.y() <= b.y() + b.h() && b.y() <= a.y() + a.h();
    }
}
