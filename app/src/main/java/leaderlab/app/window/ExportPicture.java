package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionView;
import leaderlab.cluster.view.ReplicaView;

/**
 * The exported picture, at presentation size (1920 wide): the cluster view laid out by the window's
 * own {@link ClusterLayout} with its states ({@link ReplicaState}, {@link BrokerStatus}) and
 * {@link Palette}, then each partition's replica logs, then its swimlanes over the run. Drawn through
 * a {@link Sketch}, so SVG and PNG are the same drawing.
 */
final class ExportPicture {

    static final double WIDTH = 1920;
    static final double ZOOM = 1.5;
    private static final double CLUSTER_HEIGHT = 640;
    private static final double MARGIN = 24;
    /** Partitions beyond these are left out of the logs and lanes (the cluster view shows them all). */
    private static final int MAX_LOGS = 12;

    private final ClusterSnapshot snapshot;
    private final Journal journal;
    private final Palette palette;
    private final List<PartitionView> partitions = new ArrayList<>();

    ExportPicture(ClusterSnapshot snapshot, Journal journal, Palette palette) {
        this.snapshot = snapshot;
        this.journal = journal;
        this.palette = palette;
        for (TopicInfo topic : snapshot.topics()) {
            for (PartitionView partition : snapshot.partitions(topic)) {
                if (partitions.size() < MAX_LOGS) {
                    partitions.add(partition);
                }
            }
        }
    }

    double height() {
        return CLUSTER_HEIGHT + PartitionLogs.height(partitions) + LanesPicture.height(partitions.size()) + MARGIN;
    }

    void draw(Sketch sketch) {
        sketch.rect(0, 0, WIDTH, height(), 0, palette.background(), null, 0);
        drawCluster(sketch);
        double y = CLUSTER_HEIGHT;
        y = new PartitionLogs(snapshot, palette).draw(sketch, partitions, y);
        new LanesPicture(journal, palette, snapshot.timeMs()).draw(sketch, partitions, y);
    }

    private void drawCluster(Sketch sketch) {
        ClusterLayout layout = new ClusterLayout(snapshot, WIDTH, CLUSTER_HEIGHT, ZOOM);
        endpoint(sketch, layout.clients, "Clients", "produce, consume");
        endpoint(sketch, layout.controller, "Controller", "fences and elects");
        sketch.text(
                layout.clients.x() + layout.clients.w() + 20 * ZOOM,
                layout.clients.centerY() + 6 * ZOOM,
                String.format(java.util.Locale.ROOT, "cluster time %.3fs", snapshot.timeMs() / 1000.0),
                15 * ZOOM,
                true,
                palette.mutedText());
        NetworkCuts cuts = NetworkCuts.of(snapshot);
        for (ClusterLayout.Card card : layout.cards) {
            ClusterSnapshot.BrokerState broker = snapshot.broker(card.brokerId());
            BrokerStatus status = BrokerStatus.of(broker, cuts);
            ClusterLayout.Box box = card.box();
            sketch.beginGroup("broker", "broker " + broker.id());
            sketch.rect(
                    box.x(),
                    box.y(),
                    box.w(),
                    box.h(),
                    0,
                    palette.card(),
                    palette.broker(status),
                    (status == BrokerStatus.RUNNING ? 2 : 5) * ZOOM);
            boolean down = status == BrokerStatus.STOPPED || status == BrokerStatus.FENCED;
            sketch.text(
                    box.x() + 10 * ZOOM,
                    box.y() + 28 * ZOOM,
                    "Broker " + broker.id() + (broker.rack() == null ? "" : "  rack " + broker.rack()),
                    24 * ZOOM,
                    true,
                    down ? palette.mutedText() : palette.text());
            String word = (status == BrokerStatus.ISOLATED ? cuts.isolation(broker.id()) : status.label())
                    .toUpperCase(java.util.Locale.ROOT);
            double badgeH = 20 * ZOOM;
            double badgeW = Sketch.textWidth(word, 14 * ZOOM, true) + badgeH;
            sketch.rect(
                    box.x() + 10 * ZOOM,
                    box.y() + 36 * ZOOM,
                    badgeW,
                    badgeH,
                    badgeH / 2,
                    palette.broker(status),
                    null,
                    0);
            sketch.text(
                    box.x() + 10 * ZOOM + badgeH / 2,
                    box.y() + 36 * ZOOM + badgeH * 0.72,
                    word,
                    14 * ZOOM,
                    true,
                    palette.card());
            for (int i = 0; i < card.partitionIds().length; i++) {
                chip(sketch, snapshot.metadata().partitions().get(card.partitionIds()[i]), broker, card.chip(i));
            }
            sketch.endGroup();
        }
    }

    private void chip(
            Sketch sketch,
            PartitionRegistration partition,
            ClusterSnapshot.BrokerState broker,
            ClusterLayout.Box chip) {
        ReplicaState state = ReplicaState.of(partition, broker);
        sketch.beginGroup(
                "chip " + state.name().toLowerCase(java.util.Locale.ROOT), partition.name() + "@" + broker.id());
        double h = chip.h();
        sketch.rect(
                chip.x(),
                chip.y(),
                chip.w(),
                h,
                h * 0.25,
                palette.replica(state),
                state == ReplicaState.OUT_OF_SYNC ? palette.text() : null,
                1);
        if (h >= ChipRaster.LABEL_MIN_HEIGHT) {
            if (state == ReplicaState.LEADER) {
                double x = chip.x() + h * 0.2;
                double y = chip.y() + h * 0.24;
                double s = h * 0.52;
                sketch.polygon(
                        new double[] {x, x, x + s * 0.25, x + s * 0.5, x + s * 0.75, x + s, x + s},
                        new double[] {y + s, y + s * 0.2, y + s * 0.55, y, y + s * 0.55, y + s * 0.2, y + s},
                        palette.leaderText());
            }
            Color fill = state == ReplicaState.LEADER
                    ? palette.leaderText()
                    : state == ReplicaState.OFFLINE ? palette.mutedText() : palette.text();
            sketch.text(
                    chip.x() + h * 0.95, chip.y() + h * 0.7, partition.name(), ChipRaster.labelFontSize(h), true, fill);
        }
        sketch.endGroup();
    }

    private void endpoint(Sketch sketch, ClusterLayout.Box box, String title, String subtitle) {
        sketch.beginGroup("endpoint", title);
        sketch.rect(box.x(), box.y(), box.w(), box.h(), 0, palette.card(), palette.cardBorder(), 1.5);
        sketch.text(box.x() + 10 * ZOOM, box.y() + 20 * ZOOM, title, 17 * ZOOM, true, palette.text());
        sketch.text(box.x() + 10 * ZOOM, box.y() + 38 * ZOOM, subtitle, 12 * ZOOM, false, palette.mutedText());
        sketch.endGroup();
    }

    /** A replica's view for the log rows: the broker's own, or null when it has none (stopped, never started). */
    static ReplicaView replicaOf(ClusterSnapshot snapshot, int broker, PartitionView partition) {
        TopicInfo topic = snapshot.topic(partition.topic());
        return topic == null ? null : snapshot.replica(broker, topic.partitionId(partition.partition()));
    }
}
