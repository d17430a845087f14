package leaderlab.app.window;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The cluster view's legend: what the chip shapes mean, laid out between the clients and the controller
 * (the hover caption's place). Its chips go into the {@link ChipRaster}, its words onto the canvas.
 */
final class ChipLegend {

    interface LegendItem {
        void draw(ReplicaState state, double x, double y, double chipW, double chipH);
    }

    private ChipLegend() {}

    /** The legend's chips, into the raster buffer. */
    static void raster(ChipRaster chips, ClusterLayout layout, Palette palette, double zoom) {
        legend(layout, zoom, (state, x, y, chipW, chipH) -> chips.chip(palette, state, x, y, chipW, chipH, false));
    }

    /** The legend's chip labels and words, over the raster. */
    static void label(GraphicsContext g, ClusterLayout layout, Palette palette, double zoom) {
        legend(layout, zoom, (state, x, y, chipW, chipH) -> {
            ChipRaster.label(g, palette, state, "", x, y, chipW, chipH);
            g.setFill(palette.text());
            g.setFont(legendFont(chipH));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(state.legendLabel(), x + chipW + 6 * chipH / 20, y + chipH / 2);
        });
    }

    /** The legend's type, in proportion to its chips (15 px beside a 20 px chip). */
    private static Font legendFont(double chipH) {
        return Font.font("System", FontWeight.BOLD, chipH * 0.75);
    }

    /**
     * Lays the legend out between the clients and the controller: all of it, always. One row at full
     * size when it fits, else two rows, as large as fit the band (in presenter mode and when zoomed the
     * band is narrow for its type).
     */
    static void legend(ClusterLayout layout, double zoom, LegendItem item) {
        double left = layout.clients.x() + layout.clients.w() + 14 * zoom;
        double room = layout.controller.x() - 14 * zoom - left;
        ReplicaState[] states = ReplicaState.values();
        double bandH = layout.clients.h();
        int rows = rowWidth(states, 0, states.length, 20 * zoom) <= room ? 1 : 2;
        int split = rows == 1 ? states.length : (states.length + 1) / 2;
        double chipH = rows == 1 ? 20 * zoom : Math.min(20 * zoom, (bandH - 4 * zoom) / 2);
        double widest = Math.max(rowWidth(states, 0, split, chipH), rowWidth(states, split, states.length, chipH));
        if (widest > room) {
            chipH *= room / widest;
        }
        double rowGap = rows == 1 ? 0 : (bandH - 2 * chipH) / 3;
        for (int r = 0; r < rows; r++) {
            double x = left;
            double y = rows == 1
                    ? layout.clients.centerY() - chipH / 2
                    : layout.clients.y() + rowGap + r * (chipH + rowGap);
            for (int i = r == 0 ? 0 : split; i < (r == 0 ? split : states.length); i++) {
                item.draw(states[i], x, y, chipH * 1.6, chipH);
                x += itemWidth(states[i], chipH);
            }
        }
    }

    private static double rowWidth(ReplicaState[] states, int from, int to, double chipH) {
        double width = 0;
        for (int i = from; i < to; i++) {
            width += itemWidth(states[i], chipH);
        }
        return width;
    }

    /** A chip, its word and the space before the next, all in proportion to the chip. */
    private static double itemWidth(ReplicaState state, double chipH) {
        return chipH * 1.6 + chipH * 0.7 + ClusterCanvas.textWidth(state.legendLabel(), legendFont(chipH));
    }
}
