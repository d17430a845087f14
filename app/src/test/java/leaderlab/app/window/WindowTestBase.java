package leaderlab.app.window;

import java.nio.file.Path;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.CommandRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What every TestFX window test shares: the stage TestFX hands out, one {@link WindowFixture} a test
 * opens on it (closed after the test), and a home directory of its own, so that what the window keeps
 * in {@code ~/.leaderlab} (the prediction log) lands in a temporary folder, never in the user's home or
 * the source tree.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {

    @TempDir
    Path home;

    Stage stage;
    WindowFixture fixture;

    private String userHome;

    /** The stage TestFX set up for this test (its {@code @Start} methods are looked up on the test class alone). */
    @BeforeEach
    void takeStageAndUseTemporaryHome() {
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void closeWindowAndRestoreHome() {
        if (fixture != null) {
            fixture.close();
        }
        System.setProperty("user.home", userHome);
    }

    /** Opens the window on a new cluster with the app's commands. */
    void openWindow(FxRobot robot, ClusterOptions options, double width, double height) {
        openWindow(robot, options, width, height, leaderlab.app.AppCommands.registry());
    }

    void openWindow(FxRobot robot, ClusterOptions options, double width, double height, CommandRegistry registry) {
        robot.interact(() -> fixture = new WindowFixture(stage, options, width, height, registry));
    }

    /**
     * Presenter mode on or off at {@code width} x {@code height}: presenter mode goes full screen, and the
     * headless screen is 1920x1200, so the window is kept at the projector's size.
     */
    void presenter(FxRobot robot, boolean on, double width, double height) {
        robot.interact(() -> {
            fixture.window.setPresenter(on);
            stage.setFullScreen(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    /** The height of the cluster view's scroll pane's viewport: how much of the view is on screen. */
    double clusterViewportHeight(FxRobot robot) {
        ScrollPane scroll = robot.lookup("#cluster-scroll").queryAs(ScrollPane.class);
        return WindowFixture.onFx(() -> scroll.getViewportBounds().getHeight());
    }
}
