package leaderlab.cluster.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The append-only event journal shared by all nodes. Appends come from node threads; readers on any
 * thread see a consistent prefix. Storage is chunked so appending never copies old events.
 */
public final class Journal {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

    /**
     * The chunks; the array is replaced when it grows. Readers take no lock: they read {@link #size}
     * first, and the writer stores an event (and its chunk) before it writes the size that covers it.
     */
    private volatile Event[][] chunks = new Event[0][];

    private volatile long size;

    /** Appends and returns the new event's sequence number. */
    public synchronized long append(
            long timeMs, NodeId source, TopicPartition partition, EventDetail detail, String cause, long causeSeq) {
        long seq = size;
        int chunk = (int) (seq >>> CHUNK_BITS);
        Event[][] current = chunks;
        if (chunk == current.length) {
            current = Arrays.copyOf(current, Math.max(16, current.length * 2));
            chunks = current;
        }
        if (current[chunk] == null) {
            current[chunk] = new Event[CHUNK_SIZE];
        }
        current[chunk][(int) (seq & (CHUNK_SIZE - 1))] =
                new Event(seq, timeMs, source, partition, detail, cause, causeSeq);
        size = seq + 1;
        return seq;
    }

    public long size() {
        return size;
    }

    public Event get(long seq) {
        if (seq < 0 || seq >= size) {
            throw new IndexOutOfBoundsException("no event " + seq + " (journal has " + size + ")");
        }
        return chunks[(int) (seq >>> CHUNK_BITS)][(int) (seq & (CHUNK_SIZE - 1))];
    }

    /** Events with sequence number in [fromSeq, size) that match, oldest first. */
    public List<Event> since(long fromSeq, Predicate<Event> filter) {
        long end = size;
        List<Event> out = new ArrayList<>();
        for (long seq = Math.max(0, fromSeq); seq < end; seq++) {
            Event event = get(seq);
            if (filter.test(event)) {
                out.add(event);
            }
        }
        return out;
    }

    /** The newest events that match, newest last; scans backwards so it is cheap on a long journal. */
    public List<Event> latest(int limit, Predicate<Event> filter) {
        List<Event> out = new ArrayList<>();
        for (long seq = size - 1; seq >= 0 && out.size() < limit; seq--) {
            Event event = get(seq);
            if (filter.test(event)) {
                out.add(0, event);
            }
        }
        return out;
    }
}
