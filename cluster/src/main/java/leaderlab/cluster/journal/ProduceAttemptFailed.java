package leaderlab.cluster.journal;

import leaderlab.cluster.protocol.Errors;

/**
 * What the producer saw of a failed attempt (the broker-side {@link EventDetail.ProduceFailed} is what a
 * leader answered). An attempt it retries is a PRODUCE_RETRIED event; the one it gives up on is the
 * batch's single PRODUCE_FAILED, the failure the application is told of, as Kafka's producer calls a
 * send's callback once, after its retries.
 *
 * @param broker    who answered or failed to, -1 when no broker was asked (no leader, expiry)
 * @param attempts  the attempts made so far, this one included (1, 2, ...), or 0 when not known (real Kafka)
 * @param nextRetry the retry the producer schedules (1, 2, ...), or 0 when it gives up
 * @param backoffMs how long it waits before that retry
 */
public record ProduceAttemptFailed(
        int broker, Errors error, int records, String why, int attempts, int nextRetry, long backoffMs)
        implements EventDetail.ClientAttempt {

    public EventType type() {
        return givesUp() ? EventType.PRODUCE_FAILED : EventType.PRODUCE_RETRIED;
    }

    public boolean givesUp() {
        return nextRetry == 0;
    }

    public String text() {
        String from = error.name() + (broker < 0 ? "" : " from broker " + broker) + " (" + why + ")";
        if (givesUp()) {
            return "produce of " + records + " record(s) failed"
                    + (attempts > 0 ? " after " + attempts + " attempt(s)" : "") + ": " + from;
        }
        return "produce of " + records + " record(s), attempt " + attempts + ": " + from + "; retry " + nextRetry
                + " in " + backoffMs + " ms after refreshing metadata";
    }
}
