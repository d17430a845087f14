package leaderlab.app.window;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;

/**
 * Marks above the scrubber where something happened (elections, fencing, truncations, failed
 * produces), placed by cluster time over the kept history, so a teacher can drag straight to them.
 */
final class ScrubMarks extends Canvas {

    ScrubMarks() {
        setId("scrub-marks");
        setHeight(10);
    }

    void draw(SnapshotHistory history, List<Event> events, Palette palette) {
        GraphicsContext g = getGraphicsContext2D();
        double width = getWidth();
        g.clearRect(0, 0, width, getHeight());
        if (history.size() < 2) {
            return;
        }
        long first = history.get(0).timeMs();
        long last = history.get(history.size() - 1).timeMs();
        double span = Math.max(1, last - first);
        for (Event event : events) {
            if (event.timeMs() < first || event.timeMs() > last) {
                continue;
            }
            g.setFill(event.type() == EventType.LEADER_ELECTED ? palette.leader() : palette.fault());
            double x = (event.timeMs() - first) / span * (width - 2);
            g.fillRect(x, 0, 2, getHeight());
        }
    }
}
