package leaderlab.app.window;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What the cluster canvas draws over its chip buffer, piece by piece: a card's border, title, state badge
 * and controller-belief line, chip labels, and cut links (the clients and controller boxes are
 * {@link EndpointText}'s). Stateless, so a whole repaint and a repaint of one card draw the same pixels.
 */
final class CardPainter {

    private CardPainter() {}

    static void drawCard(
            GraphicsContext g, CardFrame.Header header, ClusterLayout.Card card, Palette palette, double zoom) {
        ClusterLayout.Box box = card.box();
        BrokerStatus status = header.status();
        boolean down = status == BrokerStatus.STOPPED || status == BrokerStatus.FENCED;
        g.setStroke(palette.broker(status));
        double lineWidth = (status == BrokerStatus.RUNNING ? 2 : 5) * zoom;
        g.setLineWidth(lineWidth);
        g.setLineDashes(
                status == BrokerStatus.STOPPED
                        ? new double[] {12 * zoom, 8 * zoom}
                        : status == BrokerStatus.ISOLATED ? new double[] {4 * zoom, 4 * zoom} : null);
        // At most a zoomed pixel outside the box (CardView.border): a thick border grows inwards.
        double inset = Math.max(0, lineWidth / 2 - zoom);
        g.strokeRect(box.x() + inset, box.y() + inset, box.w() - 2 * inset, box.h() - 2 * inset);
        g.setLineDashes();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(down ? palette.mutedText() : palette.text());
        g.setFont(titleFont(header.title(), box, zoom));
        g.fillText(header.title(), box.x() + 10 * zoom, box.y() + 6 * zoom, titleRoom(box, zoom));
        drawStatus(g, status, header.word(), box, palette, zoom);
        if (header.belief() != null) {
            g.setFill(palette.fault());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            for (BeliefLine line : beliefLines(header.belief(), card, zoom)) {
                g.setFont(line.font());
                g.fillText(line.text(), box.x() + 10 * zoom, line.y(), beliefRoom(box, zoom));
            }
        }
    }

    /** How wide a card's title may be: the card's width less its padding. */
    static double titleRoom(ClusterLayout.Box box, double zoom) {
        return box.w() - 20 * zoom;
    }

    /**
     * A card's title type: 24 zoomed px, smaller (down to four fifths) rather than squeezed glyphs where the
     * card is narrow (eight cards a row at 1600x1000 narrowed "Broker 8" by an eighth).
     */
    static Font titleFont(String title, ClusterLayout.Box box, double zoom) {
        Font full = Font.font("System", FontWeight.BOLD, 24 * zoom);
        double fit = titleRoom(box, zoom) / ClusterCanvas.textWidth(title, full);
        return fit >= 1 ? full : Font.font("System", FontWeight.BOLD, 24 * zoom * Math.max(0.8, fit));
    }

    /**
     * How wide a belief line may be: from the title's left edge to the chips' right edge (8 zoomed px in),
     * the card's whole width for it; beside a lesson in presenter mode "controller: unfenced" needs all of it.
     */
    static double beliefRoom(ClusterLayout.Box box, double zoom) {
        return box.w() - 18 * zoom;
    }

    /** A line of the controller's belief as drawn: its words, its type and its top. */
    record BeliefLine(String text, Font font, double y) {}

    /**
     * How {@code card} sets {@code belief}: on one line where it fits in the card's belief type, else, where
     * the card has two lines (presenter mode), what the controller believes over its countdown. Smaller type
     * rather than squeezed glyphs where a line still does not fit, down to three quarters of the size (beyond
     * that the glyphs narrow: fillText's maxWidth); every line in the same type.
     */
    static java.util.List<BeliefLine> beliefLines(String belief, ClusterLayout.Card card, double zoom) {
        ClusterLayout.Box box = card.box();
        ClusterLayout.BeliefType type = card.belief();
        double room = beliefRoom(box, zoom);
        Font full = Font.font("System", FontWeight.BOLD, type.fontPx());
        int split = belief.indexOf(" · ");
        java.util.List<String> texts = ClusterCanvas.textWidth(belief, full) <= room || type.lines() < 2 || split < 0
                ? java.util.List.of(belief)
                : java.util.List.of(belief.substring(0, split), belief.substring(split + 3));
        double fit = 1;
        for (String text : texts) {
            fit = Math.min(fit, room / ClusterCanvas.textWidth(text, full));
        }
        Font font = fit >= 1 ? full : Font.font("System", FontWeight.BOLD, type.fontPx() * Math.max(0.75, fit));
        java.util.List<BeliefLine> lines = new java.util.ArrayList<>();
        double top = box.y() + ClusterLayout.BELIEF_TOP * zoom;
        for (String text : texts) {
            lines.add(new BeliefLine(text, font, top + lines.size() * ClusterLayout.BELIEF_LEADING * type.fontPx()));
        }
        return lines;
    }

    static void labelChips(
            GraphicsContext g,
            ClusterSnapshot snapshot,
            ClusterLayout.Card card,
            ReplicaState[] states,
            Palette palette) {
        if (card.chipH() < ChipRaster.LABEL_MIN_HEIGHT) {
            return;
        }
        for (int i = 0; i < states.length; i++) {
            labelChip(g, snapshot, card, i, states[i], palette);
        }
    }

    static void labelChip(
            GraphicsContext g,
            ClusterSnapshot snapshot,
            ClusterLayout.Card card,
            int index,
            ReplicaState state,
            Palette palette) {
        PartitionRegistration partition = snapshot.metadata().partitions().get(card.partitionIds()[index]);
        ClusterLayout.Box chip = card.chip(index);
        ChipRaster.label(g, palette, state, partition.name(), chip.x(), chip.y(), chip.w(), chip.h());
    }

    /** Where a card's state badge reading {@code word} is drawn: below the title, as wide as the word. */
    static ClusterLayout.Box badge(String word, ClusterLayout.Box box, double zoom) {
        double h = ClusterLayout.BADGE_HEIGHT * zoom;
        double w = Math.min(box.w() - 20 * zoom, ClusterCanvas.textWidth(word, badgeFont(zoom)) + h + 10 * zoom);
        return new ClusterLayout.Box(box.x() + 10 * zoom, box.y() + ClusterLayout.BADGE_TOP * zoom, w, h);
    }

    static Font badgeFont(double zoom) {
        return Font.font("System", FontWeight.BOLD, 14 * zoom);
    }

    /** The broker's state as a word in a badge whose shape also differs: a cross when down. */
    static void drawStatus(
            GraphicsContext g, BrokerStatus status, String word, ClusterLayout.Box box, Palette palette, double zoom) {
        ClusterLayout.Box badge = badge(word, box, zoom);
        double x = badge.x();
        double y = badge.y();
        double h = badge.h();
        double w = badge.w();
        g.setFont(badgeFont(zoom));
        g.setFill(palette.broker(status));
        g.fillRoundRect(x, y, w, h, h, h);
        g.setFill(palette.dark() ? palette.background() : palette.card());
        g.setStroke(g.getFill());
        g.setLineWidth(2.5 * zoom);
        double cx = x + h / 2;
        double cy = y + h / 2;
        double r = h * 0.28;
        switch (status) {
            case STOPPED, FENCED -> {
                g.strokeLine(cx - r, cy - r, cx + r, cy + r);
                g.strokeLine(cx - r, cy + r, cx + r, cy - r);
            }
            case RUNNING, STARTING -> g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            case CONTROLLED_SHUTDOWN -> g.fillRect(cx - r, cy - r, 2 * r, 2 * r);
            case ISOLATED -> g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
        g.setTextBaseline(VPos.CENTER);
        g.fillText(word, x + h, cy, w - h - 6 * zoom);
    }

    /** How wide a cut line is drawn, in pixels at {@code zoom}. */
    static double cutLineWidth(double zoom) {
        return 3 * zoom;
    }

    /** The disc behind a cut's cross: at the middle of the path's longest segment. */
    static ClusterLayout.Box cross(double[] path, double zoom) {
        double mx = path[0];
        double my = path[1];
        double longest = -1;
        for (int i = 2; i + 1 < path.length; i += 2) {
            double length = Math.hypot(path[i] - path[i - 2], path[i + 1] - path[i - 1]);
            if (length > longest) {
                longest = length;
                mx = (path[i - 2] + path[i]) / 2;
                my = (path[i - 1] + path[i + 1]) / 2;
            }
        }
        double radius = 13.5 * zoom;
        return new ClusterLayout.Box(mx - radius, my - radius, 2 * radius, 2 * radius);
    }

    /**
     * A cut link along a path of x, y pairs: a dashed line in the fault colour with a bold cross at the
     * middle of its longest segment.
     */
    static void cutLine(GraphicsContext g, double[] path, Palette palette, double zoom) {
        g.setStroke(palette.fault());
        g.setLineWidth(cutLineWidth(zoom));
        g.setLineDashes(10 * zoom, 6 * zoom);
        for (int i = 2; i + 1 < path.length; i += 2) {
            g.strokeLine(path[i - 2], path[i - 1], path[i], path[i + 1]);
        }
        g.setLineDashes();
        ClusterLayout.Box cross = cross(path, zoom);
        double mx = cross.x() + cross.w() / 2;
        double my = cross.y() + cross.h() / 2;
        double r = cross.w() / 3;
        g.setFill(palette.card());
        g.fillOval(cross.x(), cross.y(), cross.w(), cross.h());
        g.setLineWidth(4 * zoom);
        g.strokeLine(mx - r, my - r, mx + r, my + r);
        g.strokeLine(mx - r, my + r, mx + r, my - r);
    }
}
