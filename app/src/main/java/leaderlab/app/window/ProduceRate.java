package leaderlab.app.window;

import java.util.ArrayDeque;
import java.util.List;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;

/**
 * Produce acknowledgements, retries and failures in the last second of cluster time, from the journal:
 * Kafka's producer metrics record-send-rate, record-retry-rate and record-error-rate.
 */
final class ProduceRate {

    private static final long WINDOW_MS = 1000;

    private final ArrayDeque<Long> acked = new ArrayDeque<>();
    private final ArrayDeque<Long> retried = new ArrayDeque<>();
    private final ArrayDeque<Long> failed = new ArrayDeque<>();

    void record(Event event) {
        if (event.type() == EventType.PRODUCE_ACKED) {
            acked.addLast(event.timeMs());
        } else if (event.type() == EventType.PRODUCE_RETRIED) {
            retried.addLast(event.timeMs());
        } else if (event.type() == EventType.PRODUCE_FAILED) {
            failed.addLast(event.timeMs());
        }
    }

    void clear() {
        acked.clear();
        retried.clear();
        failed.clear();
    }

    /** Drops what is older than a second before {@code nowMs}. */
    void advanceTo(long nowMs) {
        for (ArrayDeque<Long> times : List.of(acked, retried, failed)) {
            while (!times.isEmpty() && times.peekFirst() <= nowMs - WINDOW_MS) {
                times.removeFirst();
            }
        }
    }

    int ackedPerSecond() {
        return acked.size();
    }

    /** Attempts the producer retries (the application is not told of them). */
    int retriedPerSecond() {
        return retried.size();
    }

    /** Produces the application is told failed. */
    int failedPerSecond() {
        return failed.size();
    }
}
