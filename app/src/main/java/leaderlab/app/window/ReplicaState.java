package leaderlab.app.window;

import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What one replica chip shows, decided from the controller's truth: the partition's registration and
 * whether the replica's broker is up. Colour and shape both carry it (see {@link ChipRaster}).
 */
public enum ReplicaState {
    LEADER("leader"),
    IN_SYNC("in-sync follower"),
    OUT_OF_SYNC("out-of-sync follower"),
    /** Out of the ISR but an eligible leader replica (KIP-966): drawn with a double outline. */
    ELIGIBLE("eligible leader replica (ELR)"),
    OFFLINE("offline");

    private final String label;

    ReplicaState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state of {@code broker}'s replica of {@code partition}. */
    public static ReplicaState of(PartitionRegistration partition, ClusterSnapshot.BrokerState broker) {
        boolean alive = broker != null
                && broker.running()
                && broker.registration() != null
                && !broker.registration().fenced();
        if (alive && leaderlab.cluster.metadata.Replicas.contains(partition.elr(), broker.id())) {
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
