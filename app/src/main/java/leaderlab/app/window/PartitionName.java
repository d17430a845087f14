package leaderlab.app.window;

import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/** Looks up a partition by the name the shell uses for it, "topic-index". */
final class PartitionName {

    private PartitionName() {}

    /** The partition's registration in a snapshot, or null if the name does not denote one. */
    static PartitionRegistration lookup(ClusterSnapshot snapshot, String name) {
        return leaderlab.cluster.metadata.PartitionName.parse(name)
                .map(p -> snapshot.metadata().partition(p.topic(), p.partition()))
                .orElse(null);
    }
}
