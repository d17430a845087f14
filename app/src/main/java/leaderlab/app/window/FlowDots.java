package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The message flow's dots as small nodes over the cards. Each dot dirties only the few pixels it moves
 * across, where a layer the size of the view would make JavaFX repaint the whole view every frame.
 * The rectangles are pooled: a frame moves the ones it needs and hides the rest.
 */
final class FlowDots extends Group {

    /**
     * Dots move at most 30 times a second: on a projector the flow reads the same, and the frames between
     * repaint only what else changed (in software rendering, dots across the view cost most of a frame).
     */
    static final long MOVE_INTERVAL_NANOS = 33_000_000L;

    private final List<Rectangle> pool = new ArrayList<>();
    private int shown;
    private long movedNanos;
    private ClusterLayout movedFor;

    FlowDots() {
        setMouseTransparent(true);
        setManaged(false);
    }

    /** Shows this frame's dots ({@code flow} null: none). */
    void show(MessageFlow flow, ClusterLayout layout, Palette palette, double zoom) {
        long now = System.nanoTime();
        if (flow != null && layout == movedFor && now - movedNanos < MOVE_INTERVAL_NANOS) {
            return;
        }
        movedNanos = now;
        movedFor = layout;
        int before = shown;
        shown = 0;
        if (flow != null) {
            flow.draw(this::place, layout, palette, zoom);
        }
        for (int i = shown; i < before; i++) {
            pool.get(i).setVisible(false);
        }
    }

    int dotsShown() {
        return shown;
    }

    private void place(double x, double y, double halfSide, Color color) {
        if (shown == pool.size()) {
            Rectangle dot = new Rectangle();
            pool.add(dot);
            getChildren().add(dot);
        }
        Rectangle dot = pool.get(shown++);
        // Whole pixels: a square on the pixel grid is a plain fill, no anti-aliased edge to blend.
        double side = Math.max(2, Math.round(2 * halfSide));
        dot.setX(Math.round(x - side / 2));
        dot.setY(Math.round(y - side / 2));
        dot.setWidth(side);
        dot.setHeight(side);
        if (!color.equals(dot.getFill())) {
            dot.setFill(color);
        }
        dot.setVisible(true);
    }
}
