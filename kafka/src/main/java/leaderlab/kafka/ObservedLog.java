package leaderlab.kafka;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import leaderlab.cluster.view.LogView;

/**
 * What leaderlab has seen of one partition's log on a real cluster, as the window draws logs: the records
 * below the high watermark, each with the leader epoch that was current when the high watermark first
 * passed it. Kafka's Admin API gives neither a record's epoch nor a follower's log end offset, so this is
 * an approximation: every in-sync replica is drawn with the records up to the high watermark, and a replica
 * out of the ISR with what it had when it was last seen in sync. Arrays only grow past every length a view
 * was made with (a view never changes), as the simulator's logs do. Used on the observer's thread.
 */
final class ObservedLog {

    /** Beyond this many records a log is drawn no longer (its high watermark stays exact). */
    static final int MAX_DRAWN_RECORDS = 1 << 22;

    private static long[] noRecordIds = new long[0];

    private int[] epochs = new int[16];
    private int length;
    private int[] cacheEpochs = new int[4];
    private long[] cacheStarts = new long[4];
    private int cacheSize;
    private int lastEpoch;
    private long highWatermark;
    private LogView inSync = LogView.EMPTY;
    private final Map<Integer, LogView> outOfSync = new HashMap<>();

    /**
     * Takes one poll's view of the partition.
     *
     * @param polledHw    the high watermark the leader answered with, -1 when unknown (kept as it was)
     * @param leaderEpoch the leader epoch it answered with, -1 when unknown
     */
    void update(long polledHw, int leaderEpoch, List<Integer> replicas, List<Integer> isr) {
        if (leaderEpoch >= 0) {
            lastEpoch = leaderEpoch;
        }
        for (int replica : replicas) {
            if (isr.contains(replica)) {
                outOfSync.remove(replica);
            } else {
                // Out of sync: it keeps what it had when it was last seen in sync.
                outOfSync.computeIfAbsent(replica, id -> inSync);
            }
        }
        outOfSync.keySet().retainAll(replicas);
        if (polledHw < 0 || polledHw == highWatermark) {
            return;
        }
        if (polledHw < highWatermark) {
            // The log went backwards (an unclean election, or a topic made anew): start over from here.
            epochs = new int[16];
            cacheEpochs = new int[4];
            cacheStarts = new long[4];
            cacheSize = 0;
            length = 0;
        }
        highWatermark = polledHw;
        int drawn = (int) Math.min(polledHw, MAX_DRAWN_RECORDS);
        if (drawn > length) {
            if (cacheSize == 0 || cacheEpochs[cacheSize - 1] != lastEpoch) {
                addSegment(lastEpoch, length);
            }
            if (drawn > epochs.length) {
                epochs = Arrays.copyOf(epochs, Math.max(drawn, epochs.length * 2));
            }
            Arrays.fill(epochs, length, drawn, lastEpoch);
            length = drawn;
        }
        inSync = new LogView(epochs, recordIds(length), length, cacheEpochs, cacheStarts, cacheSize, highWatermark);
    }

    /** The log a replica is drawn with: the in-sync one, or the one it left the ISR with. */
    LogView viewOf(int replica) {
        return outOfSync.getOrDefault(replica, inSync);
    }

    private void addSegment(int epoch, long start) {
        if (cacheSize == cacheEpochs.length) {
            cacheEpochs = Arrays.copyOf(cacheEpochs, cacheSize * 2);
            cacheStarts = Arrays.copyOf(cacheStarts, cacheSize * 2);
        }
        cacheEpochs[cacheSize] = epoch;
        cacheStarts[cacheSize] = start;
        cacheSize++;
    }

    /**
     * Record ids, all 0: Kafka's records carry no leaderlab id, and every replica drawn shares one log, so
     * none differs from its leader. One array serves every partition (no view ever writes it).
     */
    private static synchronized long[] recordIds(int length) {
        if (noRecordIds.length < length) {
            noRecordIds = new long[Math.max(length, noRecordIds.length * 2)];
        }
        return noRecordIds;
    }
}
