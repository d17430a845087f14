package leaderlab.app.window;

import javafx.scene.paint.Color;

/**
 * The few drawing operations an exported picture needs, so one drawing ({@link ExportPicture}) comes
 * out as vector SVG ({@link SvgSketch}) or as a PNG ({@link RasterSketch}). Text is placed by its
 * baseline. A group names what its shapes show (a broker card, a chip), which SVG keeps as elements.
 */
interface Sketch {

    void beginGroup(String kind, String name);

    void endGroup();

    /** A rectangle; a null fill or stroke is not drawn; {@code radius} rounds the corners. */
    void rect(double x, double y, double w, double h, double radius, Color fill, Color stroke, double strokeWidth);

    void line(double x1, double y1, double x2, double y2, Color stroke, double width, boolean dashed);

    void polygon(double[] xs, double[] ys, Color fill);

    void text(double x, double baseline, String text, double size, boolean bold, Color fill);

    /** An estimate of a text's width, to fit labels (both outputs use the same sans-serif metrics). */
    static double textWidth(String text, double size, boolean bold) {
        return text.length() * size * (bold ? 0.72 : 0.6);
    }
}
