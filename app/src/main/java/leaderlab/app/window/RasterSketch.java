package leaderlab.app.window;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import javafx.scene.paint.Color;

/**
 * {@link Sketch} onto an image with Java2D, which needs no display and no JavaFX toolkit, so the
 * shell can export a PNG headless; {@code scale} draws at a higher pixel density than the layout.
 */
final class RasterSketch implements Sketch {

    private final BufferedImage image;
    private final Graphics2D g;

    RasterSketch(double width, double height, double scale) {
        image = new BufferedImage(
                (int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
    }

    @Override
    public void beginGroup(String kind, String name) {
        // Pixels have no structure to keep.
    }

    @Override
    public void endGroup() {
        // Pixels have no structure to keep.
    }

    @Override
    public void rect(
            double x, double y, double w, double h, double radius, Color fill, Color stroke, double strokeWidth) {
        java.awt.Shape shape = radius > 0
                ? new RoundRectangle2D.Double(x, y, w, h, 2 * radius, 2 * radius)
                : new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(awt(fill));
            g.fill(shape);
        }
        if (stroke != null) {
            g.setColor(awt(stroke));
            g.setStroke(new BasicStroke((float) strokeWidth));
            g.draw(shape);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color stroke, double width, boolean dashed) {
        g.setColor(awt(stroke));
        g.setStroke(
                dashed
                        ? new BasicStroke(
                                (float) width,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                10,
                                new float[] {(float) width * 3, (float) width * 2},
                                0)
                        : new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polygon(double[] xs, double[] ys, Color fill) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        g.setColor(awt(fill));
        g.fill(path);
    }

    @Override
    public void text(double x, double baseline, String content, double size, boolean bold, Color fill) {
        g.setColor(awt(fill));
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
        g.drawString(content, (float) x, (float) baseline);
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }

    private static java.awt.Color awt(Color c) {
        return new java.awt.Color(
                (float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
