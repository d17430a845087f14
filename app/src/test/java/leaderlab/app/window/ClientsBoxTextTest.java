package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Clients box flashing a failed produce at 1920x1080, in the normal window and in presenter mode: its
 * alarm takes the subtitle's place under the title, and every line stays inside the box, over no other
 * ("PRODUCE FAILED" used to be drawn over "produce, consume"). Geometry, as the painter places it.
 */
class ClientsBoxTextTest extends WindowTestBase {

    @Test
    void theAlarmReplacesTheSubtitleInTheNormalWindow(FxRobot robot) {
        alarmKeepsClear(robot, false);
    }

    @Test
    void theAlarmReplacesTheSubtitleInPresenterMode(FxRobot robot) {
        alarmKeepsClear(robot, true);
    }

    private void alarmKeepsClear(FxRobot robot, boolean presenter) {
        openWindow(robot, WindowFixture.simulated(3, 0, 7), 1920, 1080);
        robot.interact(() -> fixture.window.setPresenter(presenter));
        fixture.run("create topic orders --replica-assignment 2:1:3");
        fixture.run("wait 500ms");
        fixture.awaitCaughtUp(robot);
        List<String> calm = texts(lines());
        assertEquals(List.of("Clients", "produce, consume"), calm);
        fixture.run("isolate 2 --from clients");
        fixture.run("produce orders --count 3 --retries 0");
        fixture.awaitCaughtUp(robot);
        robot.interact(fixture.window::frame);
        List<EndpointText.Line> lines = lines();
        assertEquals(List.of("Clients", ProduceFailures.FAILED), texts(lines), "the alarm in the subtitle's place");
        List<String> problems = WindowFixture.onFx(() -> {
            ClusterLayout.Box box = fixture.window.clusterCanvas().layoutForTests().clients;
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                EndpointText.Line line = lines.get(i);
                ClusterLayout.Box drawn = line.box();
                if (drawn.x() < box.x()
                        || drawn.y() < box.y()
                        || drawn.x() + drawn.w() > box.x() + box.w()
                        || drawn.y() + drawn.h() > box.y() + box.h() + 0.5) {
                    found.add("'" + line.text() + "' " + drawn + " outside the box " + box);
                }
                if (ClusterCanvas.textWidth(line.text(), line.font()) > line.maxWidth()) {
                    found.add("'" + line.text() + "' squeezed to fit");
                }
                for (int j = 0; j < i; j++) {
                    if (overlap(drawn, lines.get(j).box())) {
                        found.add("'" + line.text() + "' over '" + lines.get(j).text() + "'");
                    }
                }
            }
            return found;
        });
        assertTrue(problems.isEmpty(), (presenter ? "presenter mode: " : "normal window: ") + problems);
    }

    private List<EndpointText.Line> lines() {
        return WindowFixture.onFx(() -> fixture.window.clusterCanvas().clientsLinesForTests());
    }

    private static List<String> texts(List<EndpointText.Line> lines) {
        return lines.stream().map(EndpointText.Line::text).toList();
    }

    private static boolean overlap(ClusterLayout.Box a, ClusterLayout.Box b) {
        return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
    }
}
