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
        setText(WAITING);
    }

    private static final String WAITING = "Waiting for something to happen: right-click a broker to kill it.";

    /** The cause the engine gives what an operator's command did. */
    private static final String OPERATOR = "operator command";

    /** Cluster time for which a big event holds the headline against smaller news. */
    private static final long HOLD_MS = 3000;

    /** Wall time a headline stays up at least: in a storm a new one every frame could not be read. */
    private static final long MIN_SHOWN_NANOS = 1_000_000_000L;

    /** The "Why" line of an event; the quorum strip explains controller elections beyond their cause. */
    private java.util.function.Function<Event, String> why = Event::cause;

    private Event current;
    private Event next;
    private long shownAtNanos;

    /** How many elections with the current headline's cause are summed up in it (a mass failover). */
    private int electionsMoved;

    void explainWith(java.util.function.Function<Event, String> why) {
        this.why = why;
    }

    /** Takes the event as the next headline unless a more important one is still fresh. */
    void offer(Event event) {
        Event against = next != null ? next : current;
        if (against != null && sameFailover(against, event)) {
            // One fencing moved many leaders: one headline counts them instead of showing only the last.
            electionsMoved++;
            next = event;
            return;
        }
        // A fault or an operator's command is what the class just saw the teacher do: it is never held back
        // as smaller news (a lesson creates a topic and kills a broker within seconds of its cluster's
        // controller election).
        if (against == null
                || event.type() == EventType.FAULT_INJECTED
                || OPERATOR.equals(event.cause())
                || priority(event) >= priority(against)
                || event.timeMs() - against.timeMs() > HOLD_MS) {
            next = event;
            electionsMoved = event.type() == EventType.LEADER_ELECTED ? 1 : 0;
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

    /** A new cluster: nothing has happened on it yet. */
    void clear() {
        current = null;
        next = null;
        electionsMoved = 0;
        setText(WAITING);
        getStyleClass().removeAll("headline-election", "headline-bad");
    }

    /** While scrubbing: the headline of that moment (the latest shown event at or before it). */
    void showPast(Event event) {
        if (event == null) {
            setText(WAITING);
            getStyleClass().removeAll("headline-election", "headline-bad");
        } else {
            electionsMoved = 0;
            show(event);
        }
    }

    /** Elections and lost records first, then failures, then the rest. */
    static int priority(Event event) {
        return switch (event.type()) {
            case LEADER_ELECTED, TRUNCATED, QUORUM_LEADER_ELECTED -> 3;
            case BROKER_FENCED,
                    PRODUCE_FAILED,
                    PRODUCE_RETRIED,
                    FAULT_INJECTED,
                    BROKER_CONTROLLED_SHUTDOWN,
                    QUORUM_LEADER_RESIGNED -> 2;
            case QUORUM_VOTE -> 0;
            default -> 1;
        };
    }

    private static boolean sameFailover(Event against, Event event) {
        return against.type() == EventType.LEADER_ELECTED
                && event.type() == EventType.LEADER_ELECTED
                && event.causeSeq() >= 0
                && event.causeSeq() == against.causeSeq()
                && event.timeMs() - against.timeMs() <= HOLD_MS;
    }

    /** Elections summed up in the headline on screen (1 for a single election). */
    int electionsMoved() {
        return electionsMoved;
    }

    /**
     * "at t=..." is when the event happened, in the shell's notation; the clock beside it says what time it
     * is now, so the two differ as soon as time moves on.
     */
    private void show(Event event) {
        current = event;
        String reason = why.apply(event);
        String cause = reason.isEmpty() ? "" : "\nWhy: " + reason;
        if (event.type() == EventType.LEADER_ELECTED && electionsMoved > 1) {
            setText(String.format(
                    java.util.Locale.ROOT,
                    "at t=%.1fs  %s: %d leaders moved (the last: %s)",
                    event.timeMs() / 1000.0,
                    event.cause(),
                    electionsMoved,
                    event.text()));
        } else {
            setText(String.format(
                    java.util.Locale.ROOT, "at t=%.1fs  %s%s", event.timeMs() / 1000.0, event.text(), cause));
        }
        getStyleClass().removeAll("headline-election", "headline-bad");
        if (event.type() == EventType.LEADER_ELECTED || event.type() == EventType.QUORUM_LEADER_ELECTED) {
            getStyleClass().add("headline-election");
        } else if (priority(event) > 1) {
            getStyleClass().add("headline-bad");
        }
    }
}
