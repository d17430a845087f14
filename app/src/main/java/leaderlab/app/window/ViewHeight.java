package leaderlab.app.window;

import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * How large the cluster view's chips are, and how tall the view asks to be for them, so that zooming in
 * grows the chips as it grows the type and labelled chips keep a slot for every partition on every card.
 * Zoomed, the quorum strip and the cards' headers grow too and took the height from the chips (at
 * 1920x1080 three brokers' labels were smaller at zoom 1.52 than at 1 with room to spare); with 6 brokers and 12 partitions
 * the view was too short for labelled chips in every slot, so the cards packed them. The view first takes
 * the partition-logs pane's height (its split's room), and scrolls only where zoomed chips need more than
 * that (see {@link #plan}). Worked out when a layout is made, never per frame.
 */
final class ViewHeight {

    /** The chip height the view had at zoom 1, in pixels, or 0 before one was laid out there. */
    private double chipAtZoomOne;

    /** The chip height laid out at each of the window's zooms since zoom 1 was last laid out. */
    private final TreeMap<Double, Double> chipAtZoom = new TreeMap<>();

    private double needed;
    /** The window's zoom of the last plan. */
    private double zoom = 1;

    /** The cards' header height at zoom 1 of the last plan (presenter mode's is taller). */
    private double header = ClusterLayout.HEADER_HEIGHT;

    /** The last plan's cards, and their chips a card in slots (every partition) and packed (the most hosted). */
    private int cards;

    private int slottedChips;
    private int packedChips;

    /** How much of the view's height is on screen (its scroll pane's viewport). */
    private DoubleSupplier onScreen;

    private DoubleSupplier onScreenWidth = () -> 0;

    /**
     * The most height its split can give the viewport, or 0 where it has only what it is given: the view
     * takes the partition-logs pane's height before it scrolls (at 1920x1080 zoomed chips scrolled with
     * only a few of each card's chips in sight above an empty logs pane).
     */
    private DoubleSupplier room = () -> 0;

    ViewHeight(DoubleSupplier height) {
        onScreen = height;
    }

    /** The view's viewport in a scroll pane: its height, and the pane's width (the view's without a bar). */
    void onScreen(DoubleSupplier viewport, DoubleSupplier paneWidth) {
        onScreen = viewport;
        onScreenWidth = paneWidth;
    }

    /** Where the viewport's split can give it more height than it has: the most it can be given. */
    void roomFrom(DoubleSupplier most) {
        room = most;
    }

    /** Where the viewport has only the height it is given (presenter mode). */
    void noRoom() {
        room = () -> 0;
    }

    /** The most height on screen the view can have: its viewport's, or what its split can give. */
    double mostOnScreen() {
        return Math.max(onScreen.getAsDouble(), room.getAsDouble());
    }

    /** A new scale (presenter mode): the chips at zoom 1 are to be seen again. */
    void forget() {
        chipAtZoomOne = 0;
        chipAtZoom.clear();
        needed = 0;
    }

    /**
     * Plans the chip height at the window's {@code zoom}, laid out at {@code layoutZoom} (presenter mode's,
     * with its taller headers where {@code backRow}), for a view {@code width} wide, and the height the view
     * asks for: answers whether that changed. At zoom 1 the chips are as large as fit: labelled with a slot
     * for every partition where the room holds that, else labelled and packed where it holds those, else
     * unlabelled ones as large as it holds (at least 10 px, or the view scrolls for them), on cards never
     * {@link ClusterLayout#tooNarrow}.
     * Zoomed, in their slots (packed where slots cost more than 2.5 times the height, or keep a card off
     * screen): the grown chips, or as large as the room holds down to the chips of the zooms below; where not
     * even those fit, labelled chips as large as keep every card on screen; only where not even those fit,
     * the view scrolls (for the chips of the zooms below).
     */
    boolean plan(int[][] hosted, double width, double zoom, double layoutZoom, boolean backRow) {
        this.zoom = zoom;
        header = backRow ? ClusterLayout.BACK_ROW_HEADER_HEIGHT : ClusterLayout.HEADER_HEIGHT;
        // Counted once a plan: the searches below ask for heights many times.
        cards = hosted.length;
        slottedChips = ClusterLayout.allPartitions(hosted).length;
        packedChips = ClusterLayout.mostHosted(hosted);
        double most = mostOnScreen();
        // The width without a scroll bar, so that the plan does not change with the bar's coming and going.
        double across = Math.max(width, onScreenWidth.getAsDouble());
        double next = heightAt(across, zoom, layoutZoom, most);
        if (next > most) {
            next = heightAt(across - SCROLL_BAR_PX, zoom, layoutZoom, most); // the bar takes its width
        }
        boolean changed = next != needed;
        needed = next;
        return changed;
    }

    /** The least chips worth a view's height before it scrolls: smaller ones are specks from the back. */
    private static final double LEAST_UNLABELLED_CHIP = 10;

    /** The width a vertical scroll bar takes from the view, with pixels to spare. */
    private static final double SCROLL_BAR_PX = 12;

    /** Sets {@link #chip} for a view {@code width} wide at {@code zoom}: answers the height it asks for. */
    private double heightAt(double width, double zoom, double layoutZoom, double most) {
        double labelled = ChipRaster.LABEL_MIN_HEIGHT * layoutZoom;
        chip = 0; // as large as fits
        if (zoom == 1) {
            // Every card on screen first: labelled chips in their slots where those fit the height the view can
            // have on screen, else packed ones where those do (12 brokers at 1920x1080: the slots had scrolled
            // a row of four cards out of sight), else unlabelled ones; where not even those fit, the height of
            // every card's header over the least chips (12 brokers at 1600x1000 had stood in one row of 51 px
            // cards in a view that kept to its viewport). An empty cluster asks for a row of chips to come.
            double slotted = neededHeight(width, layoutZoom, true, labelled);
            if (slotted <= most) {
                return slotted;
            }
            double packed = neededHeight(width, layoutZoom, false, labelled);
            if (packed <= most) {
                return packed;
            }
            double unlabelled = largestFitting(
                    width, layoutZoom, false, LEAST_UNLABELLED_CHIP, ChipRaster.LABEL_MIN_HEIGHT - 0.5, most);
            return neededHeight(width, layoutZoom, false, unlabelled > 0 ? unlabelled : 2);
        }
        if (slottedChips == 0) {
            return 0; // no chips to plan for (zoomed, an empty card had asked for one huge chip, one card a row)
        }
        if (chipAtZoomOne == 0) {
            return 0;
        }
        double floor = chipAtZoomOne >= ChipRaster.LABEL_MIN_HEIGHT ? labelled : 0;
        double grown = Math.max(chipAtZoomOne * zoom, floor);
        double below = chipAtZoom.headMap(zoom, false).values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        double least = Math.min(grown, Math.max(Math.max(chipAtZoomOne, below), floor));
        // Slots where they cost at most 2.5 times the height of packed chips (not at hundreds of partitions).
        boolean slots =
                neededHeight(width, layoutZoom, true, least) <= 2.5 * neededHeight(width, layoutZoom, false, least);
        double fitting = fittingChip(width, layoutZoom, slots, floor, least, grown, most);
        if (fitting == 0 && slots) {
            slots = false; // every card on screen before slots, as at zoom 1
            fitting = fittingChip(width, layoutZoom, false, floor, least, grown, most);
        }
        chip = fitting > 0 ? fitting : least;
        return neededHeight(width, layoutZoom, slots, chip);
    }

    /**
     * The largest chip height from {@code least} to {@code grown} whose cards fit in {@code most} pixels, else
     * the largest from {@code floor} (labelled chips) to {@code least}, or 0 where not even those fit.
     */
    private double fittingChip(
            double width, double zoom, boolean slots, double floor, double least, double grown, double most) {
        double fitting = largestFitting(width, zoom, slots, least, grown, most);
        if (fitting == 0 && floor > 0) {
            // Every card on screen before chips as large as a lesser zoom's: beside a lesson at zoom 1.32, three
            // cards a row no longer held zoom 1's chips (their margins grew), and the view stacked one card a
            // row and scrolled broker 3 out of sight. Labelled chips as large as fit, then, a little smaller.
            fitting = largestFitting(width, zoom, slots, floor, least, most);
        }
        return fitting;
    }

    /**
     * The largest chip height from {@code least} to {@code grown} (to half a pixel) whose cards fit in
     * {@code most} pixels, or 0 where not even the least do.
     */
    private double largestFitting(double width, double zoom, boolean slots, double least, double grown, double most) {
        if (neededHeight(width, zoom, slots, grown) <= most) {
            return grown;
        }
        if (neededHeight(width, zoom, slots, least) > most) {
            return 0;
        }
        double fits = least;
        for (double more = grown; more - fits > 0.5; ) {
            double mid = (fits + more) / 2;
            if (neededHeight(width, zoom, slots, mid) <= most) {
                fits = mid;
            } else {
                more = mid;
            }
        }
        return fits;
    }

    private double chip;

    /** The chip height {@link #plan} chose. */
    double chip() {
        return chip;
    }

    /** Takes in the layout made at the window's {@code zoom} with {@link #chip}. */
    void laidOut(ClusterLayout layout, double zoom) {
        double laid = layout.cards.isEmpty() ? 0 : layout.cards.get(0).chipH();
        if (zoom == 1) {
            chipAtZoomOne = laid;
            chipAtZoom.clear();
        } else {
            chipAtZoom.put(zoom, laid);
        }
    }

    /** The view's least height: one row of cards with labelled chips, and room for the zoomed chips. */
    double least() {
        return Math.max(leastOnScreen(), needed);
    }

    /**
     * The least height the view's scroll pane keeps on screen: one row of cards with labelled chips, and
     * the height the view needs where its split has room for that.
     */
    double leastOnScreen() {
        return Math.max(Math.max(150, ClusterLayout.leastHeight(zoom)), Math.min(needed, room.getAsDouble()));
    }

    /**
     * The least view height, at {@code width} and {@code zoom}, that holds every card with chips {@code chipH}
     * high, over the best number of cards a row: with a slot for every partition on every card (their
     * chips labelled: the layout's rule) or packed.
     */
    private double neededHeight(double width, double zoom, boolean slots, double chipH) {
        return slots
                ? neededHeight(cards, slottedChips, width, zoom, Math.max(chipH, ChipRaster.LABEL_MIN_HEIGHT * zoom))
                : neededHeight(cards, packedChips, width, zoom, chipH);
    }

    private double neededHeight(int n, int chips, double width, double zoom, double chipH) {
        double margin = 16 * zoom;
        double gridW = Math.max(1, width - 2 * margin);
        double gap = ClusterLayout.gap(chipH);
        double least = Double.MAX_VALUE;
        for (int columns = 1; columns <= n; columns++) {
            double cardW = (gridW - (columns - 1) * margin) / columns;
            if (ClusterLayout.tooNarrow(columns, cardW, zoom)) {
                break;
            }
            double areaW = cardW - 16 * zoom;
            if (ClusterLayout.chipWidth(chipH) > areaW && chipH >= ChipRaster.LABEL_MIN_HEIGHT) {
                continue;
            }
            int chipColumns = Math.max(1, (int) ((areaW + gap) / (ClusterLayout.chipWidth(chipH) + gap)));
            int chipRows = Math.max(1, (chips + chipColumns - 1) / chipColumns);
            double cardH = (header + 8) * zoom + chipRows * (chipH + gap) - gap + 1;
            int rows = (n + columns - 1) / columns;
            least = Math.min(least, 60 * zoom + margin / 2 + rows * cardH + (rows - 1) * margin + margin);
        }
        return least == Double.MAX_VALUE ? ClusterLayout.leastHeight(zoom) : least;
    }
}
