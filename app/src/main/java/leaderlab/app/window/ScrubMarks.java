package leaderlab.app.window;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import leaderlab.cluster.journal.Event;

/**
 * Marks above the scrubber where something happened (elections, fencing, truncations, failed
 * produces), placed by cluster time over the kept history, so a teacher can drag straight to them.
 */
final class ScrubMarks extends Canvas {

    ScrubMarks() {
        setId("scrub-marks");
        setHeight(10);
    }

    /**
     * An election's mark in the leader colour, anything else that went wrong in the fault colour, or none:
     * a controller's campaign (its pre-votes and votes, retried every few hundred ms while no majority
     * answers) is no election until one is won, and only that is marked.
     */
    static Color colourOf(Event event, Palette palette) {
        return switch (event.type()) {
            case QUORUM_ELECTION_STARTED, QUORUM_VOTE -> null;
            case LEADER_ELECTED, QUORUM_LEADER_ELECTED -> palette.leader();
            default -> palette.fault();
        };
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
            Color colour = colourOf(event, palette);
            if (colour == null) {
                continue;
            }
            g.setFill(colour);
            double x = (event.timeMs() - first) / span * (width - 2);
            g.fillRect(x, 0, 2, getHeight());
        }
    }
}
