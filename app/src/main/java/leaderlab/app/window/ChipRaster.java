package leaderlab.app.window;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints replica chips straight into a pixel buffer that the canvas then draws as one image. With
 * thousands of chips a frame, one canvas call per rectangle costs more than the whole frame budget in
 * software rendering; filling an int array costs almost nothing. Shape carries the state as well as
 * colour: a leader is filled with a bold outline (and a crown when labelled); an in-sync follower has a
 * solid outline; an out-of-sync follower a dashed one; an offline replica is grey, crossed (and hatched
 * when labelled).
 */
final class ChipRaster {

    /** Below this height a chip has no room for a label or a crown. */
    static final double LABEL_MIN_HEIGHT = 18;

    /**
     * The least type size of a chip's label, in screen pixels, for the back of a room: at 0.56 of the
     * chip's height, the labels of the smallest labelled chips were 10 px (caps of 7 px).
     */
    static final double LABEL_MIN_FONT = 12;

    /** A label's type size as a share of its chip's height, above {@link #LABEL_MIN_FONT}. */
    static final double LABEL_SHARE = 0.56;

    /** The type size of the label on a chip {@code h} high. */
    static double labelFontSize(double h) {
        return Math.max(LABEL_MIN_FONT, h * LABEL_SHARE);
    }

    /** How wide a label may be on a chip {@code w} x {@code h}: right of the crown's place. */
    static double labelRoom(double w, double h) {
        return w - h * 1.05;
    }

    private int width;
    private int height;
    /** Where the buffer's top-left pixel lies in the coordinates callers draw in (a card's corner). */
    private int originX;

    private int originY;
    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    /**
     * Starts a frame: an opaque buffer the size of the canvas, filled with the background. Opaque and
     * covering everything, it replaces the canvas's own background fill and large shape fills, which
     * the software pipeline would rasterize with anti-aliasing.
     */
    void begin(double canvasWidth, double canvasHeight, Color background) {
        begin(0, 0, canvasWidth, canvasHeight, background);
    }

    /** As {@link #begin(double, double, Color)}, for a buffer whose top-left pixel is at (originX, originY). */
    void begin(int originX, int originY, double canvasWidth, double canvasHeight, Color background) {
        this.originX = originX;
        this.originY = originY;
        int w = Math.max(1, (int) Math.ceil(canvasWidth));
        int h = Math.max(1, (int) Math.ceil(canvasHeight));
        if (w != width || h != height) {
            width = w;
            height = h;
            pixels = new int[w * h];
            // The image reads our array in place (no per-frame conversion to another pixel format).
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        Arrays.fill(pixels, argb(background));
    }

    /** Continues the last frame's buffer, to repaint parts of it. */
    boolean canContinue(double canvasWidth, double canvasHeight) {
        return image != null
                && width == Math.max(1, (int) Math.ceil(canvasWidth))
                && height == Math.max(1, (int) Math.ceil(canvasHeight));
    }

    /** A plain filled rectangle (card and box bodies). */
    void rect(double x, double y, double w, double h, Color color) {
        fill((int) Math.round(x), (int) Math.round(y), (int) Math.round(w), (int) Math.round(h), argb(color));
    }

    /** Ends a frame: the chips go onto the canvas in one draw. */
    void drawTo(GraphicsContext g) {
        buffer.updateBuffer(b -> null);
        g.drawImage(image, originX, originY);
    }

    /**
     * Puts regions of the buffer on the canvas over what was there: the chips and cards that changed
     * since the last frame. Only their bounds are copied to the image's texture and drawn, so a frame in
     * which three chips change costs three chips, not the whole canvas. Regions should lie on whole
     * pixels (as {@link #chip} rounds them); others are widened to the pixels they touch.
     */
    void drawRegions(GraphicsContext g, java.util.List<ClusterLayout.Box> regions) {
        if (regions.isEmpty()) {
            return;
        }
        int[][] bounds = new int[regions.size()][];
        int minX = width;
        int minY = height;
        int maxX = 0;
        int maxY = 0;
        for (int i = 0; i < bounds.length; i++) {
            ClusterLayout.Box r = regions.get(i);
            int x0 = Math.max(0, (int) Math.floor(r.x()) - originX);
            int y0 = Math.max(0, (int) Math.floor(r.y()) - originY);
            int x1 = Math.min(width, (int) Math.ceil(r.x() + r.w()) - originX);
            int y1 = Math.min(height, (int) Math.ceil(r.y() + r.h()) - originY);
            bounds[i] = new int[] {x0, y0, x1, y1};
            minX = Math.min(minX, x0);
            minY = Math.min(minY, y0);
            maxX = Math.max(maxX, x1);
            maxY = Math.max(maxY, y1);
        }
        if (minX >= maxX || minY >= maxY) {
            return;
        }
        javafx.geometry.Rectangle2D dirty = new javafx.geometry.Rectangle2D(minX, minY, maxX - minX, maxY - minY);
        buffer.updateBuffer(b -> dirty);
        for (int[] r : bounds) {
            if (r[0] < r[2] && r[1] < r[3]) {
                int w = r[2] - r[0];
                int h = r[3] - r[1];
                g.drawImage(image, r[0], r[1], w, h, r[0] + originX, r[1] + originY, w, h);
            }
        }
    }

    void chip(Palette palette, ReplicaState state, double fx, double fy, double fw, double fh, boolean highlighted) {
        int x = (int) Math.round(fx);
        int y = (int) Math.round(fy);
        int w = Math.max(1, (int) Math.round(fw));
        int h = Math.max(1, (int) Math.round(fh));
        boolean small = fh < LABEL_MIN_HEIGHT;
        int line = small ? Math.max(1, h / 4) : Math.max(2, Math.round(h / 12f));
        int card = argb(palette.card());
        switch (state) {
            case LEADER -> {
                fill(x, y, w, h, argb(palette.leader()));
                outline(x, y, w, h, small ? 1 : line * 3 / 2, argb(palette.text()));
            }
            case IN_SYNC -> {
                fill(x, y, w, h, card);
                outline(x, y, w, h, line, argb(palette.inSync()));
            }
            case OUT_OF_SYNC -> {
                fill(x, y, w, h, card);
                dashedOutline(x, y, w, h, line, Math.max(2, h / 4), argb(palette.outOfSync()));
            }
            case ELIGIBLE -> {
                // A double outline: out of the ISR, yet still a clean leader candidate.
                fill(x, y, w, h, card);
                int inset = 2 * line;
                int eligible = argb(palette.replica(ReplicaState.ELIGIBLE));
                outline(x, y, w, h, line, eligible);
                if (w > 2 * inset && h > 2 * inset) {
                    outline(x + inset, y + inset, w - 2 * inset, h - 2 * inset, line, eligible);
                }
            }
            case OFFLINE -> {
                int grey = argb(palette.offline());
                fill(x, y, w, h, card);
                if (!small) {
                    hatch(x, y, w, h, grey);
                }
                outline(x, y, w, h, small ? 1 : Math.max(1, line * 3 / 4), grey);
                cross(x, y, Math.min(w, h), small ? Math.max(1, h / 5) : line, grey);
            }
        }
        if (highlighted) {
            int ring = ringWidth(h);
            outline(x - ring - 1, y - ring - 1, w + 2 * ring + 2, h + 2 * ring + 2, ring, argb(palette.highlight()));
        }
    }

    /** A ring {@code t} pixels wide around a chip drawn by {@link #chip} at the same place: a pulse. */
    void ring(double fx, double fy, double fw, double fh, int t, Color color) {
        int x = (int) Math.round(fx);
        int y = (int) Math.round(fy);
        int w = Math.max(1, (int) Math.round(fw));
        int h = Math.max(1, (int) Math.round(fh));
        outline(x - t, y - t, w + 2 * t, h + 2 * t, t, argb(color));
    }

    /** How wide the hover ring around a chip of height {@code h} is, in pixels. */
    static int ringWidth(double h) {
        return Math.max(2, Math.max(1, (int) Math.round(h)) / 7);
    }

    /** The label (and a leader's crown) of a chip big enough for them, drawn on the canvas over the image. */
    static void label(
            GraphicsContext g,
            Palette palette,
            ReplicaState state,
            String text,
            double x,
            double y,
            double w,
            double h) {
        if (h < LABEL_MIN_HEIGHT) {
            return;
        }
        if (state == ReplicaState.LEADER) {
            crown(g, palette.leaderText(), x + h * 0.2, y + h * 0.24, h * 0.52);
        }
        g.setFill(
                state == ReplicaState.LEADER
                        ? palette.leaderText()
                        : state == ReplicaState.OFFLINE ? palette.mutedText() : palette.text());
        g.setFont(labelFont(h));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + h * 0.95, y + h / 2, labelRoom(w, h));
    }

    static Font labelFont(double h) {
        return Font.font("System", FontWeight.BOLD, labelFontSize(h));
    }

    private static void crown(GraphicsContext g, Color color, double x, double y, double size) {
        double[] xs = {x, x, x + size * 0.25, x + size * 0.5, x + size * 0.75, x + size, x + size};
        double[] ys = {y + size, y + size * 0.2, y + size * 0.55, y, y + size * 0.55, y + size * 0.2, y + size};
        g.setFill(color);
        g.fillPolygon(xs, ys, xs.length);
    }

    static int argb(Color color) {
        return 0xFF000000
                | (int) Math.round(color.getRed() * 255) << 16
                | (int) Math.round(color.getGreen() * 255) << 8
                | (int) Math.round(color.getBlue() * 255);
    }

    private void fill(int ax, int ay, int w, int h, int color) {
        int x = ax - originX;
        int y = ay - originY;
        int x0 = Math.max(0, x);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        if (x0 >= x1) {
            return;
        }
        for (int row = Math.max(0, y); row < y1; row++) {
            Arrays.fill(pixels, row * width + x0, row * width + x1, color);
        }
    }

    private void outline(int x, int y, int w, int h, int t, int color) {
        fill(x, y, w, t, color);
        fill(x, y + h - t, w, t, color);
        fill(x, y, t, h, color);
        fill(x + w - t, y, t, h, color);
    }

    private void dashedOutline(int x, int y, int w, int h, int t, int dash, int color) {
        for (int d = 0; d < w; d += dash * 2) {
            fill(x + d, y, Math.min(dash, w - d), t, color);
            fill(x + d, y + h - t, Math.min(dash, w - d), t, color);
        }
        for (int d = 0; d < h; d += dash * 2) {
            fill(x, y + d, t, Math.min(dash, h - d), color);
            fill(x + w - t, y + d, t, Math.min(dash, h - d), color);
        }
    }

    /** A cross in the square at (x, y): blocks along both diagonals. */
    private void cross(int x, int y, int size, int t, int color) {
        for (int d = 0; d + t <= size; d += Math.max(1, t / 2)) {
            fill(x + d, y + d, t, t, color);
            fill(x + d, y + size - d - t, t, t, color);
        }
    }

    /** Diagonal hatching, one pixel wide, every six pixels. */
    private void hatch(int x, int y, int w, int h, int color) {
        for (int c = 6; c < w + h; c += 6) {
            for (int u = Math.max(0, c - h); u < Math.min(w, c); u++) {
                fill(x + u, y + h - 1 - (c - u - 1), 1, 1, color);
            }
        }
    }
}
