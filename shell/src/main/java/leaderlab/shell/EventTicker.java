package leaderlab.shell;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.shell.command.Session;

/**
 * Prints cluster events above the prompt as they happen (elections, fencing, ISR changes, truncation),
 * without disturbing the line being typed. Polls the journal on its own thread; never blocks the
 * engine, which only appends.
 */
final class EventTicker implements AutoCloseable {

    static final Set<EventType> SHOWN = EnumSet.of(
            EventType.LEADER_ELECTED,
            EventType.BROKER_FENCED,
            EventType.BROKER_UNFENCED,
            EventType.BROKER_CONTROLLED_SHUTDOWN,
            EventType.BROKER_STOPPED,
            EventType.ISR_SHRUNK,
            EventType.ISR_EXPANDED,
            EventType.TRUNCATED,
            EventType.REASSIGNMENT,
            EventType.RECORDS_LOST,
            EventType.INVARIANT_VIOLATED);

    private static final long POLL_MS = 100;

    private final Session session;
    private final Consumer<Event> printer;
    private final Thread thread;
    private volatile boolean running = true;
    private long nextSeq;

    EventTicker(Session session, Consumer<Event> printer) {
        this.session = session;
        this.printer = printer;
        this.nextSeq = session.cluster().journal().size();
        this.thread = new Thread(this::loop, "leaderlab-events");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Skips everything so far (after a reset, or once a command has shown the events itself). */
    synchronized void skipToEnd() {
        nextSeq = session.cluster().journal().size();
    }

    private void loop() {
        while (running) {
            drain();
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    synchronized void drain() {
        var journal = session.cluster().journal();
        if (nextSeq > journal.size()) {
            nextSeq = journal.size();
        }
        long end = journal.size();
        for (; nextSeq < end; nextSeq++) {
            Event event = journal.get(nextSeq);
            if (session.liveEvents() && SHOWN.contains(event.type())) {
                printer.accept(event);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
