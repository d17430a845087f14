package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * Where everything goes on the cluster canvas: the clients and controller boxes on top, then a grid
 * of broker cards, each holding its replica chips in global partition order (so a partition sits in
 * the same place on every broker). Chips shrink to fit; big enough ones get a label.
 */
final class ClusterLayout {

    record Box(double x, double y, double w, double h) {
        boolean contains(double px, double py) {
            return px >= x && px < x + w && py >= y && py < y + h;
        }

        double centerX() {
            return x + w / 2;
        }

        double centerY() {
            return y + h / 2;
        }
    }

    /** One broker card: its box, its chips' grid and the partitions they show, in order. */
    record Card(int brokerId, Box box, int[] partitionIds, double chipX, double chipY, double chipW, double chipH,
                double gap, int columns) {

        Box chip(int index) {
            int col = index % columns;
            int row = index / columns;
            return new Box(chipX + col * (chipW + gap), chipY + row * (chipH + gap), chipW, chipH);
        }

        /** The partition id under a point, or -1. */
        int partitionAt(double px, double py) {
            if (px < chipX || py < chipY) {
                return -1;
            }
            int col = (int) ((px - chipX) / (chipW + gap));
            int row = (int) ((py - chipY) / (chipH + gap));
            int index = row * columns + col;
            if (col >= columns || index >= partitionIds.length || !chip(index).contains(px, py)) {
                return -1;
            }
            return partitionIds[index];
        }
    }

    final Box clients;
    final Box controller;
    final List<Card> cards = new ArrayList<>();
    final double headerHeight;
    /** The size and zoom this layout was made for, so a frame can tell whether to redo it. */
    final double width;
    final double height;
    final double zoom;

    ClusterLayout(ClusterSnapshot snapshot, double width, double height, double zoom) {
        this.width = width;
        this.height = height;
        this.zoom = zoom;
        double margin = 12 * zoom;
        double top = 56 * zoom;
        clients = new Box(margin, margin / 2, 220 * zoom, top - margin);
        controller = new Box(width - margin - 260 * zoom, margin / 2, 260 * zoom, top - margin);
        headerHeight = 62 * zoom;
        List<List<Integer>> hosted = partitionsByBroker(snapshot);
        int n = snapshot.brokers().size();
        if (n == 0) {
            return;
        }
        double gridTop = top + margin / 2;
        double gridH = Math.max(1, height - gridTop - margin);
        double gridW = Math.max(1, width - 2 * margin);
        int columns = Math.max(1, Math.min(n, (int) Math.round(Math.sqrt(n * gridW / gridH / 1.1))));
        int rows = (n + columns - 1) / columns;
        double cardW = (gridW - (columns - 1) * margin) / columns;
        double cardH = (gridH - (rows - 1) * margin) / rows;
        for (int i = 0; i < n; i++) {
            ClusterSnapshot.BrokerState broker = snapshot.brokers().get(i);
            Box box = new Box(margin + (i % columns) * (cardW + margin), gridTop + (i / columns) * (cardH + margin),
                    cardW, cardH);
            int[] ids = hosted.get(i).stream().mapToInt(Integer::intValue).toArray();
            cards.add(card(broker.id(), box, ids, zoom));
        }
    }

    private Card card(int brokerId, Box box, int[] ids, double zoom) {
        double pad = 8 * zoom;
        double areaX = box.x() + pad;
        double areaY = box.y() + headerHeight;
        double areaW = Math.max(1, box.w() - 2 * pad);
        double areaH = Math.max(1, box.h() - headerHeight - pad);
        double maxH = 34 * zoom;
        for (double h = maxH; h >= 2; h -= h > 12 ? 1 : 0.5) {
            double w = h >= ChipPainter.LABEL_MIN_HEIGHT ? h * 4.6 : h;
            double gap = Math.max(1, h / 5);
            int cols = Math.max(1, (int) ((areaW + gap) / (w + gap)));
            int rowsFit = (int) ((areaH + gap) / (h + gap));
            if ((long) cols * rowsFit >= ids.length) {
                return new Card(brokerId, box, ids, areaX, areaY, Math.min(w, areaW), h, gap, cols);
            }
        }
        int cols = Math.max(1, (int) areaW / 3);
        return new Card(brokerId, box, ids, areaX, areaY, 2, 2, 1, cols);
    }

    /** Partition ids hosted by each broker (in snapshot broker order), by global id. */
    private static List<List<Integer>> partitionsByBroker(ClusterSnapshot snapshot) {
        List<List<Integer>> hosted = new ArrayList<>();
        java.util.Map<Integer, Integer> slot = new java.util.HashMap<>();
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            slot.put(broker.id(), hosted.size());
            hosted.add(new ArrayList<>());
        }
        for (TopicInfo topic : snapshot.topics()) {
            for (int p = 0; p < topic.partitionCount(); p++) {
                PartitionRegistration partition = snapshot.metadata().partitions().get(topic.partitionId(p));
                for (int replica : partition.replicas()) {
                    Integer index = slot.get(replica);
                    if (index != null) {
                        hosted.get(index).add(partition.id());
                    }
                }
            }
        }
        for (List<Integer> ids : hosted) {
            ids.sort(null);
        }
        return hosted;
    }

    Card cardOf(int brokerId) {
        return cards.stream().filter(c -> c.brokerId() == brokerId).findFirst().orElse(null);
    }

    Card cardAt(double x, double y) {
        return cards.stream().filter(c -> c.box().contains(x, y)).findFirst().orElse(null);
    }
}
