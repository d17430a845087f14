package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the message flow runs: in the gaps of the cluster view only, never over a card. The lanes are
 * the gap above each row of cards (the top one just under the clients and the controller) and one trunk
 * joining the rows: the column gap in the middle of the grid. A message leaves its sender from the
 * middle of the lane above it and runs to the middle of the lane above its receiver, through the trunk
 * when the two are in different rows. So the dots say who talks to whom without covering a chip, and
 * they repaint only the lanes' pixels: a few strips, one per row and one per trunk stretch. JavaFX keeps
 * at most 15 dirty regions apart ({@link WindowLauncher#configureRendering}) and halves their number
 * beyond that by merging: a lane in every column gap took 9 of them, and with a storm's cards and the
 * quorum strip the merges repainted whole rows.
 */
final class FlowRoutes {

    /** The clients and the controller, as message endpoints beside the broker ids. */
    static final int CLIENTS = -1;

    static final int CONTROLLER = -2;

    /**
     * Pixels between a lane and a card's canvas (which reaches {@link CardView#border} beyond the card) or
     * another lane. JavaFX unites dirty regions that touch or overlap, so a lane reaching into a card's
     * canvas joined that card's repaint to the lane's, the lane's to the next row's cards, and a storm
     * frame repainted the whole grid.
     */
    static final double CLEARANCE = 2;

    /** How far a lane keeps from the cards' boxes: the card canvases' reach and the clearance. */
    private final double clearance;

    private final ClusterLayout layout;
    private final double[] rowTops;
    /** The x of the trunk: the middle of the column gap in the middle of the grid. */
    private final double trunkX;

    private final List<ClusterLayout.Box> lanes = new ArrayList<>();
    /** Each route asked for, by (from, to), null for none: a frame asks once per dot in flight. */
    private final java.util.Map<Long, double[]> routes = new java.util.HashMap<>();

    FlowRoutes(ClusterLayout layout) {
        this.layout = layout;
        rowTops = layout.cards.stream()
                .mapToDouble(card -> card.box().y())
                .distinct()
                .sorted()
                .toArray();
        double[] columnLefts = layout.cards.stream()
                .mapToDouble(card -> card.box().x())
                .distinct()
                .sorted()
                .toArray();
        double gutter = layout.gutter;
        clearance = CardView.border(layout.zoom) + CLEARANCE;
        trunkX = columnLefts.length == 0 ? 0 : columnLefts[columnLefts.length / 2] - gutter / 2;
        for (double top : rowTops) {
            lanes.add(inner(0, top - gutter, layout.width, gutter));
        }
        for (int r = 0; r + 1 < rowTops.length; r++) {
            double cardH = rowTops[r + 1] - gutter - rowTops[r];
            lanes.add(inner(trunkX - gutter / 2, rowTops[r], gutter, cardH));
        }
    }

    /** A gap's box shrunk by the clearance on every side, to whole pixels inwards. */
    private ClusterLayout.Box inner(double x, double y, double w, double h) {
        double left = Math.ceil(x + clearance);
        double top = Math.ceil(y + clearance);
        double right = Math.floor(x + w - clearance);
        double bottom = Math.floor(y + h - clearance);
        return new ClusterLayout.Box(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    /** The lanes, each a box in the view's coordinates: first one per row, then the trunk between each two rows. */
    List<ClusterLayout.Box> lanes() {
        return lanes;
    }

    /** How thick a lane is: a dot as big as this fills it. */
    double laneThickness() {
        return Math.max(2, Math.floor(layout.gutter - 2 * clearance));
    }

    /**
     * The way from one endpoint to another as x, y pairs, or null when one of them is not in the view: along
     * the sender's lane, down or up the trunk when the receiver is in another row, along the receiver's lane.
     */
    double[] route(int from, int to) {
        long key = ((long) from << 32) | (to & 0xffffffffL);
        double[] known = routes.get(key);
        if (known == null && !routes.containsKey(key)) {
            known = makeRoute(from, to);
            routes.put(key, known);
        }
        return known;
    }

    private double[] makeRoute(int from, int to) {
        double[] a = anchor(from);
        double[] b = anchor(to);
        if (a == null || b == null) {
            return null;
        }
        if (a[1] == b[1]) {
            return new double[] {a[0], a[1], b[0], b[1]};
        }
        return new double[] {a[0], a[1], trunkX, a[1], trunkX, b[1], b[0], b[1]};
    }

    /** The middle of the lane above an endpoint: under the clients or the controller, or above a card. */
    private double[] anchor(int endpoint) {
        if (rowTops.length == 0) {
            return null;
        }
        double topLane = rowTops[0] - layout.gutter / 2;
        if (endpoint == CLIENTS) {
            return new double[] {layout.clients.centerX(), topLane};
        }
        if (endpoint == CONTROLLER) {
            return new double[] {layout.controller.centerX(), topLane};
        }
        ClusterLayout.Card card = layout.cardOf(endpoint);
        return card == null
                ? null
                : new double[] {card.box().centerX(), card.box().y() - layout.gutter / 2};
    }

    /**
     * The point a fraction {@code t} (0 to 1) of the way along a route, and whether it is on a vertical
     * stretch: {x, y, 1} on one, {x, y, 0} on a horizontal one.
     */
    static double[] along(double[] route, double t) {
        double length = 0;
        for (int i = 2; i < route.length; i += 2) {
            length += Math.abs(route[i] - route[i - 2]) + Math.abs(route[i + 1] - route[i - 1]);
        }
        double left = Math.min(1, Math.max(0, t)) * length;
        for (int i = 2; i < route.length; i += 2) {
            double dx = route[i] - route[i - 2];
            double dy = route[i + 1] - route[i - 1];
            double step = Math.abs(dx) + Math.abs(dy);
            if (left <= step && step > 0) {
                double f = left / step;
                return new double[] {route[i - 2] + dx * f, route[i - 1] + dy * f, dy != 0 ? 1 : 0};
            }
            left -= step;
        }
        return new double[] {route[route.length - 2], route[route.length - 1], 0};
    }
}
