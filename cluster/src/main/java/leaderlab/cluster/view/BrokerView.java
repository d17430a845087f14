package leaderlab.cluster.view;

import leaderlab.cluster.metadata.MetadataView;

/**
 * One broker as it sees itself, immutable: its process state, what metadata it has replayed (its
 * belief, which may lag the controller) and its replicas by partition id.
 *
 * @param process     STARTING, RECOVERY, RUNNING, SHUTTING_DOWN or STOPPED (the broker's own lifecycle)
 * @param brokerEpoch the epoch it registered with, -1 before registration
 */
public record BrokerView(
        int id,
        String rack,
        String process,
        long brokerEpoch,
        MetadataView metadata,
        PersistentArray<ReplicaView> replicas) {

    public static BrokerView stopped(int id, String rack) {
        return new BrokerView(id, rack, "STOPPED", -1, null, PersistentArray.empty());
    }
}
