package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.view.PartitionView;

/**
 * The exported picture's swimlanes: the window's four lanes per partition (who led, the leader epoch,
 * the ISR size, the high watermark) over the whole run, read from the journal's typed events, since an
 * export has no kept snapshots to scrub through.
 */
final class LanesPicture {

    private static final String[] LANES = {"leader", "epoch", "ISR size", "HW"};
    private static final double LANE = 26;
    private static final double HEADER = 40;
    private static final double LABEL_W = 150;

    /** One change of a partition: at {@code timeMs}, lane {@code lane} took {@code value}. */
    private record Change(long timeMs, int lane, long value) {}

    private final Journal journal;
    private final Palette palette;
    private final long endMs;

    LanesPicture(Journal journal, Palette palette, long endMs) {
        this.journal = journal;
        this.palette = palette;
        this.endMs = Math.max(1, endMs);
    }

    static double height(int partitions) {
        return partitions == 0 ? 0 : HEADER + partitions * (HEADER + LANES.length * LANE + 8);
    }

    void draw(Sketch sketch, List<PartitionView> partitions, double top) {
        if (partitions.isEmpty()) {
            return;
        }
        double y = top;
        sketch.text(24, y + 28, "Swimlanes (0 to " + endMs / 1000.0 + "s)", 26, true, palette.text());
        y += HEADER;
        double x0 = 24 + LABEL_W;
        double laneW = ExportPicture.WIDTH - 48 - LABEL_W;
        for (PartitionView partition : partitions) {
            sketch.beginGroup("swimlane", partition.name());
            sketch.text(24, y + 26, partition.name(), 18, true, palette.text());
            y += HEADER;
            List<Change> changes = changes(partition);
            long maxHw = Math.max(
                    1,
                    changes.stream()
                            .filter(c -> c.lane() == 3)
                            .mapToLong(Change::value)
                            .max()
                            .orElse(1));
            for (int lane = 0; lane < LANES.length; lane++) {
                double laneY = y + lane * LANE;
                sketch.text(24, laneY + 18, LANES[lane], 14, true, palette.mutedText());
                sketch.rect(x0, laneY + 2, laneW, LANE - 4, 0, palette.card(), palette.cardBorder(), 0.5);
                int current = lane;
                List<Change> mine =
                        changes.stream().filter(c -> c.lane() == current).toList();
                for (int i = 0; i < mine.size(); i++) {
                    Change change = mine.get(i);
                    long until = i + 1 < mine.size() ? mine.get(i + 1).timeMs() : endMs;
                    double x = x0 + laneW * change.timeMs() / endMs;
                    double w = Math.max(1, laneW * (until - change.timeMs()) / endMs);
                    band(sketch, lane, change.value(), maxHw, x, laneY, w);
                }
            }
            sketch.endGroup();
            y += LANES.length * LANE + 8;
        }
    }

    private void band(Sketch sketch, int lane, long value, long maxHw, double x, double laneY, double w) {
        switch (lane) {
            case 0 -> {
                sketch.rect(
                        x,
                        laneY + 2,
                        w,
                        LANE - 4,
                        0,
                        value < 0 ? palette.offline() : palette.epoch((int) value),
                        null,
                        0);
                if (w > 30) {
                    sketch.text(x + 4, laneY + 18, value < 0 ? "none" : Long.toString(value), 14, true, palette.card());
                }
            }
            case 1 -> {
                sketch.rect(x, laneY + 2, w, LANE - 4, 0, palette.epoch((int) value), null, 0);
                if (w > 30) {
                    sketch.text(x + 4, laneY + 18, Long.toString(value), 14, true, palette.card());
                }
            }
            case 2 -> sketch.rect(x, laneY + LANE - 2 - value * 6, w, value * 6, 0, palette.inSync(), null, 0);
            default ->
                sketch.rect(
                        x,
                        laneY + LANE - 2 - (LANE - 4) * value / maxHw,
                        w,
                        (LANE - 4) * value / maxHw,
                        0,
                        palette.leader(),
                        null,
                        0);
        }
    }

    /** The partition's changes from the journal, oldest first, per lane. */
    private List<Change> changes(PartitionView partition) {
        List<Change> out = new ArrayList<>();
        for (Event e : journal.since(0, ev -> ev.isAbout(partition.topic(), partition.partition()))) {
            // A broker's own word that it leads covers the first leader too, which no election chose.
            if (e.detail() instanceof EventDetail.BecameLeader leader) {
                out.add(new Change(e.timeMs(), 0, leader.broker()));
                out.add(new Change(e.timeMs(), 1, leader.leaderEpoch()));
            } else if (e.detail() instanceof EventDetail.LeaderElected elected && elected.offline()) {
                out.add(new Change(e.timeMs(), 0, elected.newLeader()));
                out.add(new Change(e.timeMs(), 1, elected.leaderEpoch()));
            } else if (e.detail() instanceof EventDetail.IsrChanged isr) {
                out.add(new Change(e.timeMs(), 2, isr.newIsr().length));
            } else if (e.detail() instanceof EventDetail.HwAdvanced hw) {
                out.add(new Change(e.timeMs(), 3, hw.toOffset()));
            } else if (e.detail() instanceof EventDetail.TopicCreated) {
                out.add(new Change(e.timeMs(), 2, partition.replicas().length));
                out.add(new Change(e.timeMs(), 3, 0));
            }
        }
        return out;
    }
}
