package leaderlab.cluster.protocol;

import java.util.Arrays;

/**
 * Consecutive records copied out of a log: offsets baseOffset .. baseOffset + size() - 1, each with the
 * leader epoch it was written in, its record id (the payload; ids are unique per cluster so the
 * data-loss ledger can tell records apart) and the idempotent producer id and sequence number it was
 * written with (-1 for a non-idempotent producer).
 */
public record LogSlice(long baseOffset, int[] epochs, long[] recordIds, int[] producerIds, int[] sequences) {

    public static final LogSlice EMPTY = new LogSlice(0, new int[0], new long[0]);

    /** Records from a non-idempotent producer. */
    public LogSlice(long baseOffset, int[] epochs, long[] recordIds) {
        this(baseOffset, epochs, recordIds, none(epochs.length), none(epochs.length));
    }

    private static int[] none(int size) {
        int[] values = new int[size];
        Arrays.fill(values, -1);
        return values;
    }

    public int size() {
        return epochs.length;
    }

    public long endOffset() {
        return baseOffset + epochs.length;
    }
}
