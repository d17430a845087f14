package leaderlab.cluster.client;

import leaderlab.cluster.protocol.Errors;

/**
 * What happened to one produce request (one partition's batch).
 *
 * @param leader     the broker it was sent to, -1 if none was known
 * @param baseOffset first acknowledged offset, -1 unless acknowledged
 * @param retries    how many times the producer resent the batch (or waited for a leader) before this outcome
 * @param retried    the retriable errors it met on the way, oldest first, e.g. "NETWORK_EXCEPTION from broker 1"
 * @param duplicate  the leader already held this batch (an earlier attempt was written): an idempotent
 *                   producer's retry answered with the first attempt's offsets, not appended again
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
        boolean duplicate) {

    public ProduceResult(
            String partition, int leader, int count, int acks, Errors error, long baseOffset, String detail) {
        this(partition, leader, count, acks, error, baseOffset, detail, 0, java.util.List.of(), false);
    }

    public boolean acknowledged() {
        return !error.isError() && baseOffset >= 0;
    }
}
