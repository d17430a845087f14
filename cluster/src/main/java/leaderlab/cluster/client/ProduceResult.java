package leaderlab.cluster.client;

import leaderlab.cluster.protocol.Errors;

/**
 * What happened to one produce request (one partition's batch).
 *
 * @param leader     the broker it was sent to, -1 if none was known
 * @param baseOffset first acknowledged offset, -1 unless acknowledged
 * @param retries    how many times the producer resent the batch after a request of it failed in flight
 * @param retried    the retriable errors those requests met, oldest first, e.g. "NOT_LEADER_OR_FOLLOWER from broker 1"
 * @param duplicate  the leader already held this batch (an earlier attempt was written): an idempotent
 *                   producer's retry answered with the first attempt's offsets, not appended again
 * @param waitedMs   how long the batch waited in the producer, unsent, for a leader it could connect to (no
 *                   leader known, or the leader's connection refused: Kafka's accumulator keeps such a batch and
 *                   no retry is used); -1 when not known (a real Kafka producer does not report it)
 */
public record ProduceResult(
        String partition,
        int leader,
        int count,
        int acks,
        Errors error,
        long baseOffset,
        String detail,
        int retries,
        java.util.List<String> retried,
        boolean duplicate,
        long waitedMs) {

    public ProduceResult(
            String partition, int leader, int count, int acks, Errors error, long baseOffset, String detail) {
        this(partition, leader, count, acks, error, baseOffset, detail, 0, java.util.List.of(), false, 0);
    }

    public boolean acknowledged() {
        return !error.isError() && baseOffset >= 0;
    }
}
