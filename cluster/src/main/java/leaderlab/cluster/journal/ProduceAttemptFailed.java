package leaderlab.cluster.journal;

import leaderlab.cluster.protocol.Errors;

/**
 * What the producer saw of one failed attempt (the broker-side {@link EventDetail.ProduceFailed} is what a
 * leader answered).
 *
 * @param broker    who answered or failed to, -1 when no broker was asked (no leader, expiry)
 * @param nextRetry the retry the producer schedules (1, 2, ...), or 0 when it gives up
 * @param backoffMs how long it waits before that retry
 */
public record ProduceAttemptFailed(int broker, Errors error, int records, String why, int nextRetry, long backoffMs)
        implements EventDetail.ClientAttempt {

    public EventType type() {
        return EventType.PRODUCE_FAILED;
    }

    public boolean givesUp() {
        return nextRetry == 0;
    }

    public String text() {
        return "produce of " + records + " record(s) failed: " + error.name()
                + (broker < 0 ? "" : " from broker " + broker) + " (" + why + ")"
                + (givesUp() ? "" : "; retry " + nextRetry + " in " + backoffMs + " ms after refreshing metadata");
    }
}
