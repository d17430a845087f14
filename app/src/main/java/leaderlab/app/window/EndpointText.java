package leaderlab.app.window;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The clients and controller boxes on top of the cluster view: a title and, under it, a subtitle, or in
 * its place an alarm ("PRODUCE FAILED") in the fault colour. Each line is placed under the one above by
 * its measured height, so no line is drawn over another at any zoom.
 */
final class EndpointText {

    /** A line of text as drawn: from its top-left corner, squeezed to at most {@code maxWidth}. */
    record Line(String text, Font font, double x, double y, double maxWidth, Role role) {
        /** Where its glyphs can reach: its width (as squeezed) by its line height. */
        ClusterLayout.Box box() {
            Text measure = new Text(text);
            measure.setFont(font);
            double w = Math.min(maxWidth, measure.getLayoutBounds().getWidth());
            return new ClusterLayout.Box(x, y, w, measure.getLayoutBounds().getHeight());
        }
    }

    enum Role {
        TITLE,
        SUBTITLE,
        ALARM
    }

    private EndpointText() {}

    /** The lines of a box: its title, then {@code alarm} if not null, else {@code subtitle}. */
    static List<Line> lines(ClusterLayout.Box box, String title, String subtitle, String alarm, double zoom) {
        double x = box.x() + 10 * zoom;
        double maxWidth = box.w() - 16 * zoom;
        Line top = new Line(
                title, Font.font("System", FontWeight.BOLD, 17 * zoom), x, box.y() + 3 * zoom, maxWidth, Role.TITLE);
        double below = top.box().y() + top.box().h();
        Line second = alarm == null
                ? new Line(subtitle, Font.font("System", 12 * zoom), x, below, maxWidth, Role.SUBTITLE)
                : new Line(alarm, Font.font("System", FontWeight.BOLD, 12 * zoom), x, below, maxWidth, Role.ALARM);
        return List.of(top, second);
    }

    /** Draws the box's border and lines; an alarm also rings the box in the fault colour. */
    static void draw(GraphicsContext g, ClusterLayout.Box box, List<Line> lines, Palette palette, double zoom) {
        g.setStroke(palette.cardBorder());
        g.setLineWidth(1.5);
        g.setLineDashes();
        g.strokeRect(box.x(), box.y(), box.w(), box.h());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (Line line : lines) {
            Color fill = switch (line.role()) {
                case TITLE -> palette.text();
                case SUBTITLE -> palette.mutedText();
                case ALARM -> palette.fault();
            };
            if (line.role() == Role.ALARM) {
                g.setStroke(fill);
                g.setLineWidth(5 * zoom);
                g.strokeRect(box.x() - 2 * zoom, box.y() - 2 * zoom, box.w() + 4 * zoom, box.h() + 4 * zoom);
            }
            g.setFill(fill);
            g.setFont(line.font());
            g.fillText(line.text(), line.x(), line.y(), line.maxWidth());
        }
    }
}
