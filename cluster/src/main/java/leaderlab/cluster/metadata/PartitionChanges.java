package leaderlab.cluster.metadata;

import java.util.BitSet;
import java.util.List;

/**
 * Which partitions a range of the metadata log touches: every partition with a record in it, and
 * among those the ones created or given a new replica set (where a broker may gain or lose a replica).
 * Computed once per range by the controller and shared, read-only, by every broker that fetches it.
 */
public final class PartitionChanges {

    public static final PartitionChanges NONE = new PartitionChanges(new BitSet(), new BitSet());

    private final BitSet changed;
    private final BitSet reassigned;

    private PartitionChanges(BitSet changed, BitSet reassigned) {
        this.changed = changed;
        this.reassigned = reassigned;
    }

    public static PartitionChanges of(List<MetadataRecord> records) {
        BitSet changed = new BitSet();
        BitSet reassigned = new BitSet();
        for (MetadataRecord record : records) {
            if (record instanceof MetadataRecord.Partition created) {
                changed.set(created.registration().id());
                reassigned.set(created.registration().id());
            } else if (record instanceof MetadataRecord.PartitionChange change) {
                changed.set(change.registration().id());
                if (change.replicasChanged()) {
                    reassigned.set(change.registration().id());
                }
            }
        }
        return new PartitionChanges(changed, reassigned);
    }

    /**
     * The partitions a broker must look at: those it hosts that changed, and every created or
     * reassigned one (it may have just gained or lost a replica there). A new set; {@code hosted} is
     * only read.
     */
    public BitSet concerning(BitSet hosted) {
        BitSet out = (BitSet) changed.clone();
        out.and(hosted);
        out.or(reassigned);
        return out;
    }
}
