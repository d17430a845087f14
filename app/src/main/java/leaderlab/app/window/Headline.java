package leaderlab.app.window;

import javafx.scene.control.Label;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;

/** "What just happened, and why", in the largest type in the window, for the back row. */
final class Headline extends Label {

    Headline() {
        setId("headline");
        getStyleClass().add("headline");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setText("Waiting for something to happen: right-click a broker to kill it.");
    }

    /** Cluster time for which a big event holds the headline against smaller news. */
    private static final long HOLD_MS = 3000;

    private Event current;

    /** Shows the event unless a more important one is still fresh. */
    void offer(Event event) {
        if (current == null || priority(event) >= priority(current) || event.timeMs() - current.timeMs() > HOLD_MS) {
            show(event);
        }
    }

    void clear() {
        current = null;
    }

    /** Elections and lost records first, then failures, then the rest. */
    static int priority(Event event) {
        return switch (event.type()) {
            case LEADER_ELECTED, TRUNCATED -> 3;
            case BROKER_FENCED, PRODUCE_FAILED, FAULT_INJECTED, BROKER_CONTROLLED_SHUTDOWN -> 2;
            default -> 1;
        };
    }

    private void show(Event event) {
        current = event;
        String cause = event.cause().isEmpty() ? "" : "\nWhy: " + event.cause();
        setText(String.format("t=%.1fs  %s%s", event.timeMs() / 1000.0, event.text(), cause));
        getStyleClass().removeAll("headline-election", "headline-bad");
        if (event.type() == EventType.LEADER_ELECTED) {
            getStyleClass().add("headline-election");
        } else if (priority(event) > 1) {
            getStyleClass().add("headline-bad");
        }
    }
}
