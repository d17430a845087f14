package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.stage.Window;
import leaderlab.cluster.Cluster;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A chip's menu open when a new cluster comes on screen ({@code reset}, a lesson's {@code present}) closes:
 * it stayed open over lesson 11's cluster, offering orders-0's elections on a cluster without that topic.
 */
class NewClusterMenusTest extends WindowTestBase {

    /** The ids of the context menus on screen. */
    private static List<String> menusShowing() {
        return WindowFixture.onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> ((ContextMenu) w).getId())
                .toList());
    }

    @Test
    void aNewClusterClosesTheOldOnesMenu(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 5), 1600, 1000);
        fixture.run("create topic orders --partitions 3 --replication-factor 3");
        fixture.awaitCaughtUp(robot);
        Point2D chip = WindowFixture.onFx(() -> {
            ClusterCanvas canvas = fixture.window.clusterCanvas();
            ClusterLayout.Box box = canvas.layoutForTests().cards.get(0).chip(0);
            return canvas.localToScreen(box.x() + box.w() / 2, box.y() + box.h() / 2);
        });
        robot.clickOn(chip);
        assertEquals(List.of("partition-menu"), menusShowing(), "the chip's menu opens");

        fixture.run("reset");
        Cluster fresh = fixture.runner.session().cluster();
        fixture.awaitFx(
                "the new cluster on screen", () -> fixture.window.source().current() == fresh);
        robot.interact(fixture.window::frame);
        assertEquals(List.of(), menusShowing(), "no menu of the old cluster's partitions");
    }
}
