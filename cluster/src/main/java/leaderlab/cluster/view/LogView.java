package leaderlab.cluster.view;

/**
 * An immutable picture of one replica's log: records [0, endOffset) with their leader epochs and
 * record ids, the leader-epoch cache, and the high watermark. The arrays may be longer than the log
 * and are shared with the live log, which only ever writes beyond every length it has published
 * (truncation switches to fresh arrays), so what a reader sees never changes.
 */
public record LogView(
        int[] epochs,
        long[] recordIds,
        int length,
        int[] cacheEpochs,
        long[] cacheStartOffsets,
        int cacheSize,
        long highWatermark) {

    public static final LogView EMPTY = new LogView(new int[0], new long[0], 0, new int[0], new long[0], 0, 0);

    /** Log end offset: the offset the next record will get. */
    public long endOffset() {
        return length;
    }

    public int epochAt(long offset) {
        return epochs[(int) offset];
    }

    public long recordIdAt(long offset) {
        return recordIds[(int) offset];
    }

    public int latestEpoch() {
        return cacheSize == 0 ? -1 : cacheEpochs[cacheSize - 1];
    }
}
