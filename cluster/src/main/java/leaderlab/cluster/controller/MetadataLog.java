package leaderlab.cluster.controller;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.MetadataRecord;

/**
 * The controller's metadata log (Kafka's {@code __cluster_metadata}). With a single controller a record
 * is committed as soon as it is appended; the controller replays it into its own image at once and
 * brokers fetch and replay it later.
 */
final class MetadataLog {

    private final List<MetadataRecord> records = new ArrayList<>();
    private final MetadataImage image;

    MetadataLog(MetadataImage image) {
        this.image = image;
    }

    /** Appends, applies to the controller's image, and returns the record's offset. */
    long append(MetadataRecord record) {
        long offset = records.size();
        records.add(record);
        image.replay(offset, record);
        return offset;
    }

    long endOffset() {
        return records.size();
    }

    /** Up to {@code max} records from {@code fromOffset}, copied so the reader owns the list. */
    List<MetadataRecord> read(long fromOffset, int max) {
        int from = (int) Math.min(fromOffset, records.size());
        int to = (int) Math.min((long) from + max, records.size());
        return List.copyOf(records.subList(from, to));
    }
}
