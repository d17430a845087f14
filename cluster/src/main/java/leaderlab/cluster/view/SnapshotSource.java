package leaderlab.cluster.view;

import leaderlab.cluster.journal.Journal;

/**
 * What the window draws: the newest snapshot of a cluster and its journal, both readable from any thread
 * without waiting. The simulator's {@code Cluster} is one; a poller of a real Kafka cluster is another.
 */
public interface SnapshotSource {

    /** The newest snapshot: cheap, immutable, never blocks. */
    ClusterSnapshot snapshot();

    /** The events so far, appended by the source's own threads. */
    Journal journal();

    /**
     * Null while the snapshot is current; else one line on why it may be old (e.g. "cluster not answering:
     * stale since t = 12.3 s"). A simulated cluster is always current.
     */
    default String staleness() {
        return null;
    }
}
