package leaderlab.cluster.broker;

import java.util.Map;
import java.util.TreeMap;

/**
 * A broker's disk: what survives a crash and restart. Replica logs by partition id, the broker epoch
 * written at the last clean shutdown (Kafka's clean-shutdown file), and an incarnation counter so each
 * start registers as a new incarnation.
 */
public final class BrokerStorage {

    private final Map<Integer, ReplicaLog> logs = new TreeMap<>();
    private long cleanShutdownEpoch = -1;
    private long incarnations;
    /** The active controller last known, -1 for none (Kafka's quorum-state file of the metadata log). */
    private int knownController = -1;

    ReplicaLog log(int partitionId) {
        return logs.computeIfAbsent(partitionId, id -> new ReplicaLog());
    }

    void delete(int partitionId) {
        logs.remove(partitionId);
    }

    /** The epoch saved by the last clean shutdown, consumed by the next start (-1 after a crash). */
    long takeCleanShutdownEpoch() {
        long epoch = cleanShutdownEpoch;
        cleanShutdownEpoch = -1;
        return epoch;
    }

    void markCleanShutdown(long brokerEpoch) {
        cleanShutdownEpoch = brokerEpoch;
    }

    /**
     * A power loss: every log loses what was not flushed.
     *
     * @return partition id to (end offset before, end offset after) for the logs that lost records
     */
    public Map<Integer, long[]> loseUnflushed() {
        Map<Integer, long[]> lost = new TreeMap<>();
        logs.forEach((id, log) -> {
            long before = log.loseUnflushed();
            if (log.endOffset() < before) {
                lost.put(id, new long[] {before, log.endOffset()});
            }
        });
        return lost;
    }

    long nextIncarnation() {
        return ++incarnations;
    }

    int knownController() {
        return knownController;
    }

    void knownController(int controllerId) {
        knownController = controllerId;
    }
}
