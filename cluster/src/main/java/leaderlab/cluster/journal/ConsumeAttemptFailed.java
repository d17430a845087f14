package leaderlab.cluster.journal;

import leaderlab.cluster.protocol.Errors;

/**
 * What the consumer saw of one failed fetch. Kafka's consumer raises none of these to the application: it
 * requests a metadata update and fetches again from the leader it then knows, until the poll's timeout.
 *
 * @param broker    who answered or failed to, -1 when no broker was asked (no leader known)
 * @param position  the offset the consumer fetched from
 * @param nextRetry the retry the consumer schedules (1, 2, ...), or 0 when the poll ends without records
 * @param backoffMs how long it waits before that retry (retry.backoff.ms)
 */
public record ConsumeAttemptFailed(int broker, Errors error, long position, String why, int nextRetry, long backoffMs)
        implements EventDetail.ClientAttempt {

    public EventType type() {
        return EventType.CONSUME_FAILED;
    }

    public boolean givesUp() {
        return nextRetry == 0;
    }

    public String text() {
        return "fetch at offset " + position + " failed: " + error.name() + (broker < 0 ? "" : " from broker " + broker)
                + " (" + why + ")"
                + (givesUp()
                        ? "; the poll returns no records for it"
                        : "; retry " + nextRetry + " in " + backoffMs + " ms after refreshing metadata");
    }
}
