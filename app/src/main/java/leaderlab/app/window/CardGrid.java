package leaderlab.app.window;

/** The cards' grid: {@code n} cards in {@code gridW} x {@code gridH}, and how many a row to put there. */
record CardGrid(int n, double gridW, double gridH, double margin, double headerH, double zoom) {

    /**
     * The grid (cards a row) in which {@code chips} chips a card are at least {@code slotted} high:
     * {@code otherwise} where that one is such a grid, else the one closest to 3:2 cards, else
     * {@code otherwise}.
     */
    int sharedColumns(int chips, double leastChip, double slotted, int otherwise) {
        if (chipsIn(chips, otherwise, leastChip) >= slotted) {
            return otherwise; // the grid best for packed chips has room for the slots too
        }
        int best = otherwise;
        double bestScore = Double.MAX_VALUE;
        for (int columns = 1, most = mostColumns(); columns <= most; columns++) {
            if (chipsIn(chips, columns, leastChip) >= slotted && score(columns) < bestScore) {
                best = columns;
                bestScore = score(columns);
            }
        }
        return best;
    }

    /**
     * How many cards a row holds, never {@link ClusterLayout#tooNarrow}: the grid that gives the biggest chips, labelled ones before any unlabelled
     * (12 cards a row of 17.5 px chips had tied with 18 px labelled ones); among those (within a pixel and
     * labelled alike), one with no empty places (4 brokers: 2 x 2, not 3 + 1), then cards closest to 3:2.
     */
    int columnsFor(int chipsPerCard, double leastChip) {
        int best = 1;
        double bestH = -1;
        double bestScore = Double.MAX_VALUE;
        for (int columns = 1, most = mostColumns(); columns <= most; columns++) {
            double h = chipsIn(chipsPerCard, columns, leastChip);
            double score = score(columns);
            boolean bigger = h > bestH + 1 || labelled(h) && !labelled(bestH);
            boolean asBig = h > bestH - 1 && labelled(h) == labelled(bestH);
            if (bigger || asBig && score < bestScore) {
                best = columns;
                bestH = Math.max(h, bestH);
                bestScore = score;
            }
        }
        return best;
    }

    /** The most cards a row whose cards are not {@link ClusterLayout#tooNarrow} (one at least). */
    private int mostColumns() {
        int columns = 1;
        while (columns < n && !ClusterLayout.tooNarrow(columns + 1, cardW(columns + 1), zoom)) {
            columns++;
        }
        return columns;
    }

    private static boolean labelled(double chipH) {
        return chipH >= ChipRaster.LABEL_MIN_HEIGHT;
    }

    /** How far a grid of {@code columns} cards a row is from no empty places and 3:2 cards (0 best). */
    private double score(int columns) {
        return (n % columns == 0 ? 0 : 10) + Math.abs(Math.log(cardW(columns) / cardH(columns) / 1.5));
    }

    /** The chip height of {@code chips} chips a card in a grid of {@code columns} cards a row. */
    private double chipsIn(int chips, int columns, double leastChip) {
        return ClusterLayout.chipHeight(
                Math.max(1, chips), cardW(columns) - 16 * zoom, cardH(columns) - headerH - 8 * zoom, zoom, leastChip);
    }

    private double cardW(int columns) {
        return (gridW - (columns - 1) * margin) / columns;
    }

    private double cardH(int columns) {
        int rows = (n + columns - 1) / columns;
        return (gridH - (rows - 1) * margin) / rows;
    }
}
