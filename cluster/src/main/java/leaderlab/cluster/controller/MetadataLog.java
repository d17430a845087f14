package leaderlab.cluster.controller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import leaderlab.cluster.metadata.MetadataDelta;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.ControllerApi.MetadataFetchResponse;
import leaderlab.cluster.view.PersistentArray;

/**
 * The controller's metadata log (Kafka's {@code __cluster_metadata}). With a single controller a record
 * is committed as soon as it is appended; the controller replays it into its own image at once and
 * brokers fetch and replay it later.
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

    private final List<MetadataRecord> records = new ArrayList<>();
    private final MetadataImage image;
    private final Map<Long, PersistentArray<PartitionRegistration>> checkpoints = lru(CHECKPOINTS_KEPT);
    private final Map<Long, MetadataFetchResponse> reads = lru(READS_KEPT);

    MetadataLog(MetadataImage image) {
        this.image = image;
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
        long offset = records.size();
        records.add(record);
        image.replay(offset, record);
        if (records.size() % MAX_RECORDS_PER_READ == 0) {
            checkpoints.put((long) records.size(), image.partitions());
        }
        return offset;
    }

    long endOffset() {
        return records.size();
    }

    /** The records from {@code fromOffset} to the next read boundary, with what replaying them yields. */
    MetadataFetchResponse read(long fromOffset) {
        int from = (int) Math.min(fromOffset, records.size());
        int to = (int) Math.min(from - from % MAX_RECORDS_PER_READ + MAX_RECORDS_PER_READ, records.size());
        MetadataFetchResponse cached = reads.get(fromOffset);
        if (cached != null && cached.baseOffset() + cached.records().size() == to) {
            return cached;
        }
        List<MetadataRecord> slice = List.copyOf(records.subList(from, to));
        PersistentArray<PartitionRegistration> after =
                to == records.size() ? image.partitions() : checkpoints.get((long) to);
        MetadataFetchResponse read = new MetadataFetchResponse(from, slice, MetadataDelta.of(slice, after));
        reads.put(fromOffset, read);
        return read;
    }
}
