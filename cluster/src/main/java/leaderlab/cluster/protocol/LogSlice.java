package leaderlab.cluster.protocol;

/**
 * Consecutive records copied out of a log: offsets baseOffset .. baseOffset + size() - 1, each with the
 * leader epoch it was written in and its record id (the payload; ids are unique per cluster so the
 * data-loss ledger can tell records apart).
 */
public record LogSlice(long baseOffset, int[] epochs, long[] recordIds) {

    public static final LogSlice EMPTY = new LogSlice(0, new int[0], new long[0]);

    public int size() {
        return epochs.length;
    }

    public long endOffset() {
        return baseOffset + epochs.length;
    }
}
