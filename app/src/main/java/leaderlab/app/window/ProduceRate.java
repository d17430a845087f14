package leaderlab.app.window;

import java.util.ArrayDeque;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;

/** Produce acknowledgements and errors in the last second of cluster time, from the journal. */
final class ProduceRate {

    private static final long WINDOW_MS = 1000;

    private final ArrayDeque<Long> acked = new ArrayDeque<>();
    private final ArrayDeque<Long> failed = new ArrayDeque<>();

    void record(Event event) {
        if (event.type() == EventType.PRODUCE_ACKED) {
            acked.addLast(event.timeMs());
        } else if (event.type() == EventType.PRODUCE_FAILED) {
            failed.addLast(event.timeMs());
        }
    }

    void clear() {
        acked.clear();
        failed.clear();
    }

    /** Drops what is older than a second before {@code nowMs}. */
    void advanceTo(long nowMs) {
        while (!acked.isEmpty() && acked.peekFirst() <= nowMs - WINDOW_MS) {
            acked.removeFirst();
        }
        while (!failed.isEmpty() && failed.peekFirst() <= nowMs - WINDOW_MS) {
            failed.removeFirst();
        }
    }

    int ackedPerSecond() {
        return acked.size();
    }

    int failedPerSecond() {
        return failed.size();
    }
}
