package leaderlab.app.window;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.layout.Region;

/** The window's theme (light or dark) and zoom, applied to its controls' styles and to what the canvases draw. */
final class Appearance {

    private static final double MIN_ZOOM = 0.6;
    private static final double MAX_ZOOM = 2.4;
    /** The controls' type size at zoom 1, in pixels. */
    static final double FONT_PX = 15;

    private final Region root;
    private final Runnable redrawAll;
    private Palette palette = Palette.LIGHT;
    private double zoom = 1.0;

    /** @param redrawAll repaints every canvas (they draw with {@link #palette} and {@link #zoom} themselves) */
    Appearance(Region root, Runnable redrawAll) {
        this.root = root;
        this.redrawAll = redrawAll;
    }

    Palette palette() {
        return palette;
    }

    double zoom() {
        return zoom;
    }

    void toggleTheme() {
        palette = palette.dark() ? Palette.LIGHT : Palette.DARK;
        applyTheme();
    }

    /** Zooms by {@code factor}, within the zooms at which the layout still holds. */
    void zoomBy(double factor) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        applyZoom();
    }

    /** Applies the theme and zoom as they are (once, when the window is made). */
    void apply() {
        applyTheme();
        applyZoom();
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(
                palette.dark()
                        ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("light", "dark");
        root.getStyleClass().add(palette.dark() ? "dark" : "light");
        redrawAll.run();
    }

    private void applyZoom() {
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", FONT_PX * zoom));
        redrawAll.run();
    }
}
