package leaderlab.cluster.client;

import leaderlab.cluster.protocol.Errors;

/**
 * What happened to one produce request (one partition's batch).
 *
 * @param leader     the broker it was sent to, -1 if none was known
 * @param baseOffset first acknowledged offset, -1 unless acknowledged
 */
public record ProduceResult(String partition, int leader, int count, int acks, Errors error, long baseOffset,
                            String detail) {

    public boolean acknowledged() {
        return !error.isError() && baseOffset >= 0;
    }
}
