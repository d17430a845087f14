package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The cluster view repaints only what changed between frames (software rendering cannot afford the
 * whole 1920x1080 view every frame). The shortcut must be invisible: a view that followed a crash,
 * the controller's countdown, the fencing and the elections frame by frame shows exactly the pixels of
 * a view that drew the last moment whole.
 */
@org.junit.jupiter.api.Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CanvasRepaintTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static List<ClusterSnapshot> crashAndFailover() {
        List<ClusterSnapshot> moments = new ArrayList<>();
        try (Cluster cluster = Cluster.start(WindowFixture.simulated(3, 0, 5))) {
            Dispatcher shell = new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster));
            for (String line : new String[] {
                "create topic orders --partitions 6 --replication-factor 3",
                "wait 1s",
                "kill 1",
                "wait 300ms",
                "wait 600ms",
                "wait until broker 1 is fenced --timeout 5s",
                "wait 500ms",
                "restart 1",
                "wait 2s"
            }) {
                assertTrue(shell.execute(line).isOk(), line);
                moments.add(cluster.snapshot());
            }
        }
        return moments;
    }

    private void show(FxRobot robot, ClusterCanvas... canvases) {
        robot.interact(() -> {
            HBox row = new HBox(canvases);
            for (ClusterCanvas canvas : canvases) {
                canvas.setPrefSize(900, 600);
            }
            stage.setScene(new Scene(row, 900 * canvases.length, 600));
            stage.show();
        });
    }

    @Test
    void repaintingChangesGivesThePixelsOfAWholeRepaint(FxRobot robot) {
        List<ClusterSnapshot> moments = crashAndFailover();
        ClusterCanvas followed = new ClusterCanvas();
        ClusterCanvas whole = new ClusterCanvas();
        show(robot, followed, whole);
        ClusterSnapshot last = moments.get(moments.size() - 1);
        robot.interact(() -> {
            for (ClusterSnapshot moment : moments.subList(1, moments.size())) {
                followed.render(moment, -1, Palette.LIGHT, 1.0, null);
            }
            whole.render(last, -1, Palette.LIGHT, 1.0, null);
        });
        // The chips that changed pulse a moment; once the pulses are over, nothing of them stays.
        long pulsesEnd = System.nanoTime() + ChipPulses.PULSE_NANOS;
        awaitFx("the pulses' end", () -> {
            followed.render(last, -1, Palette.LIGHT, 1.0, null);
            return System.nanoTime() > pulsesEnd && !followed.pulsing();
        });
        int followedWhole = WindowFixture.onFx(followed::wholeRepaints);
        assertEquals(
                1,
                followedWhole,
                "after the first frame, crash, countdown, fencing and elections repaint changes only");
        WritableImage a = WindowFixture.onFx(() -> followed.snapshot(null, null));
        WritableImage b = WindowFixture.onFx(() -> whole.snapshot(null, null));
        assertEquals(0, differingPixels(a, b), "pixels that differ between the followed view and a whole repaint");
    }

    @Test
    void aChipThatChangesStatePulses(FxRobot robot) {
        List<ClusterSnapshot> moments = crashAndFailover();
        ClusterCanvas view = new ClusterCanvas();
        show(robot, view);
        // The first moment at which a chip of a surviving broker changes state (the failover makes it a leader).
        int changedAt = -1;
        int partitionId = -1;
        int changedBroker = -1;
        for (int k = 1; k < moments.size() && changedAt < 0; k++) {
            var partitions = moments.get(k).metadata().partitions();
            for (int p = 0; p < partitions.size() && changedAt < 0; p++) {
                for (int broker : new int[] {2, 3}) {
                    if (ReplicaState.of(partitions.get(p), moments.get(k).broker(broker))
                            != ReplicaState.of(
                                    moments.get(k - 1).metadata().partitions().get(p),
                                    moments.get(k - 1).broker(broker))) {
                        changedAt = k;
                        partitionId = partitions.get(p).id();
                        changedBroker = broker;
                        break;
                    }
                }
            }
        }
        assertTrue(changedAt > 0, "the failover changes a chip of a surviving broker");
        List<ClusterSnapshot> upTo = moments.subList(0, changedAt + 1);
        robot.interact(() -> upTo.forEach(moment -> view.render(moment, -1, Palette.LIGHT, 1.0, null)));
        int id = partitionId;
        int broker = changedBroker;
        ClusterLayout.Box chip = WindowFixture.onFx(() -> view.chipOf(broker, id));
        WritableImage pulsing = WindowFixture.onFx(() -> view.snapshot(null, null));
        int highlight = ChipRaster.argb(Palette.LIGHT.highlight());
        assertEquals(
                highlight,
                pulsing.getPixelReader().getArgb((int) chip.x() - 2, (int) chip.centerY()),
                "a ring in the gap beside the changed chip");
        assertTrue(WindowFixture.onFx(view::pulsing));
        long pulseEnd = System.nanoTime() + ChipPulses.PULSE_NANOS;
        ClusterSnapshot last = upTo.get(upTo.size() - 1);
        awaitFx("the pulse's end", () -> {
            view.render(last, -1, Palette.LIGHT, 1.0, null);
            return System.nanoTime() > pulseEnd && !view.pulsing();
        });
        WritableImage after = WindowFixture.onFx(() -> view.snapshot(null, null));
        assertTrue(
                after.getPixelReader().getArgb((int) chip.x() - 2, (int) chip.centerY()) != highlight,
                "the ring is gone after the pulse");
    }

    private static void awaitFx(String what, java.util.function.BooleanSupplier condition) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(
                    20,
                    java.util.concurrent.TimeUnit.SECONDS,
                    () -> org.testfx.util.WaitForAsyncUtils.asyncFx(condition::getAsBoolean)
                            .get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private static int differingPixels(WritableImage a, WritableImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int differing = 0;
        StringBuilder where = new StringBuilder();
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    if (differing++ < 12) {
                        where.append(String.format(
                                java.util.Locale.ROOT,
                                " (%d,%d) %08x vs %08x",
                                x,
                                y,
                                ra.getArgb(x, y),
                                rb.getArgb(x, y)));
                    }
                }
            }
        }
        if (differing > 0) {
            System.out.println("differing pixels, the first:" + where);
        }
        return differing;
    }
}
