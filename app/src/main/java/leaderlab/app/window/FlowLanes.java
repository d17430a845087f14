package leaderlab.app.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The message flow's dots, drawn on one thin canvas per lane of {@link FlowRoutes} (the gaps between
 * the cards). A frame that moves the dots dirties only the lanes whose dots moved, a few strips, where
 * dots as nodes all over the view made JavaFX repaint most of it (it merges more than 12 dirty children
 * of a group into the group's bounds; a grid of up to 6 rows has at most 11 lanes).
 */
final class FlowLanes extends Group {

    /**
     * Dots move at most 30 times a second: on a projector the flow reads the same, and the frames between
     * repaint only what else changed.
     */
    static final long MOVE_INTERVAL_NANOS = 33_000_000L;

    private final List<Canvas> canvases = new ArrayList<>();
    /** Per lane, the dots last drawn and the dots of this frame, as x, y, side, argb quadruples. */
    private double[][] drawn = new double[0][];

    private double[][] next = new double[0][];
    private int[] drawnCount = new int[0];
    private int[] nextCount = new int[0];
    private FlowRoutes routes;
    private ClusterLayout routesFor;
    private long movedNanos;
    private int lanesRepainted;

    FlowLanes() {
        setMouseTransparent(true);
        setManaged(false);
    }

    /** Shows this frame's dots ({@code flow} null: none). */
    void show(MessageFlow flow, ClusterLayout layout, Palette palette) {
        long now = System.nanoTime();
        if (layout != routesFor) {
            place(layout);
        } else if (flow != null && now - movedNanos < MOVE_INTERVAL_NANOS) {
            return;
        }
        movedNanos = now;
        Arrays.fill(nextCount, 0);
        if (flow != null) {
            flow.draw(this::collect, routes, palette);
        }
        for (int lane = 0; lane < canvases.size(); lane++) {
            if (nextCount[lane] != drawnCount[lane]
                    || !Arrays.equals(next[lane], 0, nextCount[lane], drawn[lane], 0, drawnCount[lane])) {
                paint(lane);
            }
        }
    }

    /** How many lane canvases were repainted so far (for tests: a still flow repaints none). */
    int lanesRepainted() {
        return lanesRepainted;
    }

    FlowRoutes routes() {
        return routes;
    }

    private void place(ClusterLayout layout) {
        routesFor = layout;
        routes = new FlowRoutes(layout);
        List<ClusterLayout.Box> lanes = routes.lanes();
        while (canvases.size() < lanes.size()) {
            Canvas canvas = new Canvas();
            canvas.setManaged(false);
            canvases.add(canvas);
            getChildren().add(canvas);
        }
        while (canvases.size() > lanes.size()) {
            getChildren().remove(canvases.remove(canvases.size() - 1));
        }
        for (int lane = 0; lane < lanes.size(); lane++) {
            ClusterLayout.Box box = lanes.get(lane);
            Canvas canvas = canvases.get(lane);
            canvas.setWidth(box.w());
            canvas.setHeight(box.h());
            canvas.relocate(box.x(), box.y());
            canvas.getGraphicsContext2D().setTransform(1, 0, 0, 1, -box.x(), -box.y());
            canvas.getGraphicsContext2D().clearRect(box.x(), box.y(), box.w(), box.h());
        }
        drawn = new double[lanes.size()][16];
        next = new double[lanes.size()][16];
        drawnCount = new int[lanes.size()];
        nextCount = new int[lanes.size()];
    }

    /** Files a dot under every lane it overlaps (one at a corner where a lane turns overlaps two). */
    private void collect(double x, double y, double side, Color color) {
        // Whole pixels: a square on the pixel grid is a plain fill, no anti-aliased edge to blend.
        double left = Math.round(x - side / 2);
        double top = Math.round(y - side / 2);
        double size = Math.max(2, Math.round(side));
        List<ClusterLayout.Box> lanes = routes.lanes();
        for (int lane = 0; lane < lanes.size(); lane++) {
            ClusterLayout.Box box = lanes.get(lane);
            if (left < box.x() + box.w() && left + size > box.x() && top < box.y() + box.h() && top + size > box.y()) {
                if (nextCount[lane] + 4 > next[lane].length) {
                    next[lane] = Arrays.copyOf(next[lane], next[lane].length * 2);
                }
                double[] dots = next[lane];
                int n = nextCount[lane];
                dots[n] = left;
                dots[n + 1] = top;
                dots[n + 2] = size;
                dots[n + 3] = argb(color);
                nextCount[lane] = n + 4;
            }
        }
    }

    private void paint(int lane) {
        ClusterLayout.Box box = routes.lanes().get(lane);
        GraphicsContext g = canvases.get(lane).getGraphicsContext2D();
        g.clearRect(box.x(), box.y(), box.w(), box.h());
        double[] dots = next[lane];
        for (int i = 0; i < nextCount[lane]; i += 4) {
            int argb = (int) dots[i + 3];
            g.setFill(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, ((argb >>> 24) & 0xff) / 255.0));
            g.fillRect(dots[i], dots[i + 1], dots[i + 2], dots[i + 2]);
        }
        double[] swap = drawn[lane];
        drawn[lane] = next[lane];
        next[lane] = swap;
        drawnCount[lane] = nextCount[lane];
        lanesRepainted++;
    }

    private static int argb(Color color) {
        return ((int) Math.round(color.getOpacity() * 255) << 24)
                | ((int) Math.round(color.getRed() * 255) << 16)
                | ((int) Math.round(color.getGreen() * 255) << 8)
                | (int) Math.round(color.getBlue() * 255);
    }
}
