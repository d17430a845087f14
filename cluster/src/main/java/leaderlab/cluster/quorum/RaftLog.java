package leaderlab.cluster.quorum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.metadata.MetadataRecord;

/**
 * One controller's copy of {@code __cluster_metadata}: the records, the epoch each was written in, and
 * the epoch cache (epoch to start offset) that finds where two logs diverge. Uncommitted records may be
 * truncated when a new leader's log disagrees; nothing below the high watermark ever is.
 */
public final class RaftLog {

    private final List<MetadataRecord> records = new ArrayList<>();
    private int[] epochs = new int[1024];
    /** Epoch to the offset of its first record, for the epochs that have records here. */
    private final TreeMap<Integer, Long> epochStarts = new TreeMap<>();
    /** {@link #epochStarts} for readers, made again only after a change. */
    private List<OffsetAndEpoch> epochStartsView = List.of();

    public long endOffset() {
        return records.size();
    }

    /** Epoch of the last record, 0 for an empty log. */
    public int lastEpoch() {
        return records.isEmpty() ? 0 : epochs[records.size() - 1];
    }

    public OffsetAndEpoch end() {
        return new OffsetAndEpoch(endOffset(), lastEpoch());
    }

    public MetadataRecord record(long offset) {
        return records.get((int) offset);
    }

    public int epochAt(long offset) {
        return epochs[(int) offset];
    }

    /** Appends one record written in {@code epoch} and returns its offset. */
    public long append(int epoch, MetadataRecord record) {
        if (epoch < lastEpoch()) {
            throw new IllegalStateException("appending epoch " + epoch + " after epoch " + lastEpoch());
        }
        int offset = records.size();
        if (offset == epochs.length) {
            epochs = Arrays.copyOf(epochs, epochs.length * 2);
        }
        records.add(record);
        epochs[offset] = epoch;
        if (epochStarts.putIfAbsent(epoch, (long) offset) == null) {
            epochStartsView = null;
        }
        return offset;
    }

    /** The records in [from, to), copied. */
    public List<MetadataRecord> read(long from, long to) {
        return List.copyOf(records.subList((int) from, (int) to));
    }

    public int[] epochs(long from, long to) {
        return Arrays.copyOfRange(epochs, (int) from, (int) to);
    }

    /** Drops every record at or after {@code offset}. */
    public void truncateTo(long offset) {
        if (offset >= records.size()) {
            return;
        }
        records.subList((int) offset, records.size()).clear();
        epochStarts
                .tailMap(records.isEmpty() ? Integer.MIN_VALUE : lastEpoch(), false)
                .clear();
        if (records.isEmpty()) {
            epochStarts.clear();
        }
        epochStartsView = null;
    }

    /** The first offset of each epoch, oldest first; immutable. */
    public List<OffsetAndEpoch> epochStarts() {
        if (epochStartsView == null) {
            epochStartsView = epochStarts.entrySet().stream()
                    .map(e -> new OffsetAndEpoch(e.getValue(), e.getKey()))
                    .toList();
        }
        return epochStartsView;
    }

    /**
     * Where {@code epoch} ends in this log (Kafka's LeaderEpochFileCache.endOffsetFor): for the last epoch
     * the log end; otherwise the largest epoch at or below it, ending where the next epoch starts. An
     * epoch below every known one ends where the first known epoch starts.
     */
    public OffsetAndEpoch endOffsetForEpoch(int epoch) {
        if (records.isEmpty()) {
            return new OffsetAndEpoch(0, 0);
        }
        if (epoch >= lastEpoch()) {
            return end();
        }
        Map.Entry<Integer, Long> floor = epochStarts.floorEntry(epoch);
        Map.Entry<Integer, Long> next = epochStarts.higherEntry(epoch);
        return new OffsetAndEpoch(next.getValue(), floor == null ? epoch : floor.getKey());
    }
}
