package leaderlab.cluster.journal;

/**
 * One state change, with its cause. {@code causeSeq} links to the journal event that triggered this
 * one (-1 when the cause is not itself an event, e.g. an operator command or a timeout), so readers
 * can walk a causal chain backwards.
 *
 * @param seq       position in the journal, from 0
 * @param timeMs    cluster time when it happened
 * @param source    who decided it: "controller", "broker 2", "operator", ...
 * @param subject   what it is about: a partition ("orders-0"), a broker ("broker 2"), or null
 * @param text      what happened, in one sentence
 * @param cause     why, in one sentence
 */
public record Event(long seq, long timeMs, EventType type, String source, String subject, String text,
                    String cause, long causeSeq) {

    public String format() {
        return String.format("%9.3fs  %-10s %s%s", timeMs / 1000.0, source, text,
                cause.isEmpty() ? "" : " (" + cause + ")");
    }
}
