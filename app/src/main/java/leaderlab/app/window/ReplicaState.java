package leaderlab.app.window;

import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What one replica chip shows, decided from the controller's truth: the partition's registration and
 * whether the replica's broker is up. Colour and shape both carry it (see {@link ChipRaster}).
 */
public enum ReplicaState {
    LEADER("leader", "leader"),
    IN_SYNC("in-sync follower", "in sync"),
    OUT_OF_SYNC("out-of-sync follower", "out of sync"),
    /**
     * Out of the ISR but an eligible leader replica (KIP-966): drawn with a double outline, also while its
     * broker is down, since that is when ELR matters (the controller keeps it eligible until it returns).
     */
    ELIGIBLE("eligible leader replica (ELR)", "eligible (ELR)"),
    OFFLINE("offline", "offline");

    private final String label;
    private final String legendLabel;

    ReplicaState(String label, String legendLabel) {
        this.label = label;
        this.legendLabel = legendLabel;
    }

    public String label() {
        return label;
    }

    /** The legend's shorter word: all five fit between the clients and the controller at the default size. */
    public String legendLabel() {
        return legendLabel;
    }

    /** The state of {@code broker}'s replica of {@code partition}. */
    public static ReplicaState of(PartitionRegistration partition, ClusterSnapshot.BrokerState broker) {
        // ELR first, alive or not: `describe` lists a stopped ELR member in Elr, and an empty ISR with
        // ELR 1,2 must not look like three equally lost replicas.
        if (broker != null && leaderlab.cluster.metadata.Replicas.contains(partition.elr(), broker.id())) {
            return ELIGIBLE;
        }
        if (!partition.hasLeader()
                || broker == null
                || !broker.running()
                || broker.registration() == null
                || broker.registration().fenced()) {
            return OFFLINE;
        }
        if (partition.leader() == broker.id()) {
            return LEADER;
        }
        for (int member : partition.isr()) {
            if (member == broker.id()) {
                return IN_SYNC;
            }
        }
        return OUT_OF_SYNC;
    }
}
