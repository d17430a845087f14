package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.Journal;

/**
 * Hands the frame loop the journal events appended since the last frame. Reads only
 * {@code size()} and {@code get(seq)}, so the engine never waits for the window; a burst is
 * spread over a few frames rather than stalling one. A new journal (after {@code reset}) starts over.
 */
final class EventFeed {

    /** Enough for any failover storm to show within a second, small enough to keep a frame short. */
    private static final int MAX_PER_FRAME = 4000;

    private Journal journal;
    private long nextSeq;

    /** Events since the last call; true in {@link Batch#restarted} when the journal changed under us. */
    Batch poll(Journal current) {
        boolean restarted = current != journal;
        if (restarted) {
            journal = current;
            nextSeq = 0;
        }
        long end = Math.min(current.size(), nextSeq + MAX_PER_FRAME);
        List<Event> events = new ArrayList<>((int) (end - nextSeq));
        for (; nextSeq < end; nextSeq++) {
            events.add(current.get(nextSeq));
        }
        return new Batch(events, restarted);
    }

    record Batch(List<Event> events, boolean restarted) {}
}
