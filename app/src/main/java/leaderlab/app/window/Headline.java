package leaderlab.app.window;

import javafx.scene.control.Label;
import leaderlab.cluster.journal.Event;

/** "What just happened, and why", in the largest type in the window, for the back row. */
final class Headline extends Label {

    Headline() {
        setId("headline");
        getStyleClass().add("headline");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setText("Waiting for something to happen: right-click a broker to kill it.");
    }

    void show(Event event) {
        String cause = event.cause().isEmpty() ? "" : "\nWhy: " + event.cause();
        setText(String.format("t=%.1fs  %s%s", event.timeMs() / 1000.0, event.text(), cause));
        getStyleClass().removeAll("headline-election", "headline-bad");
        if (event.type() == leaderlab.cluster.journal.EventType.LEADER_ELECTED) {
            getStyleClass().add("headline-election");
        } else if (event.type() == leaderlab.cluster.journal.EventType.TRUNCATED
                || event.type() == leaderlab.cluster.journal.EventType.BROKER_FENCED
                || event.type() == leaderlab.cluster.journal.EventType.PRODUCE_FAILED) {
            getStyleClass().add("headline-bad");
        }
    }
}
