package leaderlab.app.window;

import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * How large the cluster view's chips are when zoomed, and how tall the view asks to be for them, so that
 * zooming in grows the chips as it grows the type. Zoomed, the quorum strip and the cards' headers grow
 * too and took the height from the chips (at 1920x1080 three brokers' labels were smaller at zoom 1.52
 * than at 1, six brokers' chips lost their labels at the first step). Zoomed, the chips are the view's
 * chips at zoom 1 times the zoom where those fit on screen; where not, as large as fit between those and
 * the chips at the zooms below (and at zoom 1, and labelled at the zoom where those were labelled), so
 * never smaller than at a lesser zoom; where not even those fit, the grown chips all the same, and the
 * view asks for the height they need and scrolls (its cards may wrap to more rows for them). Worked out when a layout is made, never per frame.
 */
final class ViewHeight {

    /** The chip height the view had at zoom 1, in pixels, or 0 before one was laid out there. */
    private double chipAtZoomOne;

    /** The chip height laid out at each of the window's zooms since zoom 1 was last laid out. */
    private final TreeMap<Double, Double> chipAtZoom = new TreeMap<>();

    private double needed;
    /** The window's zoom of the last plan, and the layout's (presenter mode's). */
    private double zoom = 1;

    private double layoutZoom = 1;
    /** How much of the view's height is on screen (its scroll pane's viewport). */
    private DoubleSupplier onScreen;

    ViewHeight(DoubleSupplier height) {
        onScreen = height;
    }

    void onScreen(DoubleSupplier viewport) {
        onScreen = viewport;
    }

    /** A new scale (presenter mode): the chips at zoom 1 are to be seen again. */
    void forget() {
        chipAtZoomOne = 0;
        chipAtZoom.clear();
        needed = 0;
    }

    /**
     * The chip height at the window's {@code zoom}, laid out at {@code layoutZoom} (presenter mode's), for
     * a view {@code width} wide; 0 at zoom 1 (as large as fits). Sets the height the view asks for: answers
     * whether that changed.
     */
    boolean plan(int[][] hosted, double width, double zoom, double layoutZoom) {
        this.zoom = zoom;
        this.layoutZoom = layoutZoom;
        double next = 0;
        if (zoom == 1) {
            // Labelled chips ask for the height that keeps them labelled with a slot for every partition.
            chip = 0;
            next = chipAtZoomOne >= ChipRaster.LABEL_MIN_HEIGHT && hosted.length > 0
                    ? neededHeight(hosted, width, layoutZoom, ChipRaster.LABEL_MIN_HEIGHT * layoutZoom)
                    : 0;
        } else if (hosted.length > 0 && chipAtZoomOne > 0) {
            double labelled =
                    chipAtZoomOne >= ChipRaster.LABEL_MIN_HEIGHT ? ChipRaster.LABEL_MIN_HEIGHT * layoutZoom : 0;
            double grown = atZoom(Math.max(chipAtZoomOne * zoom, labelled), layoutZoom);
            double height = neededHeight(hosted, width, layoutZoom, grown);
            double room = onScreen.getAsDouble();
            chip = grown;
            if (height > room) {
                double below = chipAtZoom.headMap(zoom, false).values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0);
                double least = Math.max(Math.max(chipAtZoomOne, below), labelled);
                // As large as fits on screen, between those and the grown chips (a half-pixel search); where
                // not even those fit, the view scrolls anyway, and for the grown chips.
                chip = neededHeight(hosted, width, layoutZoom, least) <= room ? least : grown;
                for (double more = grown; more - chip > 0.5; ) {
                    double mid = (chip + more) / 2;
                    if (neededHeight(hosted, width, layoutZoom, mid) <= room) {
                        chip = mid;
                    } else {
                        more = mid;
                    }
                }
                chip = Math.max(least, chip >= atZoom(chip, layoutZoom) ? chip : ChipRaster.LABEL_MIN_HEIGHT - 0.5);
                height = neededHeight(hosted, width, layoutZoom, chip);
            }
            next = height;
        } else {
            chip = 0;
        }
        boolean changed = next != needed;
        needed = next;
        return changed;
    }

    private double chip;

    /**
     * A chip height that has a label has one at the layout's zoom: labelled chips under that are as large
     * as it (the layout keeps a slot for every partition only for chips labelled at its zoom).
     */
    private static double atZoom(double h, double layoutZoom) {
        return h >= ChipRaster.LABEL_MIN_HEIGHT ? Math.max(h, ChipRaster.LABEL_MIN_HEIGHT * layoutZoom) : h;
    }

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
            chipAtZoom.put(zoom, Math.max(chip, laid));
        }
    }

    /** The view's least height: one row of cards with labelled chips, and room for the zoomed chips. */
    double least() {
        return Math.max(leastOnScreen(), needed);
    }

    /** The least height the view's scroll pane keeps on screen: one row of cards with labelled chips. */
    double leastOnScreen() {
        return Math.max(150, ClusterLayout.leastHeight(zoom));
    }

    /**
     * The least view height, at {@code width} and {@code zoom}, that holds every card with chips {@code chipH}
     * high, over the best number of cards a row: with a slot for every partition (and labelled chips) where
     * that costs at most 2.5 times the height of packed chips (else packed, as at hundreds of partitions).
     */
    private static double neededHeight(int[][] hosted, double width, double zoom, double chipH) {
        int n = hosted.length;
        int mostHosted = ClusterLayout.mostHosted(hosted);
        int all = ClusterLayout.allPartitions(hosted).length;
        double packed = neededHeight(n, mostHosted, width, zoom, chipH);
        // Cards share slots only where the shared chips keep labels (the constructor's rule).
        double shared = neededHeight(n, all, width, zoom, Math.max(chipH, ChipRaster.LABEL_MIN_HEIGHT * zoom));
        return shared <= 2.5 * packed ? shared : packed;
    }

    private static double neededHeight(int n, int chips, double width, double zoom, double chipH) {
        double margin = 16 * zoom;
        double gridW = Math.max(1, width - 2 * margin);
        double gap = ClusterLayout.gap(chipH);
        double least = Double.MAX_VALUE;
        for (int columns = 1; columns <= n; columns++) {
            double areaW = (gridW - (columns - 1) * margin) / columns - 16 * zoom;
            if (ClusterLayout.chipWidth(chipH) > areaW && chipH > ChipRaster.LABEL_MIN_HEIGHT) {
                continue;
            }
            int chipColumns = Math.max(1, (int) ((areaW + gap) / (ClusterLayout.chipWidth(chipH) + gap)));
            int chipRows = Math.max(1, (chips + chipColumns - 1) / chipColumns);
            double cardH = (ClusterLayout.HEADER_HEIGHT + 8) * zoom + chipRows * (chipH + gap) - gap + 1;
            int rows = (n + columns - 1) / columns;
            least = Math.min(least, 60 * zoom + margin / 2 + rows * cardH + (rows - 1) * margin + margin);
        }
        return least == Double.MAX_VALUE ? ClusterLayout.leastHeight(zoom) : least;
    }
}
