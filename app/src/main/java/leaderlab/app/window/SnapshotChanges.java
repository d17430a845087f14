package leaderlab.app.window;

import leaderlab.cluster.view.ClusterSnapshot;

/** What changed between two snapshots of one cluster, so a frame redraws only the partitions that did. */
final class SnapshotChanges {

    private SnapshotChanges() {}

    /**
     * The partitions that changed between two snapshots of one cluster (ascending), or null when the
     * replica placement may differ (other brokers or topics, a reassignment): then everything is redone.
     */
    static int[] changedSince(ClusterSnapshot before, ClusterSnapshot snapshot) {
        if (before == null
                || before.brokers().size() != snapshot.brokers().size()
                || (before.metadata().topics() != snapshot.metadata().topics()
                        && !before.metadata()
                                .topics()
                                .equals(snapshot.metadata().topics()))) {
            return null;
        }
        for (int i = 0; i < snapshot.brokers().size(); i++) {
            if (before.brokers().get(i).id() != snapshot.brokers().get(i).id()) {
                return null;
            }
        }
        var older = before.metadata().partitions();
        var newer = snapshot.metadata().partitions();
        if (older.size() != newer.size()) {
            return null;
        }
        java.util.stream.IntStream.Builder ids = java.util.stream.IntStream.builder();
        boolean[] moved = {false};
        newer.forEachChanged(older, id -> {
            ids.add(id);
            moved[0] |= !java.util.Arrays.equals(
                    older.get(id).replicas(), newer.get(id).replicas());
        });
        return moved[0] ? null : ids.build().toArray();
    }
}
