package leaderlab.app.window;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * One partition's history as four lanes over the kept snapshots: who led (a band per leader, with
 * its id), the leader epoch, the ISR size and the high watermark. Scrubbed into the past, the lanes end
 * at the moment shown, as they were drawn then (as the timeline and the metrics rewind), and a cursor
 * marks that end.
 */
public final class Swimlanes extends Pane {

    private static final String[] LANES = {"leader", "epoch", "ISR size", "HW"};

    private final Canvas canvas = new Canvas();
    /** The newest snapshot the lanes were last drawn to, or null (for tests: live or the scrubbed moment). */
    private ClusterSnapshot drawnTo;

    public Swimlanes() {
        getChildren().add(canvas);
        // An opaque pane under the canvas lets JavaFX repaint from here down, not from the window root.
        getStyleClass().add("canvas-pane");
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        setMinHeight(90);
    }

    /** @param cursor index into history of the moment shown, or -1 when live: the lanes end there */
    public void render(SnapshotHistory history, String partitionName, int cursor, Palette palette, double zoom) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, width, height);
        // Nothing after the moment shown: over a past moment the lanes must not tell what came later.
        int n = cursor >= 0 ? Math.min(cursor + 1, history.size()) : history.size();
        drawnTo = n > 0 ? history.get(n - 1) : null;
        double labelW = 80 * zoom;
        double laneH = height / LANES.length;
        g.setFont(Font.font("System", FontWeight.BOLD, 12 * zoom));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int lane = 0; lane < LANES.length; lane++) {
            g.setFill(palette.mutedText());
            g.fillText(LANES[lane], 4 * zoom, lane * laneH + laneH / 2);
        }
        if (partitionName == null || n < 2) {
            return;
        }
        // Lanes start where the partition first exists, so its whole life fills the width.
        int first = 0;
        while (first < n - 1 && lookup(history.get(first), partitionName) == null) {
            first++;
        }
        double step = (width - labelW - 4) / Math.max(1, n - 1 - first);
        double x0 = labelW - first * step;
        long maxHw = 1;
        int maxEpoch = 1;
        int maxIsr = 1;
        for (int i = first; i < n; i++) {
            PartitionRegistration p = lookup(history.get(i), partitionName);
            if (p != null) {
                ClusterSnapshot.BrokerState leader = history.get(i).broker(p.leader());
                maxEpoch = Math.max(maxEpoch, p.leaderEpoch());
                maxIsr = Math.max(maxIsr, p.replicas().length);
                maxHw = Math.max(maxHw, hw(history.get(i), p, leader));
            }
        }
        for (int i = first; i < n; i++) {
            PartitionRegistration p = lookup(history.get(i), partitionName);
            if (p == null) {
                continue;
            }
            double x = x0 + i * step;
            double w = Math.max(1, step + 0.5);
            g.setFill(p.hasLeader() ? palette.epoch(p.leader() - 1) : palette.fault());
            g.fillRect(x, 2, w, laneH - 4);
            bar(g, x, w, laneH, 1, (p.leaderEpoch() + 1) / (double) (maxEpoch + 1), palette.text());
            bar(
                    g,
                    x,
                    w,
                    laneH,
                    2,
                    p.isr().length / (double) maxIsr,
                    p.isr().length < p.replicas().length ? palette.outOfSync() : palette.inSync());
            bar(
                    g,
                    x,
                    w,
                    laneH,
                    3,
                    hw(history.get(i), p, history.get(i).broker(p.leader())) / (double) maxHw,
                    palette.leader());
        }
        labelLeaderChanges(g, history, n, partitionName, x0, step, laneH, palette, zoom);
        if (cursor >= 0) {
            double x = x0 + (n - 1) * step;
            g.setStroke(palette.highlight());
            g.setLineWidth(3 * zoom);
            g.strokeLine(x, 0, x, height);
        }
    }

    /** The newest snapshot the lanes were last drawn up to: the scrubbed moment while scrubbing, else live. */
    ClusterSnapshot drawnTo() {
        return drawnTo;
    }

    private static void bar(
            GraphicsContext g,
            double x,
            double w,
            double laneH,
            int lane,
            double fraction,
            javafx.scene.paint.Color color) {
        double h = Math.max(1, (laneH - 4) * fraction);
        g.setFill(color);
        g.fillRect(x, lane * laneH + laneH - 2 - h, w, h);
    }

    /** Writes the leader's id where a leadership starts among the first {@code n} snapshots, so the lane reads without a legend. */
    private static void labelLeaderChanges(
            GraphicsContext g,
            SnapshotHistory history,
            int n,
            String name,
            double x0,
            double step,
            double laneH,
            Palette palette,
            double zoom) {
        int previous = Integer.MIN_VALUE;
        double lastLabel = -1e9;
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * zoom));
        for (int i = 0; i < n; i++) {
            PartitionRegistration p = lookup(history.get(i), name);
            if (p == null || p.leader() == previous) {
                continue;
            }
            previous = p.leader();
            double x = x0 + i * step;
            if (x - lastLabel > 34 * zoom) {
                // Dark text on light bands (yellow, sky blue), light text on dark ones.
                g.setFill(
                        p.hasLeader()
                                        && palette.epoch(p.leader() - 1).getBrightness() > 0.85
                                        && palette.epoch(p.leader() - 1).getSaturation() < 0.9
                                ? javafx.scene.paint.Color.BLACK
                                : javafx.scene.paint.Color.WHITE);
                g.fillText(p.hasLeader() ? "B" + p.leader() : "none", x + 3, laneH / 2);
                lastLabel = x;
            }
        }
    }

    private static long hw(ClusterSnapshot snapshot, PartitionRegistration p, ClusterSnapshot.BrokerState leader) {
        if (leader == null) {
            return 0;
        }
        var replica = snapshot.replica(leader.id(), p.id());
        return replica == null ? 0 : replica.highWatermark();
    }

    private static PartitionRegistration lookup(ClusterSnapshot snapshot, String name) {
        return PartitionName.lookup(snapshot, name);
    }
}
