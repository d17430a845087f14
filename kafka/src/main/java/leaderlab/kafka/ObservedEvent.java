package leaderlab.kafka;

import java.util.Locale;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.TopicPartition;

/**
 * A change leaderlab saw between two polls of a real cluster. Kafka does not say why its metadata
 * changed, so the cause is always "observed": what changed and when it was seen, not the reason.
 *
 * @param timeMs    when it was seen, milliseconds since leaderlab connected
 * @param subject   a partition name (orders-0), "broker N" or a topic name
 * @param source    who made the change, as the journal names it: the controller for metadata, the
 *                  broker itself for its process
 * @param partition the partition it is about, or null
 * @param typed     the same change as the journal's typed detail (what the window's timeline reads), or
 *                  null when the journal has no kind for it (a deleted topic)
 */
public record ObservedEvent(
        long timeMs,
        Type type,
        String subject,
        String detail,
        NodeId source,
        TopicPartition partition,
        EventDetail typed) {

    public enum Type {
        /** Registered and unfenced again. */
        BROKER_UP,
        /** Was running and unfenced, is no longer (stopped, fenced or stalled). */
        BROKER_DOWN,
        /** Any other change of a broker's state, e.g. a restarted process not yet unfenced. */
        BROKER_STATE,
        TOPIC_CREATED,
        TOPIC_DELETED,
        LEADER_CHANGED,
        ISR_SHRUNK,
        ISR_EXPANDED,
        ELR_CHANGED,
        REPLICAS_CHANGED
    }

    public static final String CAUSE = "observed";

    /** Whether it is a broker's change of state (which every partition's {@code why} lists). */
    public boolean aboutBroker() {
        return type == Type.BROKER_UP || type == Type.BROKER_DOWN || type == Type.BROKER_STATE;
    }

    /** One line, as {@code events} prints it. */
    public String format() {
        return String.format(
                Locale.ROOT, "%8.3fs  %-16s %s: %s (cause: %s)", timeMs / 1000.0, type, subject, detail, CAUSE);
    }
}
