package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * Where everything goes on the cluster canvas: the clients and controller boxes on top, then a grid
 * of broker cards, each holding its replica chips in global partition order. When the cards have room,
 * every card keeps a slot for every partition (empty where the broker holds no replica), so a
 * partition's chip is in the same place on every broker; at hundreds of partitions the chips pack
 * instead. Chips grow with the cards and shrink to fit; big enough ones get a label.
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

    /**
     * One broker card: its box, its chips' grid and the partitions they show, in order; {@code slots}
     * gives each chip's place in the grid (ascending), the same for a partition on every card when slots
     * are shared, else 0, 1, 2...
     */
    record Card(
            int brokerId,
            Box box,
            int[] partitionIds,
            int[] slots,
            double chipX,
            double chipY,
            double chipW,
            double chipH,
            double gap,
            int columns,
            BeliefType belief) {

        Box chip(int index) {
            int col = slots[index] % columns;
            int row = slots[index] / columns;
            return new Box(chipX + col * (chipW + gap), chipY + row * (chipH + gap), chipW, chipH);
        }

        /** The partition id under a point, or -1. */
        int partitionAt(double px, double py) {
            if (px < chipX || py < chipY) {
                return -1;
            }
            int col = (int) ((px - chipX) / (chipW + gap));
            int row = (int) ((py - chipY) / (chipH + gap));
            int index = java.util.Arrays.binarySearch(slots, row * columns + col);
            if (col >= columns || index < 0 || !chip(index).contains(px, py)) {
                return -1;
            }
            return partitionIds[index];
        }
    }

    /**
     * A card's header, in unzoomed pixels: the title, the state badge, and a line for what the controller
     * still believes between a crash and fencing. The line is always reserved, so a crash never moves
     * the chips and the countdown never covers them.
     */
    static final double BADGE_TOP = 36;

    static final double BADGE_HEIGHT = 20;
    static final double BELIEF_TOP = 60;
    static final double BELIEF_FONT = 16;
    /** Room for the belief line and, under it, a pulsing chip's ring (up to a chip's gap: 8 px). */
    static final double HEADER_HEIGHT = 92;

    /**
     * The least width of a card in a grid of more than one a row, unzoomed: its title at four fifths of its
     * type ({@link CardPainter#titleFont}) and its state badge (12 brokers at 1600x1000 stood in one row of
     * 51 px cards, titles squeezed and badges without a word, the view too short for two rows).
     */
    static final double LEAST_CARD_WIDTH = 120;

    /** Whether {@code columns} cards a row, each {@code cardW} wide at {@code zoom}, are too narrow. */
    static boolean tooNarrow(int columns, double cardW, double zoom) {
        return columns > 1 && cardW < LEAST_CARD_WIDTH * zoom;
    }

    /** A belief line's height against its type size: bold type, descenders included. */
    static final double BELIEF_LEADING = 1.3;
    /**
     * Presenter mode's belief type, unzoomed: 30 px at its zoom of 1.5, for the back row as the 36 px title
     * is; a card beside a lesson holds it on two lines (at 16, on one line, it shrank to 18 px there).
     */
    static final double BACK_ROW_BELIEF_FONT = 20;
    /** Presenter mode's header: two belief lines of its type, then a pulsing chip's ring's room. */
    static final double BACK_ROW_HEADER_HEIGHT = BELIEF_TOP + 2 * BELIEF_LEADING * BACK_ROW_BELIEF_FONT + 8;

    /** How a card sets the controller's belief: in type {@code fontPx} high, on up to {@code lines} lines. */
    record BeliefType(double fontPx, int lines) {}

    /**
     * The least view height that holds the band on top and one row of cards, each with its header and a
     * row of labelled chips, at {@code zoom}.
     */
    static double leastHeight(double zoom) {
        double margin = 16;
        double top = 60;
        return (top + margin / 2 + HEADER_HEIGHT + 8 + ChipRaster.LABEL_MIN_HEIGHT + 8 + margin) * zoom;
    }

    final Box clients;
    final Box controller;
    final List<Card> cards = new ArrayList<>();
    final double headerHeight;
    /** How the cards set the controller's belief (presenter mode's is larger, on two lines). */
    final BeliefType belief;
    /** The gap between cards, and between the cards and the view's edges. */
    final double gutter;
    /** The height of the band on top that holds the clients, the controller and the legend. */
    final double bandHeight;
    /** The size and zoom this layout was made for, so a frame can tell whether to redo it. */
    final double width;

    final double height;
    final double zoom;

    ClusterLayout(ClusterSnapshot snapshot, double width, double height, double zoom) {
        this(snapshot, partitionsByBroker(snapshot), width, height, zoom, false, 0);
    }

    /**
     * @param hosted {@link #partitionsByBroker}'s answer for {@code snapshot}
     * @param backRow presenter mode's type: the belief in larger type on two lines, in a taller header
     * @param leastChip the chip height, in pixels, of zoomed chips ({@link ViewHeight}), or 0: as large as
     *     fits; either way only as large as fits
     */
    ClusterLayout(
            ClusterSnapshot snapshot,
            int[][] hosted,
            double width,
            double height,
            double zoom,
            boolean backRow,
            double leastChip) {
        this.width = width;
        this.height = height;
        this.zoom = zoom;
        // The gaps carry the message flow (FlowRoutes), so they are wide enough for dots seen from the back.
        double margin = 16 * zoom;
        gutter = margin;
        double top = 60 * zoom;
        bandHeight = top;
        clients = new Box(margin, margin / 2, 150 * zoom, top - margin);
        controller = new Box(width - margin - 190 * zoom, margin / 2, 190 * zoom, top - margin);
        headerHeight = (backRow ? BACK_ROW_HEADER_HEIGHT : HEADER_HEIGHT) * zoom;
        belief = backRow ? new BeliefType(BACK_ROW_BELIEF_FONT * zoom, 2) : new BeliefType(BELIEF_FONT * zoom, 1);
        int n = snapshot.brokers().size();
        if (n == 0) {
            return;
        }
        double gridTop = top + margin / 2;
        double gridH = Math.max(1, height - gridTop - margin);
        double gridW = Math.max(1, width - 2 * margin);
        int mostHosted = mostHosted(hosted);
        int[] all = allPartitions(hosted);
        CardGrid grid = new CardGrid(n, gridW, gridH, margin, headerHeight, zoom);
        int columns = grid.columnsFor(mostHosted, leastChip);
        if (all.length != mostHosted) {
            // Labelled chips keep their slots in a grid of cards that has room for them, where one does (the
            // grid best for packed chips may have none: six cards a row for 6 brokers and 12 partitions).
            double slotted = Math.max(ChipRaster.LABEL_MIN_HEIGHT * zoom, leastChip);
            columns = grid.sharedColumns(all.length, leastChip, slotted, columns);
        }
        int rows = (n + columns - 1) / columns;
        double cardW = (gridW - (columns - 1) * margin) / columns;
        double cardH = (gridH - (rows - 1) * margin) / rows;
        double areaW = cardW - 16 * zoom;
        double areaH = cardH - headerHeight - 8 * zoom;
        // One chip size for every card, so a partition's chip looks the same wherever it is; one slot per
        // partition on every card when that still leaves labelled chips (or costs nothing).
        double sharedH = chipHeight(all.length, areaW, areaH, zoom, leastChip);
        // Shared slots only where their chips are labelled and as large as the zoomed chips asked.
        boolean shared = all.length == mostHosted || sharedH >= Math.max(ChipRaster.LABEL_MIN_HEIGHT * zoom, leastChip);
        double chipH = shared ? sharedH : chipHeight(mostHosted, areaW, areaH, zoom, leastChip);
        for (int i = 0; i < n; i++) {
            ClusterSnapshot.BrokerState broker = snapshot.brokers().get(i);
            Box box = new Box(
                    margin + (i % columns) * (cardW + margin),
                    gridTop + (i / columns) * (cardH + margin),
                    cardW,
                    cardH);
            int[] slots = new int[hosted[i].length];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = shared ? java.util.Arrays.binarySearch(all, hosted[i][k]) : k;
            }
            cards.add(card(broker.id(), box, hosted[i], slots, chipH, zoom));
        }
    }

    /** How wide a chip with a label at the least type size grows, in chip heights, where its card has room. */
    private static final double MAX_LABELLED_WIDTH = 6;

    static double chipWidth(double h) {
        return h >= ChipRaster.LABEL_MIN_HEIGHT ? h * 4.4 : h;
    }

    static double gap(double h) {
        return Math.max(1, h / 5);
    }

    /**
     * The largest chip height at which {@code count} chips fit the area (at least 2 px): up to a sixth
     * of the area's height, so chips grow with big cards (a 1080p projector, zoom) and keep their labels
     * readable from the back.
     */
    static double chipHeight(int count, double areaW, double areaH, double zoom, double leastChip) {
        double most = leastChip > 0 ? leastChip : Math.max(40 * zoom, Math.min(areaH / 6, 60 * zoom));
        for (double h = most; h > 2; h = smaller(h, zoom)) {
            if (chipWidth(h) > areaW && h >= ChipRaster.LABEL_MIN_HEIGHT) {
                continue; // a labelled chip as wide as its label needs (at 12 cards a row it was squeezed)
            }
            double gap = gap(h);
            int cols = Math.max(1, (int) ((areaW + gap) / (chipWidth(h) + gap)));
            int rows = (int) ((areaH + gap) / (h + gap));
            if ((long) cols * rows >= count) {
                return h;
            }
        }
        return 2;
    }

    /**
     * The next chip height to try below {@code h}: a pixel less (half a pixel under 12), but never past the
     * least labelled height, at zoom 1 or at {@code zoom}, without trying it (from a fractional start the
     * steps went 18.8, 17.8 and lost the labels and slots that 18 px would have kept).
     */
    private static double smaller(double h, double zoom) {
        double next = h - (h > 12 ? 1 : 0.5);
        for (double labelled : new double[] {ChipRaster.LABEL_MIN_HEIGHT * zoom, ChipRaster.LABEL_MIN_HEIGHT}) {
            if (h > labelled && next < labelled) {
                next = Math.max(next, labelled);
            }
        }
        return next;
    }

    private Card card(int brokerId, Box box, int[] ids, int[] slots, double h, double zoom) {
        double pad = 8 * zoom;
        double areaW = Math.max(1, box.w() - 2 * pad);
        double gap = gap(h);
        int cols = Math.max(1, (int) ((areaW + gap) / (chipWidth(h) + gap)));
        double chipW = Math.min(chipWidth(h), areaW);
        if (h >= ChipRaster.LABEL_MIN_HEIGHT && h * ChipRaster.LABEL_SHARE < ChipRaster.LABEL_MIN_FONT) {
            // Labels held at the least type size are larger than their chips' share: the chips take the card's
            // width their columns leave, for the room that type needs.
            chipW = Math.min(MAX_LABELLED_WIDTH * h, (areaW - (cols - 1) * gap) / cols);
        }
        return new Card(brokerId, box, ids, slots, box.x() + pad, box.y() + headerHeight, chipW, h, gap, cols, belief);
    }

    /**
     * Whether this layout still places {@code snapshot}: same size and zoom, the same brokers hosting the
     * same partitions. Elections and ISR changes keep a layout; a new topic or a reassignment does not.
     */
    boolean fits(ClusterSnapshot snapshot, int[][] hosted, double width, double height, double zoom) {
        if (width != this.width || height != this.height || zoom != this.zoom || hosted.length != cards.size()) {
            return false;
        }
        for (int i = 0; i < hosted.length; i++) {
            Card card = cards.get(i);
            if (card.brokerId() != snapshot.brokers().get(i).id()
                    || !java.util.Arrays.equals(card.partitionIds(), hosted[i])) {
                return false;
            }
        }
        return true;
    }

    static int mostHosted(int[][] hosted) {
        return java.util.Arrays.stream(hosted).mapToInt(ids -> ids.length).max().orElse(0);
    }

    /** Every partition id that {@code hosted} holds, ascending. */
    static int[] allPartitions(int[][] hosted) {
        return java.util.Arrays.stream(hosted)
                .flatMapToInt(java.util.Arrays::stream)
                .distinct()
                .sorted()
                .toArray();
    }

    /** Partition ids hosted by each broker (in snapshot broker order), ascending; int arrays, no boxing. */
    static int[][] partitionsByBroker(ClusterSnapshot snapshot) {
        int n = snapshot.brokers().size();
        int maxId = 0;
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            maxId = Math.max(maxId, broker.id());
        }
        // Broker ids are small and dense: an array maps an id to its slot without boxing (-1: no such broker).
        int[] slot = new int[maxId + 1];
        java.util.Arrays.fill(slot, -1);
        for (int i = 0; i < n; i++) {
            slot[snapshot.brokers().get(i).id()] = i;
        }
        int[][] hosted = new int[n][16];
        int[] counts = new int[n];
        for (TopicInfo topic : snapshot.topics()) {
            for (int p = 0; p < topic.partitionCount(); p++) {
                PartitionRegistration partition =
                        snapshot.metadata().partitions().get(topic.partitionId(p));
                for (int replica : partition.replicas()) {
                    int index = replica >= 0 && replica < slot.length ? slot[replica] : -1;
                    if (index >= 0) {
                        if (counts[index] == hosted[index].length) {
                            hosted[index] = java.util.Arrays.copyOf(hosted[index], counts[index] * 2);
                        }
                        hosted[index][counts[index]++] = partition.id();
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            hosted[i] = java.util.Arrays.copyOf(hosted[i], counts[i]);
            java.util.Arrays.sort(hosted[i]);
        }
        return hosted;
    }

    Card cardOf(int brokerId) {
        return cards.stream().filter(c -> c.brokerId() == brokerId).findFirst().orElse(null);
    }

    /**
     * Whether every card is at least {@code headers} times the window's header height at this zoom (in the
     * window's units, so presenter mode's taller header does not change which clusters get its type).
     */
    boolean cardsTallFor(int headers) {
        return cards.stream().allMatch(card -> card.box().h() >= headers * HEADER_HEIGHT * zoom);
    }

    /** Whether a point lies on a card's header (its title, badge and belief line). */
    boolean inHeader(double x, double y) {
        for (Card card : cards) {
            Box box = card.box();
            if (x >= box.x() && x < box.x() + box.w() && y >= box.y() && y < box.y() + headerHeight) {
                return true;
            }
        }
        return false;
    }

    Card cardAt(double x, double y) {
        return cards.stream().filter(c -> c.box().contains(x, y)).findFirst().orElse(null);
    }
}
