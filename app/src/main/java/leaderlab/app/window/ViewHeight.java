package leaderlab.app.window;

/**
 * How tall the cluster view asks to be, so that zooming grows the chips as it grows the type: zoomed, the
 * chips are the chips the view had at zoom 1, times the zoom. Zoomed, the quorum strip and the cards' headers grow too and took the height
 * from the chips (at 1920x1080 three brokers' labels were smaller at zoom 1.52 than at 1); now the view
 * asks for the height those chips need and scrolls where the window has less (its cards may wrap to
 * more rows for them). Worked out when a layout is made, never per frame.
 */
final class ViewHeight {

    /** The chip height the view had at zoom 1, in pixels, or 0 before one was laid out there. */
    private double chipAtZoomOne;

    private double needed;

    /** A new scale (presenter mode): the chips at zoom 1 are to be seen again. */
    void forget() {
        chipAtZoomOne = 0;
        needed = 0;
    }

    /**
     * The chip height at the window's {@code zoom}, laid out at {@code layoutZoom} (presenter mode's): the
     * chips at zoom 1 times the zoom, and labelled at the layout's zoom where those were labelled; 0 at
     * zoom 1 (as large as fits).
     */
    double leastChip(double zoom, double layoutZoom) {
        if (zoom == 1) {
            return 0;
        }
        double labelled = chipAtZoomOne >= ChipRaster.LABEL_MIN_HEIGHT ? ChipRaster.LABEL_MIN_HEIGHT * layoutZoom : 0;
        return Math.max(chipAtZoomOne * zoom, labelled);
    }

    /**
     * Takes in a layout made at the window's {@code zoom} for {@code hosted}, asked at {@code layoutZoom}
     * (presenter mode's, whether or not the cards had room for it: the height asked never depends on
     * which, or the view would swing between the two); answers whether the height asked changed (the
     * view then asks its parent for a new layout pass). At zoom 1, labelled chips ask for the height that
     * keeps them labelled with a slot for every partition on every card.
     */
    boolean laidOut(ClusterLayout layout, int[][] hosted, double zoom, double layoutZoom) {
        double chip = leastChip(zoom, layoutZoom);
        if (zoom == 1) {
            chipAtZoomOne = layout.cards.isEmpty() ? 0 : layout.cards.get(0).chipH();
            chip = chipAtZoomOne >= ChipRaster.LABEL_MIN_HEIGHT ? ChipRaster.LABEL_MIN_HEIGHT * layoutZoom : 0;
        }
        double next =
                chip > 0 && hosted.length > 0 ? ClusterLayout.neededHeight(hosted, layout.width, layoutZoom, chip) : 0;
        boolean changed = next != needed;
        needed = next;
        return changed;
    }

    /** The view's least height: one row of cards with labelled chips, and room for the zoomed chips. */
    double least(double layoutZoom) {
        return Math.max(ClusterLayout.leastHeight(layoutZoom), needed);
    }
}
