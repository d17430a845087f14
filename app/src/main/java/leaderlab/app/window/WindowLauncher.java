package leaderlab.app.window;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Stage;
import leaderlab.shell.bundle.Replayer;
import leaderlab.shell.command.CommandRunner;

/**
 * Opens the window beside the shell. The JavaFX toolkit is started here rather than through an
 * Application subclass, so the launcher's main class stays a plain class (JavaFX on the classpath
 * refuses to launch a main class that extends Application).
 */
public final class WindowLauncher {

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" when it
     * runs from the classpath, as leaderlab does; the warning is harmless and would land in the middle of
     * the shell. Held in a field because java.util.logging keeps loggers only weakly.
     */
    private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");

    /** The open window, once the FX thread has made it (null before, and without a display). */
    private static volatile LeaderlabWindow window;

    /** Completes once the window is on screen (a replay waits for it, so its console shows every line). */
    private static final java.util.concurrent.CompletableFuture<LeaderlabWindow> opened =
            new java.util.concurrent.CompletableFuture<>();

    private WindowLauncher() {}

    /** The open window, if there is one (the {@code present} command shows its lesson there). */
    public static java.util.Optional<LeaderlabWindow> window() {
        return java.util.Optional.ofNullable(window);
    }

    /**
     * Ends the lesson presented in the window, as its End button does.
     *
     * @return false when there is no window or no lesson in it
     */
    public static boolean endLesson() {
        LeaderlabWindow open = window;
        return open != null && open.endLessonFromCommand();
    }

    /**
     * Waits (at most {@code timeoutMs}) until the window is on screen.
     *
     * @return false when it did not open in time
     */
    public static boolean awaitOpen(long timeoutMs) {
        try {
            opened.get(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Shows a replay's digest check above the headline of the open window, if there is one. */
    public static void announceReplay(String bundleName, Replayer.Outcome outcome) {
        LeaderlabWindow open = window;
        if (open != null) {
            Platform.runLater(() -> open.whatIfs().announceReplay(bundleName, outcome));
        }
    }

    /** True when a window can be shown: a display on X11/Wayland systems; always on macOS and Windows. */
    public static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Starts JavaFX and shows the window; returns at once.
     *
     * @throws IllegalStateException with a one-line reason if the toolkit cannot start
     */
    public static void open(CommandRunner runner) {
        open(runner, false);
    }

    /** The window's size as it opens (within the screen). */
    private static final double WIDTH_PX = 1440;

    private static final double HEIGHT_PX = 900;

    /** @param presenter start in presenter mode (full screen, cluster view and narration only) */
    public static void open(CommandRunner runner, boolean presenter) {
        open(runner, presenter, true);
    }

    /**
     * @param playing whether the simulator plays by itself; a replay opens it paused, since the play
     *     clock's waits would be commands the bundle does not have
     */
    public static void open(CommandRunner runner, boolean presenter, boolean playing) {
        open(() -> new LeaderlabWindow(runner, playing, WIDTH_PX, HEIGHT_PX), presenter, "leaderlab");
    }

    /**
     * The window on a real Kafka cluster: it draws {@code polled}'s snapshots; its command bar runs lines on
     * {@code runner}, the shell's command thread.
     *
     * @throws IllegalStateException with a one-line reason if the toolkit cannot start
     */
    public static void openReal(CommandRunner runner, leaderlab.cluster.view.SnapshotSource polled, String title) {
        open(() -> new LeaderlabWindow(runner, polled, WIDTH_PX, HEIGHT_PX), false, title);
    }

    /**
     * Prism settings the window is drawn with; they must be set before the toolkit starts, as Prism reads
     * them once. JavaFX repaints a frame's changes as at most {@code prism.dirtyregioncount} rectangles
     * (6 unless set, 15 at most) and merges the nearest ones beyond that: in a failover storm every
     * broker card changes, and 12 cards in 6 rectangles repaint the gaps between them and, merged with
     * the quorum strip, the window root under everything. 15 keeps each card its own rectangle. A value
     * given on the command line wins.
     */
    public static void configureRendering() {
        if (System.getProperty("prism.dirtyregioncount") == null) {
            System.setProperty("prism.dirtyregioncount", "15");
        }
    }

    private static void open(java.util.function.Supplier<LeaderlabWindow> make, boolean presenter, String title) {
        PLATFORM_LOG.setLevel(Level.SEVERE);
        configureRendering();
        try {
            Platform.startup(() -> {
                // Closing the window leaves the shell running; leaving the shell closes the window.
                Platform.setImplicitExit(false);
                LeaderlabWindow created = make.get();
                Stage stage = new Stage();
                stage.setTitle(title);
                stage.setScene(created.scene());
                stage.setOnHidden(e -> {
                    created.stop();
                    window = null;
                });
                stage.show();
                Platform.runLater(() -> sizeOnScreen(stage, created));
                if (presenter) {
                    created.setPresenter(true);
                }
                created.start();
                window = created;
                opened.complete(created);
            });
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Gives the stage its size, within the screen. Under some X11 window managers (openbox here; newer
     * GNOME's mutter: JDK-8316423, fixed in JavaFX 22, which needs JDK 21) JavaFX 21 showed a window sized
     * by its scene at 200x200, and its split panes, squeezed at that size, kept their squeezed shares when
     * the window was enlarged (the cluster view got 54% of the width, not 70%). Set once the window is on
     * screen (set before, the window manager's 200x200 came after it); where the window was squeezed, it is
     * laid out again as it reaches its size, so the splits take their first shares. A click ends the watch.
     */
    static void sizeOnScreen(Stage stage, LeaderlabWindow window) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(WIDTH_PX, screen.getWidth());
        javafx.scene.Scene scene = stage.getScene();
        ResizeWatch watch = new ResizeWatch(scene, width - SQUEEZE_PX, window::layOut);
        scene.widthProperty().addListener(watch);
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, watch.clicked);
        stage.setWidth(width);
        stage.setHeight(Math.min(HEIGHT_PX, screen.getHeight()));
        stage.centerOnScreen();
    }

    /**
     * Runs {@code reached} once, when the scene grows to {@code leastWidth} from narrower; a click first ends
     * the watch (the window manager is done with the window by then), and either end removes it from the scene.
     */
    private static final class ResizeWatch implements javafx.beans.value.ChangeListener<Number> {
        private final javafx.scene.Scene scene;
        private final double leastWidth;
        private final Runnable reached;
        final javafx.event.EventHandler<javafx.scene.input.MouseEvent> clicked = e -> end();

        ResizeWatch(javafx.scene.Scene scene, double leastWidth, Runnable reached) {
            this.scene = scene;
            this.leastWidth = leastWidth;
            this.reached = reached;
        }

        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number was, Number now) {
            if (now.doubleValue() >= leastWidth && was.doubleValue() < leastWidth) {
                end();
                reached.run();
            }
        }

        private void end() {
            scene.widthProperty().removeListener(this);
            scene.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, clicked);
        }
    }

    /** How much narrower than its size a window may be without being squeezed: its decorations, and more. */
    private static final double SQUEEZE_PX = 40;

    /** Closes the window and stops the toolkit, if it was started. */
    public static void close() {
        try {
            Platform.exit();
        } catch (IllegalStateException e) {
            // The toolkit was never started: nothing to close.
        }
    }
}
