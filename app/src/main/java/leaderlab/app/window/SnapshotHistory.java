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
        append(snapshot);
    }

    /**
     * Keeps the moment a command line left the cluster in, however close to a sample, in its place by
     * time: it reaches the FX thread a frame or so late, after a frame may have kept a later moment of the
     * line that followed. A moment whose time is kept already is not kept twice.
     */
    public void keep(ClusterSnapshot snapshot) {
        int at = size;
        while (at > 0 && get(at - 1).timeMs() > snapshot.timeMs()) {
            at--;
        }
        if (at == size) {
            if (size == 0 || get(size - 1).timeMs() < snapshot.timeMs()) {
                append(snapshot);
            }
            return;
        }
        if (at > 0 && get(at - 1).timeMs() == snapshot.timeMs()) {
            return;
        }
        if (size == ring.length) {
            if (at == 0) {
                return; // older than everything a full ring holds: it would drop off at once
            }
            start = (start + 1) % ring.length;
            size--;
            at--;
        }
        for (int i = size; i > at; i--) {
            ring[(start + i) % ring.length] = ring[(start + i - 1) % ring.length];
        }
        ring[(start + at) % ring.length] = snapshot;
        size++;
    }

    private void append(ClusterSnapshot snapshot) {
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
