package leaderlab.app.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    private List<Object> drawnSignature = List.of();
    /** Per broker: its newest log seen, and what it truncated as far back as the window's history reaches. */
    private final Map<Integer, LogView> lastSeen = new HashMap<>();

    private final Map<Integer, Ghost> ghosts = new HashMap<>();

    public PartitionDetail() {
        getChildren().add(canvas);
        // An opaque pane under the canvas lets JavaFX repaint from here down, not from the window root.
        getStyleClass().add("canvas-pane");
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        setMinSize(200, 120);
    }

    /** How many replicas have truncated records drawn as crossed-out strips. */
    int truncationStrips() {
        return ghosts.size();
    }

    public String partitionName() {
        return partitionName;
    }

    /** A new cluster: what this view remembered of the old one (its logs, its truncations) is not this one's. */
    void forgetCluster() {
        lastSeen.clear();
        ghosts.clear();
        drawnSignature = List.of();
    }

    /**
     * Shows {@code name}, first replaying the window's kept past up to {@code upToMs} into what this view
     * remembers: a truncation that happened before the partition was clicked is drawn too, as far back as
     * the history reaches.
     */
    public void select(String name, SnapshotHistory past, long upToMs) {
        if (java.util.Objects.equals(name, partitionName)) {
            return;
        }
        partitionName = name;
        lastSeen.clear();
        ghosts.clear();
        drawnSignature = List.of();
        for (int i = 0; i < past.size() && past.get(i).timeMs() <= upToMs; i++) {
            ClusterSnapshot snapshot = past.get(i);
            PartitionRegistration partition = find(snapshot);
            if (partition != null) {
                remember(snapshot, partition);
            }
        }
    }

    /**
     * Draws the selected partition as the snapshot shows it. Skips the work when nothing it shows
     * changed (the same registration and the same replica logs), since a busy cluster changes every
     * frame but one partition rarely does.
     */
    public void render(ClusterSnapshot snapshot, Palette palette, double zoom) {
        List<Object> shown = signature(snapshot, palette, zoom);
        if (shown.equals(drawnSignature)) {
            return;
        }
        drawnSignature = shown;
        draw(snapshot, palette, zoom);
    }

    /** What a frame of this view depends on, compared by identity of the immutable parts. */
    private List<Object> signature(ClusterSnapshot snapshot, Palette palette, double zoom) {
        List<Object> parts = new ArrayList<>(List.of(palette, zoom, canvas.getWidth(), canvas.getHeight()));
        PartitionRegistration partition = find(snapshot);
        parts.add(partition == null ? "none" : new IdentityKey(partition));
        if (partition != null) {
            for (int broker : partition.replicas()) {
                ReplicaView replica = snapshot.replica(broker, partition.id());
                parts.add(replica == null ? "none" : new IdentityKey(replica.log()));
                var state = snapshot.broker(broker);
                parts.add(state == null ? "none" : state.state());
            }
        }
        return parts;
    }

    /** Equal only to a key of the very same object. */
    private record IdentityKey(Object target) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey key && key.target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }

    private void draw(ClusterSnapshot snapshot, Palette palette, double zoom) {
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
        g.fillText(
                partition.name() + "   leader " + (partition.hasLeader() ? partition.leader() : "NONE") + "   epoch "
                        + Replicas.epoch(partition.leaderEpoch()) + "   ISR " + Replicas.bracketed(partition.isr())
                        + (partition.recovering() ? "   RECOVERING (unclean)" : ""),
                12 * zoom,
                8 * zoom,
                width - 24 * zoom);
        long scale = 1;
        for (LogView log : lastSeen.values()) {
            scale = Math.max(scale, log.endOffset());
        }
        for (Ghost ghost : ghosts.values()) {
            scale = Math.max(scale, ghost.log().endOffset());
        }
        LogView leaderLog = partition.hasLeader() ? lastSeen.get(partition.leader()) : null;
        double labelW = LABEL_PX * zoom;
        double tapeX = 12 * zoom + labelW;
        double tapeW = Math.max(10, width - tapeX - 90 * zoom);
        double rowH = Math.min(84 * zoom, (height - 44 * zoom) / Math.max(1, partition.replicas().length));
        double y = 38 * zoom;
        for (int broker : partition.replicas()) {
            drawRow(
                    g,
                    snapshot,
                    partition,
                    broker,
                    leaderLog,
                    new Row(tapeX, y, tapeW, rowH, tapeW / scale),
                    palette,
                    zoom);
            y += rowH;
        }
    }

    private PartitionRegistration find(ClusterSnapshot snapshot) {
        return PartitionName.lookup(snapshot, partitionName);
    }

    /**
     * Keeps each replica's newest log, and notes a truncation: where a replica's new log stops agreeing
     * with its previous one, the previous records from there on were removed (even if frames missed the
     * moment, as the divergent record ids show).
     */
    private void remember(ClusterSnapshot snapshot, PartitionRegistration partition) {
        for (int broker : partition.replicas()) {
            ReplicaView replica = snapshot.replica(broker, partition.id());
            if (replica == null) {
                continue;
            }
            LogView now = replica.log();
            LogView previous = lastSeen.put(broker, now);
            if (previous != null && previous != now) {
                long from = firstDifference(previous, now);
                if (from < previous.endOffset()) {
                    ghosts.put(broker, new Ghost(previous, from));
                }
            }
        }
    }

    private static long firstDifference(LogView a, LogView b) {
        long common = Math.min(a.endOffset(), b.endOffset());
        for (long offset = 0; offset < common; offset++) {
            if (a.epochAt(offset) != b.epochAt(offset) || a.recordIdAt(offset) != b.recordIdAt(offset)) {
                return offset;
            }
        }
        return common;
    }

    /** The geometry of one replica's row: tape position and width, and pixels per offset. */
    private record Row(double x, double y, double w, double h, double cell) {}

    /** The width of the rows' broker and role column, unzoomed. */
    private static final double LABEL_PX = 190;

    /** The least row height, unzoomed, that holds the role under the broker. */
    private static final double TWO_LINE_ROW_PX = 40;

    private void drawRow(
            GraphicsContext g,
            ClusterSnapshot snapshot,
            PartitionRegistration partition,
            int broker,
            LogView leaderLog,
            Row row,
            Palette palette,
            double zoom) {
        ReplicaState state = ReplicaState.of(partition, snapshot.broker(broker));
        LogView log = lastSeen.get(broker);
        g.setFill(palette.text());
        g.setFont(Font.font("System", FontWeight.BOLD, 17 * zoom));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        String title = "Broker " + broker;
        g.fillText(title, 12 * zoom, row.y() + 14 * zoom);
        g.setFill(state == ReplicaState.OFFLINE ? palette.mutedText() : palette.replica(state));
        if (row.h() < TWO_LINE_ROW_PX * zoom) {
            // A short row (the cluster view took the pane's height) has the role beside the broker: under it,
            // it ran into the next row's broker.
            g.setFont(Font.font("System", 12 * zoom));
            double titleW = ClusterCanvas.textWidth(title, Font.font("System", FontWeight.BOLD, 17 * zoom));
            g.fillText(
                    state.label(), (12 + 6) * zoom + titleW, row.y() + 17 * zoom, LABEL_PX * zoom - titleW - 6 * zoom);
        } else {
            g.setFont(Font.font("System", 14 * zoom));
            g.fillText(state.label(), 12 * zoom, row.y() + 36 * zoom);
        }
        double tapeH = Math.min(28 * zoom, row.h() * 0.36);
        double tapeY = row.y() + 18 * zoom;
        if (log == null) {
            return;
        }
        drawRuns(g, log, row.x(), tapeY, row.cell(), tapeH, palette, zoom);
        if (leaderLog != null && leaderLog != log) {
            drawDivergence(g, log, leaderLog, row.x(), tapeY, row.cell(), tapeH, palette);
        }
        Ghost ghost = ghosts.get(broker);
        double belowY = tapeY + tapeH + 3 * zoom;
        if (ghost != null) {
            drawTruncated(g, ghost, row.x(), belowY, row.cell(), tapeH * 0.6, palette, zoom);
        }
        long hw = log.highWatermark();
        long leo = log.endOffset();
        if (hw == leo) {
            marker(g, "HW = LEO " + hw, row.x() + hw * row.cell(), tapeY, tapeH, palette.text(), zoom);
        } else {
            marker(g, "HW " + hw, row.x() + hw * row.cell(), tapeY, tapeH, palette.text(), zoom);
            marker(g, "LEO " + leo, row.x() + leo * row.cell(), tapeY, tapeH, palette.mutedText(), zoom);
        }
    }

    /** Records a replica once had from {@code from} on, which it no longer has: truncated. */
    private record Ghost(LogView log, long from) {}

    /** Epoch runs come from the replica's leader-epoch cache: one rectangle per epoch, not per record. */
    private static void drawRuns(
            GraphicsContext g, LogView log, double x, double y, double cell, double h, Palette palette, double zoom) {
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
                g.fillText(
                        "epoch " + log.cacheEpochs()[i],
                        x + start * cell + 5 * zoom,
                        y + h / 2,
                        (end - start) * cell - 8 * zoom);
            }
        }
    }

    /** Offsets where this log holds a different record than the leader's: outlined in the fault colour. */
    private static void drawDivergence(
            GraphicsContext g,
            LogView log,
            LogView leaderLog,
            double x,
            double y,
            double cell,
            double h,
            Palette palette) {
        long common = Math.min(log.endOffset(), leaderLog.endOffset());
        long runStart = -1;
        g.setStroke(palette.fault());
        g.setLineWidth(3);
        for (long offset = 0; offset <= common; offset++) {
            boolean differs = offset < common
                    && (log.epochAt(offset) != leaderLog.epochAt(offset)
                            || log.recordIdAt(offset) != leaderLog.recordIdAt(offset));
            if (differs && runStart < 0) {
                runStart = offset;
            } else if (!differs && runStart >= 0) {
                g.strokeRect(x + runStart * cell + 1.5, y + 1.5, (offset - runStart) * cell - 3, h - 3);
                runStart = -1;
            }
        }
    }

    /** The truncated records, as a crossed-out strip under the tape in the colours they had. */
    private static void drawTruncated(
            GraphicsContext g, Ghost ghost, double x, double y, double cell, double h, Palette palette, double zoom) {
        LogView log = ghost.log();
        double left = x + ghost.from() * cell;
        double width = (log.endOffset() - ghost.from()) * cell;
        g.setGlobalAlpha(0.45);
        for (int i = 0; i < log.cacheSize(); i++) {
            long start = Math.max(ghost.from(), log.cacheStartOffsets()[i]);
            long end = Math.min(
                    log.endOffset(), i + 1 < log.cacheSize() ? log.cacheStartOffsets()[i + 1] : log.endOffset());
            if (end > start) {
                g.setFill(palette.epoch(log.cacheEpochs()[i]));
                g.fillRect(x + start * cell, y, (end - start) * cell, h);
            }
        }
        g.setGlobalAlpha(1);
        g.setStroke(palette.fault());
        g.setLineWidth(2.5 * zoom);
        g.setLineDashes(6 * zoom, 4 * zoom);
        g.strokeRect(left, y, width, h);
        g.setLineDashes();
        g.strokeLine(left, y, left + width, y + h);
        g.strokeLine(left, y + h, left + width, y);
        g.setFill(palette.fault());
        g.setFont(Font.font("System", FontWeight.BOLD, 14 * zoom));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(
                "lost by truncation: " + ghost.from() + "-" + (log.endOffset() - 1) + " \u2192",
                left - 6 * zoom,
                y + h / 2);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** A vertical line through the tape with its label above it. */
    private static void marker(GraphicsContext g, String text, double x, double y, double h, Color color, double zoom) {
        g.setStroke(color);
        g.setLineWidth(3 * zoom);
        g.strokeLine(x, y - 3 * zoom, x, y + h + 3 * zoom);
        g.setFill(color);
        g.setFont(Font.font("System", FontWeight.BOLD, 14 * zoom));
        g.setTextBaseline(VPos.BOTTOM);
        // Near the right edge the label goes to the marker's left, so it is never cut off.
        boolean fitsRight = x + 3 * zoom + ClusterCanvas.textWidth(text, g.getFont())
                < g.getCanvas().getWidth();
        g.setTextAlign(fitsRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
        g.fillText(text, fitsRight ? x + 3 * zoom : x - 3 * zoom, y - 1);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
