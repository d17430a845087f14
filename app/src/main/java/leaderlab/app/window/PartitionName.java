package leaderlab.app.window;

import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/** Looks up a partition by the name the shell uses for it, "topic-index". */
final class PartitionName {

    private PartitionName() {
    }

    /** The partition's registration in a snapshot, or null if the name does not denote one. */
    static PartitionRegistration lookup(ClusterSnapshot snapshot, String name) {
        int dash = name == null ? -1 : name.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            return snapshot.metadata().partition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
