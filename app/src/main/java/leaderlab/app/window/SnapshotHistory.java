package leaderlab.app.window;

import leaderlab.cluster.view.ClusterSnapshot;

/**
 * A bounded ring of past snapshots for the scrubber and the swimlanes. Snapshots are immutable and
 * share structure with each other, so keeping thousands costs little; one is kept per sample
 * interval of cluster time, and the oldest drop off when the ring is full.
 */
public final class SnapshotHistory {

    private final ClusterSnapshot[] ring;
    private final long sampleMs;
    private int start;
    private int size;

    public SnapshotHistory(int capacity, long sampleMs) {
        this.ring = new ClusterSnapshot[capacity];
        this.sampleMs = sampleMs;
    }

    /** Keeps the snapshot if its time is a sample interval past the newest kept; a reset restarts. */
    public void offer(ClusterSnapshot snapshot) {
        if (size > 0) {
            ClusterSnapshot newest = get(size - 1);
            if (snapshot.timeMs() < newest.timeMs()) {
                clear();
            } else if (snapshot.timeMs() - newest.timeMs() < sampleMs) {
                return;
            }
        }
        if (size == ring.length) {
            ring[start] = snapshot;
            start = (start + 1) % ring.length;
        } else {
            ring[(start + size) % ring.length] = snapshot;
            size++;
        }
    }

    public void clear() {
        java.util.Arrays.fill(ring, null);
        start = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    /** The {@code index}-th kept snapshot, oldest first. */
    public ClusterSnapshot get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("history has " + size + " snapshots, not " + (index + 1));
        }
        return ring[(start + index) % ring.length];
    }
}
