package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
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
 * A frame repaints at most {@link ClusterCanvas#CARD_PIXELS_PER_FRAME} of changed cards, the rest in the
 * next frames, so a failover storm that changes every card never repaints the whole view in one frame.
 * The budget must stay invisible to a class: a held-back card shows its change within a few frames, and
 * a new cluster, layout or theme is painted whole at once (never half old, half new).
 */
@org.junit.jupiter.api.Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CardBudgetTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Twelve brokers before and after broker 1's failover: new leaders on the other cards, its own card offline. */
    private static List<ClusterSnapshot> failover() {
        try (Cluster cluster = Cluster.start(WindowFixture.simulated(12, 0, 7))) {
            Dispatcher shell = new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster));
            assertTrue(shell.execute("create topic orders --partitions 240 --replication-factor 3")
                    .isOk());
            assertTrue(shell.execute("wait 1s").isOk());
            ClusterSnapshot before = cluster.snapshot();
            for (String line : new String[] {"kill 1", "wait until broker 1 is fenced --timeout 5s", "wait 1s"}) {
                assertTrue(shell.execute(line).isOk(), line);
            }
            return List.of(before, cluster.snapshot());
        }
    }

    /** A presenter-mode view (type for the back row) at 1920x1080. */
    private ClusterCanvas show(FxRobot robot) {
        ClusterCanvas view = new ClusterCanvas();
        robot.interact(() -> {
            view.setScale(ClusterCanvas.PRESENTER_SCALE);
            stage.setScene(new Scene(new StackPane(view), 1920, 1080));
            stage.show();
        });
        return view;
    }

    @Test
    void aNewLayoutOrThemeIsPaintedWholeInOneFrame(FxRobot robot) {
        List<ClusterSnapshot> moments = failover();
        ClusterCanvas view = show(robot);
        robot.interact(() -> view.render(moments.get(0), -1, Palette.LIGHT, 1.0, null));
        assertEquals(1, (int) WindowFixture.onFx(view::wholeRepaints), "the first frame paints every card");
        assertEquals(0, (int) WindowFixture.onFx(view::cardsBehindForTests));
        robot.interact(() -> stage.setWidth(1600));
        robot.interact(() -> {
            stage.getScene().getRoot().layout();
            view.render(moments.get(0), -1, Palette.LIGHT, 1.0, null);
        });
        assertEquals(2, (int) WindowFixture.onFx(view::wholeRepaints), "a resized view paints every card at once");
        assertEquals(0, (int) WindowFixture.onFx(view::cardsBehindForTests));
        robot.interact(() -> view.render(moments.get(0), -1, Palette.DARK, 1.0, null));
        assertEquals(3, (int) WindowFixture.onFx(view::wholeRepaints), "a new theme paints every card at once");
        assertEquals(0, (int) WindowFixture.onFx(view::cardsBehindForTests));
    }

    @Test
    void aChangeHeldBackByTheBudgetShowsWithinAFewFrames(FxRobot robot) {
        List<ClusterSnapshot> moments = failover();
        ClusterCanvas view = show(robot);
        robot.interact(() -> view.render(moments.get(0), -1, Palette.LIGHT, 1.0, null));
        ClusterLayout.Box card =
                WindowFixture.onFx(() -> view.layoutForTests().cards.get(0).box());
        long cardsPerFrame = Math.max(1, ClusterCanvas.CARD_PIXELS_PER_FRAME / (long) (card.w() * card.h()));
        int changed = WindowFixture.onFx(() -> {
            view.render(moments.get(1), -1, Palette.LIGHT, 1.0, null);
            return view.cardsBehindForTests() + (int) cardsPerFrame;
        });
        assertTrue(changed > cardsPerFrame, "the failover changes more cards than one frame paints: " + changed);
        int frames = 1;
        while (WindowFixture.onFx(view::cardsBehindForTests) > 0) {
            assertTrue(WindowFixture.onFx(view::animating), "the frame loop keeps drawing while cards wait");
            robot.interact(() -> view.render(moments.get(1), -1, Palette.LIGHT, 1.0, null));
            frames++;
        }
        long bound = (changed + cardsPerFrame - 1) / cardsPerFrame;
        assertTrue(
                frames <= bound, changed + " changed cards took " + frames + " frames, " + cardsPerFrame + " a frame");
        assertEquals(1, (int) WindowFixture.onFx(view::wholeRepaints), "the failover was painted as changes only");
    }
}
