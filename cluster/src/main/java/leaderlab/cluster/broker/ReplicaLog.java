package leaderlab.cluster.broker;

import java.util.Arrays;
import leaderlab.cluster.protocol.LogSlice;
import leaderlab.cluster.view.LogView;

/**
 * One replica's log on disk: records (leader epoch and record id per offset), the leader-epoch cache
 * of (epoch, start offset) entries (Kafka's LeaderEpochFileCache) and the checkpointed high watermark.
 * Each record also keeps the idempotent producer's id and sequence number it was written with (-1 for a
 * non-idempotent producer), as Kafka's record batches do, so any replica that becomes leader knows what
 * it already holds. It survives a broker crash and restart. Single-writer; readers get {@link #view()}.
 */
public final class ReplicaLog {

    /** What an epoch maps to: Kafka's OffsetsForLeaderEpoch answer. */
    public record EpochEnd(int epoch, long endOffset) {
        static final EpochEnd UNDEFINED = new EpochEnd(-1, -1);
    }

    private int[] epochs = new int[0];
    private long[] recordIds = new long[0];
    private int[] producerIds = new int[0];
    private int[] sequences = new int[0];
    private int length;
    private int[] cacheEpochs = new int[0];
    private long[] cacheStarts = new long[0];
    private int cacheSize;
    private long highWatermark;
    private long flushedOffset;
    private LogView view = LogView.EMPTY;

    public long endOffset() {
        return length;
    }

    public long highWatermark() {
        return highWatermark;
    }

    public void setHighWatermark(long offset) {
        long bounded = Math.min(offset, length);
        if (bounded != highWatermark) {
            highWatermark = bounded;
            view = null; // only on a change: every fetch answer sets it, mostly to what it was
        }
    }

    /** Everything appended so far is now on disk. */
    public void flush() {
        flushedOffset = length;
    }

    /**
     * A power loss: records written since the last flush never reached the disk.
     *
     * @return the log end offset before the loss
     */
    public long loseUnflushed() {
        long end = length;
        truncateTo(Math.min(flushedOffset, length));
        return end;
    }

    public int latestEpoch() {
        return cacheSize == 0 ? -1 : cacheEpochs[cacheSize - 1];
    }

    /** The epoch of the last record, as a follower sends it in lastFetchedEpoch (-1 if empty). */
    public int lastRecordEpoch() {
        return length == 0 ? -1 : epochs[length - 1];
    }

    public void append(int epoch, long recordId) {
        append(epoch, recordId, -1, -1);
    }

    /** Appends one record, written by idempotent producer {@code producerId} with {@code sequence} (or -1, -1). */
    public void append(int epoch, long recordId, int producerId, int sequence) {
        if (length == epochs.length) {
            resize(Math.max(16, length * 2));
        }
        if (epoch > latestEpoch()) {
            assignEpochStartOffset(epoch, length);
        } else if (epoch < latestEpoch()) {
            // A follower copying records of an older epoch after an epoch entry that has no records
            // (it was elected, wrote nothing, then followed someone else). Kafka's
            // LeaderEpochFileCache.assign drops the non-monotonic entries (epoch >= this one, or
            // starting at or after this offset) before adding this one. Skipping the entry instead left
            // records the cache did not know, so as leader this replica answered a follower's
            // lastFetchedEpoch with a diverging epoch before those very records: the follower truncated
            // them, fetched them again, and looped for ever (never rejoining the ISR). An entry of this
            // very epoch that has records stays: dropping it too (as Kafka's assign would; Kafka's
            // follower truncates the empty entries away first) left those records under an older
            // epoch's entry (EpochCachePropertyTest), and the append below just continues it.
            int keepEntries = cacheSize;
            while (keepEntries > 0
                    && (cacheEpochs[keepEntries - 1] > epoch || cacheStarts[keepEntries - 1] >= length)) {
                keepEntries--;
            }
            // Fresh arrays: published views keep the entries they showed.
            cacheEpochs = Arrays.copyOf(cacheEpochs, Math.max(4, keepEntries + 1));
            cacheStarts = Arrays.copyOf(cacheStarts, cacheEpochs.length);
            cacheSize = keepEntries;
            assignEpochStartOffset(epoch, length);
        }
        epochs[length] = epoch;
        recordIds[length] = recordId;
        producerIds[length] = producerId;
        sequences[length] = sequence;
        length++;
        view = null;
    }

    public void append(LogSlice slice) {
        for (int i = 0; i < slice.size(); i++) {
            append(slice.epochs()[i], slice.recordIds()[i], slice.producerIds()[i], slice.sequences()[i]);
        }
    }

    /** Fresh arrays of {@code capacity}: published views keep the ones they showed. */
    private void resize(int capacity) {
        epochs = Arrays.copyOf(epochs, capacity);
        recordIds = Arrays.copyOf(recordIds, capacity);
        producerIds = Arrays.copyOf(producerIds, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
    }

    /**
     * The offset of the last record producer {@code producerId} wrote, or -1: what Kafka's
     * ProducerStateManager keeps per producer. Scanned back from the log end; producer ids only grow, so
     * the scan stops at an older idempotent producer's record.
     */
    public long lastOffsetOf(int producerId) {
        for (int i = length - 1; i >= 0; i--) {
            if (producerIds[i] == producerId) {
                return i;
            }
            if (producerIds[i] >= 0 && producerIds[i] < producerId) {
                return -1;
            }
        }
        return -1;
    }

    /** The offset of producer {@code producerId}'s record with {@code sequence}, or -1; scanned as above. */
    public long offsetOf(int producerId, int sequence) {
        for (int i = length - 1; i >= 0; i--) {
            if (producerIds[i] == producerId && sequences[i] == sequence) {
                return i;
            }
            if (producerIds[i] >= 0 && producerIds[i] < producerId) {
                return -1;
            }
        }
        return -1;
    }

    /** The sequence number the record at {@code offset} was written with (-1 if not idempotent). */
    public int sequenceAt(long offset) {
        return sequences[(int) offset];
    }

    /** A new leader records where its epoch starts, before appending anything (Kafka's makeLeader). */
    public void assignEpochStartOffset(int epoch, long startOffset) {
        if (epoch <= latestEpoch()) {
            return;
        }
        if (cacheSize == cacheEpochs.length) {
            int capacity = Math.max(4, cacheSize * 2);
            cacheEpochs = Arrays.copyOf(cacheEpochs, capacity);
            cacheStarts = Arrays.copyOf(cacheStarts, capacity);
        }
        cacheEpochs[cacheSize] = epoch;
        cacheStarts[cacheSize] = startOffset;
        cacheSize++;
        view = null;
    }

    /**
     * Removes every record at or after {@code offset}, and epoch entries that start there or later.
     * Copies into fresh arrays so that published views keep showing what they showed.
     */
    public void truncateTo(long offset) {
        if (offset > length) {
            return;
        }
        int keep = (int) Math.max(0, offset);
        if (keep < length) {
            resize(Math.max(16, keep * 2));
            length = keep;
        }
        int keepEntries = 0;
        while (keepEntries < cacheSize && cacheStarts[keepEntries] < keep) {
            keepEntries++;
        }
        cacheEpochs = Arrays.copyOf(cacheEpochs, Math.max(4, keepEntries));
        cacheStarts = Arrays.copyOf(cacheStarts, cacheEpochs.length);
        cacheSize = keepEntries;
        highWatermark = Math.min(highWatermark, length);
        flushedOffset = Math.min(flushedOffset, length);
        view = null;
    }

    /**
     * Kafka's LeaderEpochFileCache.endOffsetFor: the latest epoch maps to the log end; an older epoch to
     * the start of the next epoch, answered with the largest known epoch not above it.
     */
    public EpochEnd endOffsetFor(int requestedEpoch) {
        if (cacheSize == 0 || requestedEpoch < 0 || requestedEpoch > latestEpoch()) {
            return EpochEnd.UNDEFINED;
        }
        if (requestedEpoch == latestEpoch()) {
            return new EpochEnd(requestedEpoch, length);
        }
        int floor = -1;
        for (int i = 0; i < cacheSize; i++) {
            if (cacheEpochs[i] <= requestedEpoch) {
                floor = i;
            }
        }
        if (floor < 0) {
            return new EpochEnd(requestedEpoch, cacheStarts[0]);
        }
        return new EpochEnd(cacheEpochs[floor], cacheStarts[floor + 1]);
    }

    /** The largest epoch in this log's cache that is at most {@code epoch}, or -1. */
    public int largestEpochAtMost(int epoch) {
        int found = -1;
        for (int i = 0; i < cacheSize && cacheEpochs[i] <= epoch; i++) {
            found = cacheEpochs[i];
        }
        return found;
    }

    /** Records from {@code offset}, at most {@code max} and not beyond {@code limit}. */
    public LogSlice read(long offset, long limit, int max) {
        int from = (int) offset;
        int to = (int) Math.min(Math.min(limit, length), offset + max);
        if (from >= to) {
            return new LogSlice(offset, new int[0], new long[0], new int[0], new int[0]);
        }
        return new LogSlice(
                offset,
                Arrays.copyOfRange(epochs, from, to),
                Arrays.copyOfRange(recordIds, from, to),
                Arrays.copyOfRange(producerIds, from, to),
                Arrays.copyOfRange(sequences, from, to));
    }

    public LogView view() {
        if (view == null) {
            view = new LogView(epochs, recordIds, length, cacheEpochs, cacheStarts, cacheSize, highWatermark);
        }
        return view;
    }
}
