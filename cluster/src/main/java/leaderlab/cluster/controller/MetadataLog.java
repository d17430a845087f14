package leaderlab.cluster.controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.metadata.MetadataDelta;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.ControllerApi.MetadataFetchResponse;
import leaderlab.cluster.quorum.RaftLog;
import leaderlab.cluster.view.PersistentArray;

/**
 * The active controller's side of the metadata log (Kafka's {@code __cluster_metadata}): it appends the
 * controller's decisions to the quorum's {@link RaftLog} in its epoch and replays them into its own image
 * at once (as Kafka's QuorumController does, before they are committed); brokers read only up to the
 * high watermark, so they see committed metadata only.
 *
 * <p>A read ends at the next multiple of {@link #MAX_RECORDS_PER_READ} or at the end of the log: at
 * both the controller holds the partition table (a checkpoint, or its own image), so a read can carry
 * the replayed table and the brokers, which fetch the same ranges, need not each rebuild it.
 */
final class MetadataLog {

    /** Records per metadata fetch response. */
    static final int MAX_RECORDS_PER_READ = 50_000;
    /**
     * Checkpoints kept: enough for brokers in step to fetch a burst of 800,000 records (a fence at a
     * million partitions writes 300,000) with shared tables; a broker further behind replays itself.
     */
    static final int CHECKPOINTS_KEPT = 16;
    /** Reads kept: brokers in step fetch the same range one after another. */
    private static final int READS_KEPT = 4;

    private final RaftLog records;
    private final int epoch;
    private final MetadataImage image;
    /**
     * The partition table at the end of each controller event above the high watermark: the high
     * watermark moves to such ends (or to read boundaries), so a broker's read up to it can still carry
     * the table.
     */
    private final TreeMap<Long, PersistentArray<PartitionRegistration>> uncommittedEnds = new TreeMap<>();

    private final Map<Long, PersistentArray<PartitionRegistration>> checkpoints = lru(CHECKPOINTS_KEPT);
    private final Map<Long, MetadataFetchResponse> reads = lru(READS_KEPT);

    /** A new active controller's log: replays everything already in {@code records} into {@code image}. */
    MetadataLog(MetadataImage image, RaftLog records, int epoch) {
        this.image = image;
        this.records = records;
        this.epoch = epoch;
        for (long offset = 0; offset < records.endOffset(); offset++) {
            image.replay(offset, records.record(offset));
            checkpointIfDue(offset + 1);
        }
        uncommittedEnds.put(records.endOffset(), image.partitions());
    }

    private static <V> Map<Long, V> lru(int kept) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > kept;
            }
        };
    }

    /** Appends, applies to the controller's image, and returns the record's offset. */
    long append(MetadataRecord record) {
        long offset = records.append(epoch, record);
        image.replay(offset, record);
        checkpointIfDue(offset + 1);
        return offset;
    }

    private void checkpointIfDue(long endOffset) {
        if (endOffset % MAX_RECORDS_PER_READ == 0) {
            checkpoints.put(endOffset, image.partitions());
        }
    }

    long endOffset() {
        return records.endOffset();
    }

    /** A controller event ended: remember the table here, where the high watermark may stop. */
    void markEventEnd(long highWatermark) {
        uncommittedEnds.headMap(highWatermark).clear();
        if (uncommittedEnds.isEmpty() || uncommittedEnds.lastKey() < records.endOffset()) {
            uncommittedEnds.put(records.endOffset(), image.partitions());
        }
    }

    /**
     * The records from {@code fromOffset} to the next read boundary or {@code limit} (the high watermark),
     * with what replaying them yields.
     */
    MetadataFetchResponse read(long fromOffset, long limit) {
        long end = Math.min(limit, records.endOffset());
        long from = Math.min(fromOffset, end);
        long to = Math.min(from - from % MAX_RECORDS_PER_READ + MAX_RECORDS_PER_READ, end);
        MetadataFetchResponse cached = reads.get(fromOffset);
        if (cached != null && cached.baseOffset() + cached.records().size() == to) {
            return cached;
        }
        List<MetadataRecord> slice = records.read(from, to);
        PersistentArray<PartitionRegistration> after = to == records.endOffset()
                ? image.partitions()
                : checkpoints.containsKey(to) ? checkpoints.get(to) : uncommittedEnds.get(to);
        MetadataFetchResponse read = new MetadataFetchResponse(from, slice, MetadataDelta.of(slice, after));
        reads.put(fromOffset, read);
        return read;
    }
}
