package leaderlab.app.window;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;

/**
 * The journal as a timeline list: elections with their cause, ISR changes, fencing, truncation,
 * faults and produce errors (not the steady stream of HW moves and acks). Virtualized, and capped,
 * so a long run costs nothing per frame.
 */
public final class EventLog extends ListView<Event> {

    static final Set<EventType> SHOWN = EnumSet.complementOf(EnumSet.of(
            EventType.HW_ADVANCED,
            EventType.PRODUCE_ACKED,
            // A leader's error answer: the producer's own PRODUCE_RETRIED or PRODUCE_FAILED says it, with what it does.
            EventType.PRODUCE_REJECTED,
            EventType.BECAME_FOLLOWER,
            EventType.BECAME_LEADER,
            EventType.METADATA_COMMITTED));

    private static final int MAX_EVENTS = 5000;

    private final ObservableList<Event> events = FXCollections.observableArrayList();
    private final javafx.collections.transformation.FilteredList<Event> filtered =
            new javafx.collections.transformation.FilteredList<>(events);
    private long shownUpTo = Long.MAX_VALUE;
    /** The "Why" after an event; the quorum strip explains controller elections beyond their cause. */
    private java.util.function.Function<Event, String> why = Event::cause;
    /** Events waiting for the next flush: a storm adds hundreds a frame, the list takes them 4 times a second. */
    private final List<Event> pending = new ArrayList<>();

    public EventLog() {
        setItems(filtered);
        setId("event-log");
        setCellFactory(view -> new WrappingCell<>(
                view, this::describe, EventLog::styleClass, List.of("event-election", "event-bad", "event-good")));
        setFocusTraversable(false);
    }

    /** Queues this frame's events that a timeline shows; {@link #flush} puts them in the list. */
    void append(List<Event> batch) {
        for (Event event : batch) {
            if (SHOWN.contains(event.type()) && !quorumRetry(event)) {
                pending.add(event);
            }
        }
        if (pending.size() > MAX_EVENTS) {
            pending.subList(0, pending.size() - MAX_EVENTS).clear();
        }
    }

    /**
     * A controller retrying its pre-vote after a failed election: without a majority it does so every few
     * hundred ms, a stream that would push everything else out of the list (the quorum strip shows it).
     */
    private static boolean quorumRetry(Event event) {
        return event.detail() instanceof EventDetail.QuorumElectionStarted started
                && started.trigger() == EventDetail.ElectionTrigger.RETRY;
    }

    void flush() {
        if (!pending.isEmpty()) {
            events.addAll(pending);
            pending.clear();
            if (events.size() > MAX_EVENTS) {
                events.remove(0, events.size() - MAX_EVENTS);
            }
            scrollTo(filtered.size() - 1);
        }
    }

    void clear() {
        events.clear();
        pending.clear();
        showUpTo(Long.MAX_VALUE);
    }

    /** Shows only what had happened by {@code timeMs} (the scrubbed moment); MAX_VALUE shows all. */
    void showUpTo(long timeMs) {
        if (timeMs == shownUpTo) {
            return;
        }
        shownUpTo = timeMs;
        filtered.setPredicate(timeMs == Long.MAX_VALUE ? null : event -> event.timeMs() <= timeMs);
        if (!filtered.isEmpty()) {
            scrollTo(filtered.size() - 1);
        }
    }

    /** The events in the list as shown (only those up to the scrubbed moment while scrubbing). */
    public List<Event> shownEvents() {
        return List.copyOf(filtered);
    }

    void explainWith(java.util.function.Function<Event, String> why) {
        this.why = why;
    }

    private String describe(Event event) {
        String reason = why.apply(event);
        return String.format(
                Locale.ROOT,
                "%8.3fs  %s%s",
                event.timeMs() / 1000.0,
                event.text(),
                reason.isEmpty() ? "" : "  — " + reason);
    }

    private static String styleClass(Event event) {
        return switch (event.type()) {
            case LEADER_ELECTED, REASSIGNMENT, QUORUM_LEADER_ELECTED -> "event-election";
            case BROKER_FENCED,
                    ISR_SHRUNK,
                    TRUNCATED,
                    PRODUCE_FAILED,
                    PRODUCE_RETRIED,
                    CONSUME_FAILED,
                    FAULT_INJECTED,
                    BROKER_STOPPED,
                    BROKER_CONTROLLED_SHUTDOWN,
                    QUORUM_LEADER_RESIGNED -> "event-bad";
            default -> "event-good";
        };
    }
}
