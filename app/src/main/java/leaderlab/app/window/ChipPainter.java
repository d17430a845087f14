package leaderlab.app.window;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * Draws replica chips so that shape carries the state as well as colour: a leader is filled with a
 * bold outline and a crown; an in-sync follower has a solid outline; an out-of-sync follower a dashed
 * one; an offline replica is grey, hatched and crossed. Small chips (large clusters) keep the shapes
 * and drop the label.
 */
final class ChipPainter {

    /** Below this height a chip has no room for a label. */
    static final double LABEL_MIN_HEIGHT = 18;

    private ChipPainter() {
    }

    static void paint(GraphicsContext g, Palette palette, ReplicaState state, String label, double x, double y,
                      double w, double h, boolean highlighted) {
        boolean small = h < LABEL_MIN_HEIGHT;
        double line = small ? 1 : Math.max(1.5, h / 14);
        g.setLineDashes();
        g.setLineCap(StrokeLineCap.BUTT);
        switch (state) {
            case LEADER -> {
                g.setFill(palette.leader());
                g.fillRect(x, y, w, h);
                g.setStroke(palette.text());
                g.setLineWidth(line * 2);
                g.strokeRect(x + line, y + line, w - 2 * line, h - 2 * line);
                if (!small) {
                    crown(g, palette, x + h * 0.18, y + h * 0.22, h * 0.56);
                }
            }
            case IN_SYNC -> {
                g.setFill(palette.card());
                g.fillRect(x, y, w, h);
                g.setStroke(palette.inSync());
                g.setLineWidth(line * 1.5);
                g.strokeRect(x + line, y + line, w - 2 * line, h - 2 * line);
            }
            case OUT_OF_SYNC -> {
                g.setFill(palette.card());
                g.fillRect(x, y, w, h);
                g.setStroke(palette.outOfSync());
                g.setLineWidth(line * 1.5);
                double dash = Math.max(2, h / 5);
                g.setLineDashes(dash, dash * 0.7);
                g.strokeRect(x + line, y + line, w - 2 * line, h - 2 * line);
                g.setLineDashes();
            }
            case OFFLINE -> {
                g.setFill(palette.card());
                g.fillRect(x, y, w, h);
                g.setStroke(palette.offline());
                g.setLineWidth(1);
                if (!small) {
                    hatch(g, x, y, w, h);
                }
                g.setLineWidth(line * 1.5);
                g.strokeLine(x + 2, y + 2, x + h - 2, y + h - 2);
                g.strokeLine(x + 2, y + h - 2, x + h - 2, y + 2);
                g.strokeRect(x + line, y + line, w - 2 * line, h - 2 * line);
            }
        }
        if (!small) {
            g.setFill(state == ReplicaState.LEADER ? palette.leaderText() : state == ReplicaState.OFFLINE
                    ? palette.mutedText() : palette.text());
            g.setFont(Font.font("System", FontWeight.BOLD, h * 0.56));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, x + h * 0.95, y + h / 2, w - h * 1.05);
        }
        if (highlighted) {
            g.setStroke(palette.highlight());
            g.setLineWidth(Math.max(2, h / 7));
            g.strokeRect(x - 2, y - 2, w + 4, h + 4);
        }
    }

    private static void crown(GraphicsContext g, Palette palette, double x, double y, double size) {
        double[] xs = {x, x, x + size * 0.25, x + size * 0.5, x + size * 0.75, x + size, x + size};
        double[] ys = {y + size, y + size * 0.2, y + size * 0.55, y, y + size * 0.55, y + size * 0.2, y + size};
        g.setFill(palette.leaderText());
        g.fillPolygon(xs, ys, xs.length);
    }

    private static void hatch(GraphicsContext g, double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        for (double d = -h; d < w; d += 6) {
            g.strokeLine(x + d, y + h, x + d + h, y);
        }
        g.restore();
    }
}
