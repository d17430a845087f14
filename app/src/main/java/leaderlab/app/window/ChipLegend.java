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

    private interface LegendItem {
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
            g.setFont(legendFont(zoom));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(state.legendLabel(), x + chipW + 6 * zoom, y + chipH / 2);
        });
    }

    private static Font legendFont(double zoom) {
        return Font.font("System", FontWeight.BOLD, 15 * zoom);
    }

    /** Lays the legend out left to right, stopping before the controller box. */
    private static void legend(ClusterLayout layout, double zoom, LegendItem item) {
        double x = layout.clients.x() + layout.clients.w() + 14 * zoom;
        double chipH = 20 * zoom;
        double chipW = chipH * 1.6;
        double y = layout.clients.centerY() - chipH / 2;
        for (ReplicaState state : ReplicaState.values()) {
            double itemW = chipW + 14 * zoom + ClusterCanvas.textWidth(state.legendLabel(), legendFont(zoom));
            if (x + itemW > layout.controller.x()) {
                break;
            }
            item.draw(state, x, y, chipW, chipH);
            x += itemW;
        }
    }
}
