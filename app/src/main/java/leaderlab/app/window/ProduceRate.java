package leaderlab.app.window;

import java.util.List;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;

/**
 * Produce acknowledgements, retries and failures in the second of cluster time before a moment, from the
 * journal: Kafka's producer metrics record-send-rate, record-retry-rate and record-error-rate. The moment
 * is the one on screen, so a scrubbed past reads the rates it had then, not the live ones.
 */
final class ProduceRate {

    private static final long WINDOW_MS = 1000;

    private final Times acked = new Times();
    private final Times retried = new Times();
    private final Times failed = new Times();

    void record(Event event) {
        if (event.type() == EventType.PRODUCE_ACKED) {
            acked.add(event.timeMs());
        } else if (event.type() == EventType.PRODUCE_RETRIED) {
            retried.add(event.timeMs());
        } else if (event.type() == EventType.PRODUCE_FAILED) {
            failed.add(event.timeMs());
        }
    }

    void clear() {
        for (Times times : List.of(acked, retried, failed)) {
            times.clear();
        }
    }

    /** Forgets what no moment from {@code oldestMs} on can count: what the history can no longer show. */
    void forgetBefore(long oldestMs) {
        for (Times times : List.of(acked, retried, failed)) {
            times.dropBefore(oldestMs - WINDOW_MS);
        }
    }

    int ackedPerSecondAt(long atMs) {
        return acked.countIn(atMs - WINDOW_MS, atMs);
    }

    /** Attempts the producer retries (the application is not told of them). */
    int retriedPerSecondAt(long atMs) {
        return retried.countIn(atMs - WINDOW_MS, atMs);
    }

    /** Produces the application is told failed. */
    int failedPerSecondAt(long atMs) {
        return failed.countIn(atMs - WINDOW_MS, atMs);
    }

    /**
     * Event times, oldest first, in a ring that grows up to {@link #MAX} (then the oldest go first). A time
     * earlier than the last one (two node threads racing to the journal) is kept as the last one, so the
     * ring stays sorted and a count is two binary searches.
     */
    static final class Times {
        static final int MAX = 1 << 18;
        private long[] ring = new long[256];
        private int head;
        private int size;

        void add(long timeMs) {
            long time = size == 0 ? timeMs : Math.max(timeMs, get(size - 1));
            if (size == ring.length) {
                if (ring.length < MAX) {
                    grow();
                } else {
                    head = (head + 1) % ring.length;
                    size--;
                }
            }
            ring[(head + size) % ring.length] = time;
            size++;
        }

        void clear() {
            head = 0;
            size = 0;
        }

        /** Drops the times before {@code timeMs}. */
        void dropBefore(long timeMs) {
            int drop = firstAfter(timeMs - 1);
            head = (head + drop) % ring.length;
            size -= drop;
        }

        /** How many times are in ({@code fromMs}, {@code toMs}]. */
        int countIn(long fromMs, long toMs) {
            return Math.max(0, firstAfter(toMs) - firstAfter(fromMs));
        }

        int size() {
            return size;
        }

        private long get(int i) {
            return ring[(head + i) % ring.length];
        }

        /** The index of the first time after {@code timeMs}, or {@code size} if none is. */
        private int firstAfter(long timeMs) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (get(mid) <= timeMs) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private void grow() {
            long[] bigger = new long[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = get(i);
            }
            ring = bigger;
            head = 0;
        }
    }
}
