package leaderlab.app.window;

import java.util.Locale;
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

    /** Wall time a headline stays up at least: in a storm a new one every frame could not be read. */
    private static final long MIN_SHOWN_NANOS = 1_000_000_000L;

    private Event current;
    private Event next;
    private long shownAtNanos;

    /** Takes the event as the next headline unless a more important one is still fresh. */
    void offer(Event event) {
        Event against = next != null ? next : current;
        if (against == null || priority(event) >= priority(against) || event.timeMs() - against.timeMs() > HOLD_MS) {
            next = event;
        }
    }

    /** Puts up the next headline once the current one has been readable for long enough (or now, if forced). */
    void refresh(long nowNanos, boolean force) {
        if (next != null && (force || current == null || nowNanos - shownAtNanos >= MIN_SHOWN_NANOS)) {
            show(next);
            next = null;
            shownAtNanos = nowNanos;
        }
    }

    void clear() {
        current = null;
        next = null;
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
        setText(String.format(Locale.ROOT, "t=%.1fs  %s%s", event.timeMs() / 1000.0, event.text(), cause));
        getStyleClass().removeAll("headline-election", "headline-bad");
        if (event.type() == EventType.LEADER_ELECTED) {
            getStyleClass().add("headline-election");
        } else if (priority(event) > 1) {
            getStyleClass().add("headline-bad");
        }
    }
}
