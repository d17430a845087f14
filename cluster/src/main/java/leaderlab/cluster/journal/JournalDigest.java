package leaderlab.cluster.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * A running SHA-256 over the journal's typed fields (sequence, time, type, source, partition, each
 * detail field, the causal link), so two runs agree exactly when they did the same things at the same
 * times. Sentences and causes are left out: rewording an explanation must not break a saved run.
 * Not thread-safe; feed it from one thread.
 */
public final class JournalDigest {

    private final MessageDigest sha;
    private long events;

    public JournalDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Feeds every event of the journal this digest has not seen yet. */
    public JournalDigest catchUp(Journal journal) {
        long size = journal.size();
        while (events < size) {
            add(journal.get(events));
        }
        return this;
    }

    public void add(Event event) {
        sha.update(canonical(event).getBytes(StandardCharsets.UTF_8));
        events++;
    }

    /** How many events have been fed. */
    public long events() {
        return events;
    }

    /** The digest so far, as 16 hex digits (feeding may continue afterwards). */
    public String hex() {
        try {
            byte[] full = ((MessageDigest) sha.clone()).digest();
            return HexFormat.of().formatHex(full, 0, 8);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned", e);
        }
    }

    /** One event as a line of its typed fields, with its place in the journal. */
    static String canonical(Event event) {
        return event.seq() + "|" + fields(event) + "|" + event.causeSeq() + "\n";
    }

    /**
     * What an event says, by typed fields, without its place in the journal (sequence, causal link), so
     * events of two runs can be compared; a field given as a supplier is an explanation, so it is skipped.
     */
    public static String fields(Event event) {
        StringBuilder out = new StringBuilder();
        out.append(event.timeMs())
                .append('|')
                .append(event.type().name())
                .append('|')
                .append(event.source().kind().name())
                .append(':')
                .append(event.source().id())
                .append('|')
                .append(event.partition() == null ? "-" : event.partition().name());
        for (var component : event.detail().getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(event.detail());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
            if (value instanceof Supplier<?>) {
                continue;
            }
            out.append('|').append(component.getName()).append('=').append(valueText(value));
        }
        return out.toString();
    }

    private static String valueText(Object value) {
        if (value instanceof int[] ids) {
            return Arrays.toString(ids);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return String.valueOf(value);
    }
}
