package leaderlab.app.window;

import java.util.List;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.ProduceAttemptFailed;

/**
 * Records acknowledged, retried and failed in the second of cluster time before a moment, from the
 * journal: Kafka's producer metrics record-send-rate, record-retry-rate and record-error-rate, which count
 * records, not batches. The moment is the one on screen, so a scrubbed past reads the rates it had then.
 */
final class ProduceRate {

    private static final long WINDOW_MS = 1000;

    private final Times acked = new Times();
    private final Times retried = new Times();
    private final Times failed = new Times();

    /** Counts an event's records, as Kafka's rates do (a failed batch of 10 is 10 record errors). */
    void record(Event event) {
        if (event.type() == EventType.PRODUCE_ACKED && event.detail() instanceof EventDetail.ProduceAcked ack) {
            acked.add(event.timeMs(), ack.baseOffset() < 0 ? 1 : Math.max(1, ack.endOffset() - ack.baseOffset()));
        } else if (event.detail() instanceof ProduceAttemptFailed attempt) {
            (attempt.givesUp() ? failed : retried).add(event.timeMs(), Math.max(1, attempt.records()));
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

    /** Records in the attempts the producer retries (the application is not told of them). */
    int retriedPerSecondAt(long atMs) {
        return retried.countIn(atMs - WINDOW_MS, atMs);
    }

    /** Records whose send the application is told failed. */
    int failedPerSecondAt(long atMs) {
        return failed.countIn(atMs - WINDOW_MS, atMs);
    }

    /**
     * Event times, oldest first, each with how many records it counts, in a ring that grows up to
     * {@link #MAX} (then the oldest go first). A time earlier than the last one (two node threads racing to
     * the journal) is kept as the last one, so the ring stays sorted and a count is two binary searches
     * over the running total of records before each entry.
     */
    static final class Times {
        static final int MAX = 1 << 18;
        private long[] times = new long[256];
        private long[] before = new long[256];
        private int head;
        private int size;
        private long total;

        void add(long timeMs) {
            add(timeMs, 1);
        }

        void add(long timeMs, long records) {
            long time = size == 0 ? timeMs : Math.max(timeMs, times[slot(size - 1)]);
            if (size == times.length) {
                if (times.length < MAX) {
                    grow();
                } else {
                    head = (head + 1) % times.length;
                    size--;
                }
            }
            times[slot(size)] = time;
            before[slot(size)] = total;
            total += records;
            size++;
        }

        void clear() {
            head = 0;
            size = 0;
            total = 0;
        }

        /** Drops the times before {@code timeMs}. */
        void dropBefore(long timeMs) {
            int drop = firstAfter(timeMs - 1);
            head = (head + drop) % times.length;
            size -= drop;
        }

        /** How many records are counted at times in ({@code fromMs}, {@code toMs}]. */
        int countIn(long fromMs, long toMs) {
            return (int) Math.max(0, totalBefore(firstAfter(toMs)) - totalBefore(firstAfter(fromMs)));
        }

        int size() {
            return size;
        }

        private int slot(int i) {
            return (head + i) % times.length;
        }

        private long totalBefore(int i) {
            return i < size ? before[slot(i)] : total;
        }

        /** The index of the first time after {@code timeMs}, or {@code size} if none is. */
        private int firstAfter(long timeMs) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[slot(mid)] <= timeMs) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private void grow() {
            long[] moreTimes = new long[times.length * 2];
            long[] moreBefore = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                moreTimes[i] = times[slot(i)];
                moreBefore[i] = before[slot(i)];
            }
            times = moreTimes;
            before = moreBefore;
            head = 0;
        }
    }
}
