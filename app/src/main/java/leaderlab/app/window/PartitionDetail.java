package leaderlab.app.window;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.ReplicaView;

/**
 * One partition's replica logs side by side as offset tapes, coloured by the leader epoch that wrote
 * each record, with HW and LEO markers. Records that differ from the leader's at the same offset are
 * marked as divergent; records a replica truncated stay drawn as crossed-out ghosts, so an unclean
 * election's loss is visible, not just described.
 */
public final class PartitionDetail extends Pane {

    private final Canvas canvas = new Canvas();
    private String partitionName;
    /** Per broker: the longest log seen since this partition was selected, to draw what was truncated. */
    private final Map<Integer, LogView> longestSeen = new HashMap<>();
    private final Map<Integer, LogView> lastSeen = new HashMap<>();

    public PartitionDetail() {
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        setMinSize(200, 120);
    }

    public String partitionName() {
        return partitionName;
    }

    public void select(String name) {
        if (!java.util.Objects.equals(name, partitionName)) {
            partitionName = name;
            longestSeen.clear();
            lastSeen.clear();
        }
    }

    public void render(ClusterSnapshot snapshot, Palette palette, double zoom) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, width, height);
        PartitionRegistration partition = find(snapshot);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        if (partition == null) {
            g.setFill(palette.mutedText());
            g.setFont(Font.font("System", 18 * zoom));
            g.fillText("Click a partition chip to see its replicas' logs here.", 12 * zoom, 12 * zoom);
            return;
        }
        remember(snapshot, partition);
        g.setFill(palette.text());
        g.setFont(Font.font("System", FontWeight.BOLD, 20 * zoom));
        g.fillText(partition.name() + "   leader " + (partition.hasLeader() ? partition.leader() : "NONE") + "   epoch "
                + partition.leaderEpoch() + "   ISR " + Replicas.bracketed(partition.isr())
                + (partition.recovering() ? "   RECOVERING (unclean)" : ""), 12 * zoom, 8 * zoom, width - 24 * zoom);
        long scale = 1;
        for (LogView log : longestSeen.values()) {
            scale = Math.max(scale, log.endOffset());
        }
        LogView leaderLog = partition.hasLeader() ? lastSeen.get(partition.leader()) : null;
        double labelW = 190 * zoom;
        double tapeX = 12 * zoom + labelW;
        double tapeW = Math.max(10, width - tapeX - 70 * zoom);
        double rowH = Math.min(64 * zoom, (height - 44 * zoom) / Math.max(1, partition.replicas().length));
        double y = 40 * zoom;
        for (int broker : partition.replicas()) {
            drawRow(g, snapshot, partition, broker, leaderLog, tapeX, y, tapeW, rowH, scale, palette, zoom);
            y += rowH;
        }
    }

    private PartitionRegistration find(ClusterSnapshot snapshot) {
        return PartitionName.lookup(snapshot, partitionName);
    }

    private void remember(ClusterSnapshot snapshot, PartitionRegistration partition) {
        for (int broker : partition.replicas()) {
            ReplicaView replica = snapshot.replica(broker, partition.id());
            if (replica != null) {
                lastSeen.put(broker, replica.log());
                longestSeen.merge(broker, replica.log(), (old, now) -> now.endOffset() >= old.endOffset() ? now : old);
            }
        }
    }

    private void drawRow(GraphicsContext g, ClusterSnapshot snapshot, PartitionRegistration partition, int broker,
                         LogView leaderLog, double x, double y, double w, double rowH, long scale, Palette palette,
                         double zoom) {
        ReplicaState state = ReplicaState.of(partition, snapshot.broker(broker));
        LogView log = lastSeen.get(broker);
        g.setFill(palette.text());
        g.setFont(Font.font("System", FontWeight.BOLD, 17 * zoom));
        g.setTextBaseline(VPos.TOP);
        g.fillText("Broker " + broker, 12 * zoom, y + 4 * zoom);
        g.setFont(Font.font("System", 14 * zoom));
        g.setFill(palette.replica(state).equals(palette.offline()) ? palette.mutedText() : palette.replica(state));
        g.fillText(state.label(), 12 * zoom, y + 26 * zoom);
        double tapeH = rowH * 0.52;
        double tapeY = y + 6 * zoom;
        double cell = w / scale;
        LogView longest = longestSeen.get(broker);
        if (longest != null && log != null && longest.endOffset() > log.endOffset()) {
            drawTruncated(g, longest, log.endOffset(), x, tapeY, cell, tapeH, palette, zoom);
        }
        if (log == null) {
            return;
        }
        drawRuns(g, log, x, tapeY, cell, tapeH, palette, zoom);
        if (leaderLog != null && leaderLog != log) {
            drawDivergence(g, log, leaderLog, x, tapeY, cell, tapeH, palette);
        }
        marker(g, "HW " + log.highWatermark(), x + log.highWatermark() * cell, tapeY, tapeH, palette.text(), true, zoom);
        marker(g, "LEO " + log.endOffset(), x + log.endOffset() * cell, tapeY, tapeH, palette.mutedText(), false, zoom);
    }

    /** Epoch runs come from the replica's leader-epoch cache: one rectangle per epoch, not per record. */
    private static void drawRuns(GraphicsContext g, LogView log, double x, double y, double cell, double h,
                                 Palette palette, double zoom) {
        for (int i = 0; i < log.cacheSize(); i++) {
            long start = log.cacheStartOffsets()[i];
            long end = i + 1 < log.cacheSize() ? log.cacheStartOffsets()[i + 1] : log.endOffset();
            end = Math.min(end, log.endOffset());
            if (end <= start) {
                continue;
            }
            Color color = palette.epoch(log.cacheEpochs()[i]);
            g.setFill(color);
            g.fillRect(x + start * cell, y, (end - start) * cell, h);
            g.setStroke(palette.card());
            g.setLineWidth(1);
            g.strokeLine(x + start * cell, y, x + start * cell, y + h);
            if ((end - start) * cell > 46 * zoom) {
                g.setFill(color.getBrightness() > 0.75 && color.getSaturation() < 0.9 ? Color.BLACK : Color.WHITE);
                g.setFont(Font.font("System", FontWeight.BOLD, 13 * zoom));
                g.setTextBaseline(VPos.CENTER);
                g.fillText("epoch " + log.cacheEpochs()[i], x + start * cell + 5 * zoom, y + h / 2,
                        (end - start) * cell - 8 * zoom);
            }
        }
    }

    /** Offsets where this log holds a different record than the leader's: outlined in the fault colour. */
    private static void drawDivergence(GraphicsContext g, LogView log, LogView leaderLog, double x, double y,
                                       double cell, double h, Palette palette) {
        long common = Math.min(log.endOffset(), leaderLog.endOffset());
        long runStart = -1;
        g.setStroke(palette.fault());
        g.setLineWidth(3);
        for (long offset = 0; offset <= common; offset++) {
            boolean differs = offset < common && (log.epochAt(offset) != leaderLog.epochAt(offset)
                    || log.recordIdAt(offset) != leaderLog.recordIdAt(offset));
            if (differs && runStart < 0) {
                runStart = offset;
            } else if (!differs && runStart >= 0) {
                g.strokeRect(x + runStart * cell + 1.5, y + 1.5, (offset - runStart) * cell - 3, h - 3);
                runStart = -1;
            }
        }
    }

    private static void drawTruncated(GraphicsContext g, LogView longest, long from, double x, double y, double cell,
                                      double h, Palette palette, double zoom) {
        double left = x + from * cell;
        double width = (longest.endOffset() - from) * cell;
        g.setFill(palette.fault().deriveColor(0, 1, 1, 0.18));
        g.fillRect(left, y, width, h);
        g.setStroke(palette.fault());
        g.setLineWidth(2 * zoom);
        g.setLineDashes(6 * zoom, 4 * zoom);
        g.strokeRect(left, y, width, h);
        g.setLineDashes();
        g.strokeLine(left, y, left + width, y + h);
        g.strokeLine(left, y + h, left + width, y);
        g.setFill(palette.fault());
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * zoom));
        g.setTextBaseline(VPos.TOP);
        g.fillText("truncated " + from + "-" + (longest.endOffset() - 1), left + 4 * zoom, y + h + 2 * zoom);
    }

    private static void marker(GraphicsContext g, String text, double x, double y, double h, Color color,
                               boolean above, double zoom) {
        g.setStroke(color);
        g.setLineWidth(3 * zoom);
        g.strokeLine(x, y - 3 * zoom, x, y + h + 3 * zoom);
        g.setFill(color);
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * zoom));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(above ? VPos.BOTTOM : VPos.TOP);
        g.fillText(text, x + 3 * zoom, above ? y + h + 3 * zoom + 16 * zoom : y + h + 3 * zoom);
    }
}
