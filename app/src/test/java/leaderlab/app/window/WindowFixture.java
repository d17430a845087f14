package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window on a simulated (seeded, deterministic) cluster for TestFX tests. The simulator starts
 * paused, so cluster time moves only with the commands a test runs; waits are bounded waits on
 * conditions, never sleeps.
 */
final class WindowFixture implements AutoCloseable {

    final Cluster cluster;
    final CommandRunner runner;
    final LeaderlabWindow window;

    WindowFixture(Stage stage, ClusterOptions options, double width, double height) {
        this(stage, options, width, height, leaderlab.app.AppCommands.registry());
    }

    WindowFixture(
            Stage stage,
            ClusterOptions options,
            double width,
            double height,
            leaderlab.shell.command.CommandRegistry registry) {
        this(stage, options, width, height, registry, false);
    }

    /** @param playing whether the window plays the simulator by itself, as the app's window does */
    WindowFixture(
            Stage stage,
            ClusterOptions options,
            double width,
            double height,
            leaderlab.shell.command.CommandRegistry registry,
            boolean playing) {
        this.cluster = Cluster.start(options);
        this.runner = new CommandRunner(new Dispatcher(registry, new Session(cluster)));
        this.window = new LeaderlabWindow(runner, playing, width, height);
        stage.setScene(window.scene());
        // The stage is shared by a test class's tests: each window gets the size it asks for.
        stage.setFullScreen(false);
        stage.sizeToScene();
        stage.show();
        window.start();
    }

    static ClusterOptions simulated(int brokers, int racks, long seed) {
        return new ClusterOptions(brokers, racks, seed, true, false);
    }

    /** Runs a line on the command thread, as the REPL would, and waits for its result. */
    Result run(String line) {
        try {
            Result result = runner.submit(line).get(60, TimeUnit.SECONDS);
            assertTrue(result.isOk(), line + " -> " + result.lines());
            return result;
        } catch (Exception e) {
            throw new AssertionError(line + " did not finish: " + e, e);
        }
    }

    /** Waits (bounded) until the condition holds on the FX thread, with frames running meanwhile. */
    void awaitFx(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** Waits until the window has drawn the cluster as it is now. */
    void awaitCaughtUp(FxRobot robot) {
        long now = cluster.nowMs();
        awaitFx(
                "a frame at t=" + now,
                () -> window.shownSnapshot() != null && window.shownSnapshot().timeMs() >= now && !runner.busy());
        robot.interact(window::frame);
    }

    /** Puts the mouse on a broker's chip of a partition, as a teacher pointing at it would. */
    void hover(FxRobot robot, int broker, String topic, int partition) {
        int id = cluster.snapshot().topic(topic).partitionId(partition);
        ClusterLayout.Box chip = onFx(() -> window.clusterCanvas().chipOf(broker, id));
        robot.moveTo(
                window.clusterCanvas(),
                javafx.geometry.Pos.TOP_LEFT,
                new javafx.geometry.Point2D(chip.centerX(), chip.centerY()),
                org.testfx.robot.Motion.DIRECT);
        robot.interact(window::frame);
    }

    /**
     * Plays lesson 03 (a broker dies) in the window up to its first question, as a teacher would: step 1,
     * Next, and step 2 asks what the controller will believe about broker 1 before it crashes.
     */
    void lessonThreeAtItsQuestion(FxRobot robot) throws Exception {
        var lesson = new leaderlab.lessons.LessonLibrary().load("03");
        robot.interact(() -> window.presentLesson(lesson));
        awaitFx(
                "step 1",
                () -> !robot.lookup("#lesson-next")
                                .queryAs(javafx.scene.control.Button.class)
                                .isDisabled()
                        && runner.session().cluster() == window.lessonPanel().lessonCluster());
        robot.clickOn("#lesson-next");
        awaitFx(
                "step 2's question",
                () -> robot.lookup(".lesson-choice").queryAll().size() == 2);
        awaitFx("a frame of the lesson's cluster", () -> window.shownSnapshot().topic("orders") != null);
    }

    /** Answers the open question with its first choice (key A) and waits for the reveal and the crash. */
    void revealWithA(FxRobot robot) {
        robot.type(javafx.scene.input.KeyCode.A);
        awaitFx(
                "the reveal",
                () -> !window.lessonPanel().reveal().shown().isEmpty()
                        && !robot.lookup("#lesson-next")
                                .queryAs(javafx.scene.control.Button.class)
                                .isDisabled());
        awaitFx("the crash on screen", () -> !window.shownSnapshot().broker(1).running());
    }

    /** Computes something on the FX thread and returns it. */
    static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX work failed: " + e, e);
        }
    }

    /** Writes the scene as a PNG (for the README) and returns the path. */
    Path screenshot(FxRobot robot, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        java.awt.image.BufferedImage[] image = new java.awt.image.BufferedImage[1];
        robot.interact(() -> {
            window.frame();
            image[0] = SwingFXUtils.fromFXImage(window.scene().snapshot(null), null);
        });
        ImageIO.write(image[0], "png", file.toFile());
        return file;
    }

    @Override
    public void close() {
        runner.close();
        cluster.close();
    }
}
