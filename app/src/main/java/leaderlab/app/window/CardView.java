package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * One broker card of the cluster view as a node of its own: a canvas just the size of the card and its
 * border. A change on one broker dirties only this node, so JavaFX repaints that card's pixels, not the
 * whole view (in software rendering the whole view costs more than a frame). Within the card it
 * repaints only the chips that changed or whose pulse ring thinned, when it can.
 */
final class CardView extends Canvas {

    private final ChipRaster chips = new ChipRaster();
    private final ChipPulses pulses = new ChipPulses();
    private CardFrame drawn;
    /** The pulse ring width each chip was last drawn with, in pixels (0: none). */
    private int[] ringDrawn = new int[0];

    private int originX;
    private int originY;

    CardView() {
        setMouseTransparent(true);
        setManaged(false);
    }

    /**
     * Paints {@code next}: nothing when it shows what was drawn (pulse rings included), the chips that
     * changed or pulse when only they differ, else the whole card.
     *
     * @return whether the whole card was painted
     */
    boolean render(ClusterSnapshot snapshot, CardFrame next, double zoom, long nowNanos) {
        if (drawn == null || drawn.card != next.card) {
            place(next.card, zoom);
        } else {
            for (int i = 0; i < next.states.length; i++) {
                if (next.states[i] != drawn.states[i]) {
                    pulses.changed(i, nowNanos);
                }
            }
        }
        if (!needsPaint(next, nowNanos)) {
            return false;
        }
        List<Integer> due = pulses.due(nowNanos);
        boolean whole = !next.continues(drawn) || !chips.canContinue(getWidth(), getHeight());
        if (whole) {
            paintWhole(snapshot, next, zoom, nowNanos);
        } else {
            repaintChips(snapshot, next, due, nowNanos);
        }
        drawn = next;
        return whole;
    }

    boolean pulsing() {
        return pulses.pulsing();
    }

    /** Whether {@link #render} would paint {@code next}: it shows something else, or a pulse ring thinned. */
    boolean needsPaint(CardFrame next, long nowNanos) {
        return !shows(next) || ringsMoved(nowNanos);
    }

    /** Whether the card shows {@code frame}'s chips, header and rings (pulses aside). */
    boolean shows(CardFrame frame) {
        return drawn != null && drawn.card == frame.card && frame.sameAs(drawn);
    }

    private boolean ringsMoved(long nowNanos) {
        for (int chip : pulses.chips()) {
            if (ringWidth(drawn.card, chip, nowNanos) != ringDrawn[chip]) {
                return true;
            }
        }
        return false;
    }

    /**
     * How far the canvas reaches beyond its card's box, in pixels: the part of the border stroke outside
     * the box ({@link CardPainter#drawCard} keeps it within a zoomed pixel) and a pixel of anti-aliasing.
     * The message flow's lanes keep clear of it ({@link FlowRoutes}).
     */
    static int border(double zoom) {
        return (int) Math.ceil(zoom) + 1;
    }

    /** Sizes and moves the canvas to the card with room for its border; a new card forgets the old pulses. */
    private void place(ClusterLayout.Card card, double zoom) {
        ClusterLayout.Box box = card.box();
        int border = border(zoom);
        originX = (int) Math.floor(box.x()) - border;
        originY = (int) Math.floor(box.y()) - border;
        setWidth((int) Math.ceil(box.x() + box.w()) + border - originX);
        setHeight((int) Math.ceil(box.y() + box.h()) + border - originY);
        relocate(originX, originY);
        // The painters draw in the view's coordinates; the canvas shows its part of them.
        getGraphicsContext2D().setTransform(1, 0, 0, 1, -originX, -originY);
        pulses.clear();
        ringDrawn = new int[card.partitionIds().length];
        drawn = null;
    }

    private void paintWhole(ClusterSnapshot snapshot, CardFrame frame, double zoom, long nowNanos) {
        ClusterLayout.Card card = frame.card;
        Palette palette = frame.palette;
        GraphicsContext g = getGraphicsContext2D();
        chips.begin(originX, originY, getWidth(), getHeight(), palette.background());
        ClusterLayout.Box box = card.box();
        chips.rect(box.x(), box.y(), box.w(), box.h(), palette.card());
        for (int i = 0; i < frame.states.length; i++) {
            ClusterLayout.Box chip = card.chip(i);
            chips.chip(palette, frame.states[i], chip.x(), chip.y(), chip.w(), chip.h(), i == frame.hoveredChip);
        }
        for (int i = 0; i < frame.states.length; i++) {
            ring(frame, i, nowNanos);
        }
        chips.drawTo(g);
        CardPainter.drawCard(g, frame.header, card, palette, zoom);
        CardPainter.labelChips(g, snapshot, card, frame.states, palette);
        drawFailureRings(g, frame, zoom);
    }

    /**
     * Repaints the pulsing chips (the changed ones among them, and those whose pulse just ended) over the
     * last frame: first their surroundings (a ring lies in the gap a neighbour's ring shares), then the
     * chips and their rings, then their labels.
     */
    private void repaintChips(ClusterSnapshot snapshot, CardFrame frame, List<Integer> due, long nowNanos) {
        ClusterLayout.Card card = frame.card;
        Palette palette = frame.palette;
        List<ClusterLayout.Box> regions = new ArrayList<>();
        for (int i : due) {
            ClusterLayout.Box around = around(card, card.chip(i));
            chips.rect(around.x(), around.y(), around.w(), around.h(), palette.card());
            regions.add(around);
        }
        for (int i : due) {
            ClusterLayout.Box chip = card.chip(i);
            chips.chip(palette, frame.states[i], chip.x(), chip.y(), chip.w(), chip.h(), i == frame.hoveredChip);
            ring(frame, i, nowNanos);
        }
        GraphicsContext g = getGraphicsContext2D();
        chips.drawRegions(g, regions);
        for (int i : due) {
            CardPainter.labelChip(g, snapshot, card, i, frame.states[i], palette);
        }
    }

    private void ring(CardFrame frame, int chipIndex, long nowNanos) {
        int width = ringWidth(frame.card, chipIndex, nowNanos);
        ringDrawn[chipIndex] = width;
        if (width > 0) {
            ClusterLayout.Box chip = frame.card.chip(chipIndex);
            chips.ring(chip.x(), chip.y(), chip.w(), chip.h(), width, frame.palette.highlight());
        }
    }

    /** Whole pixels, so a pulse repaints its chip only the few times its ring gets thinner. */
    private int ringWidth(ClusterLayout.Card card, int chipIndex, long nowNanos) {
        return (int) Math.ceil(pulseRingMax(card) * pulses.left(chipIndex, nowNanos));
    }

    /**
     * The pixels of a chip (rounded as {@link ChipRaster#chip} rounds them) and, all round, the part of
     * its gap its pulse ring may take. Clearing and copying exactly these never touches a neighbour chip
     * or the card's border, which the canvas draws over the buffer.
     */
    private static ClusterLayout.Box around(ClusterLayout.Card card, ClusterLayout.Box chip) {
        int margin = pulseRingMax(card);
        return new ClusterLayout.Box(
                Math.round(chip.x()) - margin,
                Math.round(chip.y()) - margin,
                Math.max(1, Math.round(chip.w())) + 2 * margin,
                Math.max(1, Math.round(chip.h())) + 2 * margin);
    }

    /** A pixel short of the gap between chips, and well inside the card's padding (its border is drawn there). */
    private static int pulseRingMax(ClusterLayout.Card card) {
        double pad = card.chipX() - card.box().x();
        return (int) Math.max(0, Math.min(Math.floor(card.gap()) - 1, Math.floor(pad * 0.6)));
    }

    /** Failed produces, which only clients feel: a red frame round the leader's chip. */
    private static void drawFailureRings(GraphicsContext g, CardFrame frame, double zoom) {
        if (frame.ringed.length == 0) {
            return;
        }
        g.setStroke(frame.palette.fault());
        g.setLineDashes();
        g.setLineWidth(4 * zoom);
        for (int index : frame.ringed) {
            ClusterLayout.Box chip = frame.card.chip(index);
            g.strokeRect(chip.x() - 3 * zoom, chip.y() - 3 * zoom, chip.w() + 6 * zoom, chip.h() + 6 * zoom);
        }
    }
}
