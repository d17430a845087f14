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

    @Test
    void repaintingChangesGivesThePixelsOfAWholeRepaint(FxRobot robot) {
        List<ClusterSnapshot> moments = new ArrayList<>();
        try (Cluster cluster = Cluster.start(WindowFixture.simulated(3, 0, 5))) {
            Dispatcher shell = new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster));
            for (String line : new String[] {"create topic orders --partitions 6 --replication-factor 3", "wait 1s",
                "kill 1", "wait 300ms", "wait 600ms", "wait until broker 1 is fenced --timeout 5s", "wait 500ms",
                "restart 1", "wait 2s"}) {
                assertTrue(shell.execute(line).isOk(), line);
                moments.add(cluster.snapshot());
            }
        }
        ClusterCanvas followed = new ClusterCanvas();
        ClusterCanvas whole = new ClusterCanvas();
        robot.interact(() -> {
            HBox both = new HBox(followed, whole);
            followed.setPrefSize(900, 600);
            whole.setPrefSize(900, 600);
            stage.setScene(new Scene(both, 1800, 600));
            stage.show();
        });
        ClusterSnapshot last = moments.get(moments.size() - 1);
        robot.interact(() -> {
            for (ClusterSnapshot moment : moments.subList(1, moments.size())) {
                followed.render(moment, -1, Palette.LIGHT, 1.0, null);
            }
            whole.render(last, -1, Palette.LIGHT, 1.0, null);
        });
        int followedWhole = WindowFixture.onFx(followed::wholeRepaints);
        assertEquals(1, followedWhole, "after the first frame, crash, countdown, fencing and elections repaint changes only");
        WritableImage a = WindowFixture.onFx(() -> followed.snapshot(null, null));
        WritableImage b = WindowFixture.onFx(() -> whole.snapshot(null, null));
        assertEquals(0, differingPixels(a, b), "pixels that differ between the followed view and a whole repaint");
    }

    private static int differingPixels(WritableImage a, WritableImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int differing = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
