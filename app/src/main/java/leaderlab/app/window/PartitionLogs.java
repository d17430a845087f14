package leaderlab.app.window;

import java.util.List;
import java.util.Locale;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.PartitionView;
import leaderlab.cluster.view.ReplicaView;

/**
 * The exported picture's partition logs: for each partition a header (leader, epoch, ISR, HW) and one
 * tape per replica, coloured by the leader epoch of each record run as the window's log tapes are,
 * with the high watermark marked across them.
 */
final class PartitionLogs {

    private static final double ROW = 30;
    private static final double HEADER = 40;
    private static final double LABEL_W = 175;

    private final ClusterSnapshot snapshot;
    private final Palette palette;

    PartitionLogs(ClusterSnapshot snapshot, Palette palette) {
        this.snapshot = snapshot;
        this.palette = palette;
    }

    static double height(List<PartitionView> partitions) {
        double h = partitions.isEmpty() ? 0 : HEADER;
        for (PartitionView partition : partitions) {
            h += HEADER + partition.replicas().length * ROW + 12;
        }
        return h;
    }

    /** Draws from {@code top} and returns where the next section starts. */
    double draw(Sketch sketch, List<PartitionView> partitions, double top) {
        if (partitions.isEmpty()) {
            return top;
        }
        double y = top;
        sketch.text(24, y + 28, "Partition logs", 26, true, palette.text());
        y += HEADER;
        long longest = 1;
        for (PartitionView partition : partitions) {
            for (long leo : partition.leo().values()) {
                longest = Math.max(longest, leo);
            }
        }
        // Room after the longest tape for its LEO label.
        double tapeW = ExportPicture.WIDTH - 48 - LABEL_W - 90;
        double perRecord = tapeW / longest;
        for (PartitionView partition : partitions) {
            sketch.beginGroup("log", partition.name());
            sketch.text(
                    24,
                    y + 26,
                    String.format(
                            Locale.ROOT,
                            "%s   leader %s   epoch %d   ISR %s   HW %d%s",
                            partition.name(),
                            partition.leader() < 0 ? "none" : Integer.toString(partition.leader()),
                            partition.leaderEpoch(),
                            Replicas.bracketed(partition.isr()),
                            partition.highWatermark(),
                            partition.offline() ? "   OFFLINE" : ""),
                    18,
                    true,
                    palette.text());
            y += HEADER;
            for (int broker : partition.replicas()) {
                tape(sketch, partition, broker, 24 + LABEL_W, y, perRecord);
                y += ROW;
            }
            double hwX = 24 + LABEL_W + partition.highWatermark() * perRecord;
            sketch.line(hwX, y - partition.replicas().length * ROW - 4, hwX, y, palette.highlight(), 3, false);
            sketch.endGroup();
            y += 12;
        }
        return y;
    }

    private void tape(Sketch sketch, PartitionView partition, int broker, double x0, double y, double perRecord) {
        ReplicaView replica = ExportPicture.replicaOf(snapshot, broker, partition);
        LogView log = replica == null ? LogView.EMPTY : replica.log();
        sketch.text(
                24,
                y + 20,
                "broker " + broker + (broker == partition.leader() ? " (leader)" : ""),
                16,
                broker == partition.leader(),
                palette.mutedText());
        sketch.rect(
                x0,
                y + 3,
                Math.max(1, log.endOffset() * perRecord),
                ROW - 8,
                0,
                palette.card(),
                palette.cardBorder(),
                1);
        // One rectangle per run of records in the same leader epoch: a few shapes, not one per record.
        long start = 0;
        for (long offset = 1; offset <= log.endOffset(); offset++) {
            if (offset == log.endOffset() || log.epochAt(offset) != log.epochAt(start)) {
                sketch.rect(
                        x0 + start * perRecord,
                        y + 3,
                        (offset - start) * perRecord,
                        ROW - 8,
                        0,
                        palette.epoch(log.epochAt(start)),
                        null,
                        0);
                start = offset;
            }
        }
        sketch.text(
                x0 + log.endOffset() * perRecord + 8, y + 20, "LEO " + log.endOffset(), 14, false, palette.mutedText());
    }
}
