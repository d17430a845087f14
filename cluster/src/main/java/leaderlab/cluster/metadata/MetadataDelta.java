package leaderlab.cluster.metadata;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import leaderlab.cluster.view.PersistentArray;

/**
 * What replaying one range of the metadata log yields (after Kafka's MetadataDelta): the partitions it
 * touches, among them those created or given a new replica set (where a broker may gain or lose a
 * replica), its records that are not partition records, and the partition table after it.
 *
 * <p>Replay is a pure function of the log, so the controller computes this once per range and every
 * broker that fetches the range shares it, read-only: a broker takes the table instead of rebuilding
 * it record by record, and looks only at the partitions it hosts. That is what keeps a fence at a
 * million partitions from costing nine brokers a million-record replay each.
 */
public final class MetadataDelta {

    public static final MetadataDelta NONE = new MetadataDelta(new BitSet(), new BitSet(), List.of(), null);

    private final BitSet changed;
    private final BitSet reassigned;
    private final List<MetadataRecord> otherRecords;
    private final PersistentArray<PartitionRegistration> partitionsAfter;

    private MetadataDelta(
            BitSet changed,
            BitSet reassigned,
            List<MetadataRecord> otherRecords,
            PersistentArray<PartitionRegistration> partitionsAfter) {
        this.changed = changed;
        this.reassigned = reassigned;
        this.otherRecords = otherRecords;
        this.partitionsAfter = partitionsAfter;
    }

    /**
     * @param partitionsAfter the partition table after {@code records}, or null when the caller does
     *                        not hold it (each broker then replays the partition records itself)
     */
    public static MetadataDelta of(
            List<MetadataRecord> records, PersistentArray<PartitionRegistration> partitionsAfter) {
        BitSet changed = new BitSet();
        BitSet reassigned = new BitSet();
        List<MetadataRecord> others = new ArrayList<>();
        for (MetadataRecord record : records) {
            if (record instanceof MetadataRecord.Partition created) {
                changed.set(created.registration().id());
                reassigned.set(created.registration().id());
            } else if (record instanceof MetadataRecord.PartitionChange change) {
                changed.set(change.registration().id());
                if (change.replicasChanged()) {
                    reassigned.set(change.registration().id());
                }
            } else {
                others.add(record);
            }
        }
        return new MetadataDelta(changed, reassigned, List.copyOf(others), partitionsAfter);
    }

    /**
     * The partitions a broker must look at: those it hosts that changed, and every created or
     * reassigned one. A new set; {@code hosted} is only read.
     */
    public BitSet concerning(BitSet hosted) {
        // Not changed.clone(): BitSet.clone trims the original, and brokers on other threads share it.
        BitSet out = new BitSet();
        out.or(changed);
        out.and(hosted);
        out.or(reassigned);
        return out;
    }

    /** The range's records that are not partition records, in log order. */
    public List<MetadataRecord> otherRecords() {
        return otherRecords;
    }

    /** The partition table after the range, or null. */
    public PersistentArray<PartitionRegistration> partitionsAfter() {
        return partitionsAfter;
    }
}
