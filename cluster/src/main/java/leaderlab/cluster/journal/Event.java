package leaderlab.cluster.journal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One state change, with its cause. {@code causeSeq} links to the journal event that triggered this
 * one (-1 when the cause is not itself an event, e.g. an operator command or a timeout), so readers
 * can walk a causal chain backwards.
 *
 * <p>The text may be given as a supplier and is then written out only when first read: a failover at
 * 100k partitions records hundreds of thousands of events that nobody reads one by one.
 */
public final class Event {

    private final long seq;
    private final long timeMs;
    private final EventType type;
    private final String source;
    private final String subject;
    private final String cause;
    private final long causeSeq;
    private Supplier<String> textSupplier;
    private String text;

    Event(long seq, long timeMs, EventType type, String source, String subject, Supplier<String> text, String cause,
          long causeSeq) {
        this.seq = seq;
        this.timeMs = timeMs;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.textSupplier = text;
        this.cause = cause;
        this.causeSeq = causeSeq;
    }

    /** Position in the journal, from 0. */
    public long seq() {
        return seq;
    }

    /** Cluster time when it happened. */
    public long timeMs() {
        return timeMs;
    }

    public EventType type() {
        return type;
    }

    /** Who decided it: "controller", "broker 2", "operator", ... */
    public String source() {
        return source;
    }

    /** What it is about: a partition ("orders-0"), a broker ("broker 2"), or null. */
    public String subject() {
        return subject;
    }

    /** What happened, in one sentence. */
    public synchronized String text() {
        if (text == null) {
            text = textSupplier.get();
            textSupplier = null;
        }
        return text;
    }

    /** Why, in one sentence. */
    public String cause() {
        return cause;
    }

    public long causeSeq() {
        return causeSeq;
    }

    public String format() {
        return String.format(java.util.Locale.ROOT, "%9.3fs  %-10s %s%s", timeMs / 1000.0, source, text(),
                cause.isEmpty() ? "" : " (" + cause + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && seq == e.seq && timeMs == e.timeMs && type == e.type
                && Objects.equals(source, e.source) && Objects.equals(subject, e.subject)
                && text().equals(e.text()) && Objects.equals(cause, e.cause) && causeSeq == e.causeSeq;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
