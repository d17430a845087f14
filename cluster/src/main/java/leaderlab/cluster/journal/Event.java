package leaderlab.cluster.journal;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One state change, with its cause: who recorded it ({@link #source()}), the partition it is about
 * (or null), and what happened as a typed {@link EventDetail}. {@code causeSeq} links to the journal
 * event that triggered this one (-1 when the cause is not itself an event, e.g. an operator command
 * or a timeout), so readers can walk a causal chain backwards.
 *
 * <p>The sentence ({@link #text()}) is rendered from the detail each time it is read, with
 * {@link Locale#ROOT}: recording builds no string, and a reader never needs the words to know what
 * happened.
 */
public final class Event {

    private final long seq;
    private final long timeMs;
    private final EventType type;
    private final NodeId source;
    private final TopicPartition partition;
    private final EventDetail detail;
    private final String cause;
    private final long causeSeq;

    Event(
            long seq,
            long timeMs,
            NodeId source,
            TopicPartition partition,
            EventDetail detail,
            String cause,
            long causeSeq) {
        this.seq = seq;
        this.timeMs = timeMs;
        this.type = detail.type();
        this.source = Objects.requireNonNull(source);
        this.partition = partition;
        this.detail = detail;
        this.cause = Objects.requireNonNull(cause);
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

    /** Who decided it: the controller, a broker, the operator, the checker. */
    public NodeId source() {
        return source;
    }

    /** The partition it is about, or null (a broker's or a topic's event, a fault). */
    public TopicPartition partition() {
        return partition;
    }

    /** True when it is about that partition. */
    public boolean isAbout(String topic, int partitionIndex) {
        return partition != null && partition.is(topic, partitionIndex);
    }

    /** What happened, as fields. */
    public EventDetail detail() {
        return detail;
    }

    /** What happened, in one sentence (the partition first, when there is one). */
    public String text() {
        return partition == null ? detail.text() : partition.name() + " " + detail.text();
    }

    /** Why, in one sentence. */
    public String cause() {
        return cause;
    }

    public long causeSeq() {
        return causeSeq;
    }

    public String format() {
        return String.format(
                Locale.ROOT,
                "%9.3fs  %-10s %s%s",
                timeMs / 1000.0,
                source,
                text(),
                cause.isEmpty() ? "" : " (" + cause + ")");
    }

    /**
     * The detail's fields by name, in declaration order, for machine-readable output; an explanation
     * given as a supplier is written out.
     */
    public Map<String, Object> detailFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : detail.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(detail);
                fields.put(component.getName(), value instanceof Supplier<?> text ? text.get() : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component + " of " + detail.getClass(), e);
            }
        }
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e
                && seq == e.seq
                && timeMs == e.timeMs
                && type == e.type
                && source.equals(e.source)
                && Objects.equals(partition, e.partition)
                && text().equals(e.text())
                && cause.equals(e.cause)
                && causeSeq == e.causeSeq;
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
