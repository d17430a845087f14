package leaderlab.app.window;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * The network's cut links over the cluster view: a stub above a card cut from clients or the controller,
 * and a line between two cut brokers. A line never crosses a third broker's card: neighbours in a row
 * are joined across the gap between them, other pairs along the gaps above the rows and between the
 * columns. Its own layer, repainted only when the cuts change.
 */
final class CutLinks extends Canvas {

    /** How far above a card's chips a cut between neighbours runs, in unzoomed pixels. */
    static final double CUT_ABOVE_CHIPS = 8;

    private Object drawnKey;

    CutLinks() {
        setMouseTransparent(true);
        setManaged(false);
    }

    void render(ClusterLayout layout, NetworkCuts cuts, Palette palette, double zoom) {
        Object key = java.util.List.of(layout, cuts.key(), palette);
        if (key.equals(drawnKey)) {
            return;
        }
        drawnKey = key;
        setWidth(layout.width);
        setHeight(layout.height);
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        boolean any = false;
        for (ClusterLayout.Card card : layout.cards) {
            if (cuts.cutFromClients(card.brokerId()) || cuts.cutFromController(card.brokerId())) {
                CardPainter.cutLine(g, stub(card.box(), zoom), palette, zoom * 0.7);
                any = true;
            }
        }
        for (NetworkCuts.Pair pair : cuts.brokerPairs()) {
            ClusterLayout.Card a = layout.cardOf(pair.low());
            ClusterLayout.Card b = layout.cardOf(pair.high());
            if (a != null && b != null) {
                CardPainter.cutLine(g, route(layout, a, b, zoom), palette, zoom);
                any = true;
            }
        }
        // An empty layer costs nothing when hidden; shown, JavaFX blends it wherever the view repaints.
        setVisible(any);
    }

    /** The stub above a card cut from clients or the controller: down onto its top edge, near the right corner. */
    static double[] stub(ClusterLayout.Box box, double zoom) {
        double x = box.x() + box.w() - 22 * zoom;
        return new double[] {x, box.y() - 14 * zoom, x, box.y() + 4 * zoom};
    }

    /**
     * The path of a cut between two cards, as x, y pairs through the gaps of the grid only. Neighbours
     * in a row: straight across their gap, low in the header, below its title, state badge and belief line
     * (at the badge's height the line ran into the right card's badge). Otherwise up from the upper card into the gap
     * above its row, along it to the gap left of the lower card's column, down that gap to the gap above
     * the lower card's row, and across to the lower card's top.
     */
    static double[] route(ClusterLayout layout, ClusterLayout.Card a, ClusterLayout.Card b, double zoom) {
        ClusterLayout.Box upper = a.box().y() <= b.box().y() ? a.box() : b.box();
        ClusterLayout.Box lower = upper == a.box() ? b.box() : a.box();
        double gutter = layout.gutter;
        boolean sameRow = upper.y() == lower.y();
        if (sameRow) {
            ClusterLayout.Box left = upper.x() < lower.x() ? upper : lower;
            ClusterLayout.Box right = left == upper ? lower : upper;
            double y = left.y() + layout.headerHeight - CUT_ABOVE_CHIPS * zoom;
            if (right.x() - (left.x() + left.w()) < gutter * 1.5) {
                return new double[] {left.x() + left.w(), y, right.x(), y};
            }
            double above = left.y() - gutter / 2;
            return new double[] {
                left.centerX(), left.y(), left.centerX(), above, right.centerX(), above, right.centerX(), right.y()
            };
        }
        if (upper.x() == lower.x() && lower.y() - (upper.y() + upper.h()) < gutter * 1.5) {
            return new double[] {
                upper.centerX(), upper.y() + upper.h() - 6 * zoom, lower.centerX(), lower.y() + 6 * zoom
            };
        }
        double aboveUpper = upper.y() - gutter / 2;
        double aboveLower = lower.y() - gutter / 2;
        double column = lower.x() - gutter / 2;
        return new double[] {
            upper.centerX(),
            upper.y(),
            upper.centerX(),
            aboveUpper,
            column,
            aboveUpper,
            column,
            aboveLower,
            lower.centerX(),
            aboveLower,
            lower.centerX(),
            lower.y()
        };
    }
}
