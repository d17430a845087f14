package leaderlab.app.window;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * Produce failures of the last moments, from the journal's PRODUCE_FAILED events: what the Clients box
 * and the failing partitions' chips flash for, so a failure only clients see is seen by the class too.
 */
final class ProduceFailures {

    /** Cluster time a failure stays flashed. */
    static final long FLASH_MS = 1500;

    private record Failure(long timeMs, int partitionId) {}

    private final ArrayDeque<Failure> recent = new ArrayDeque<>();
    private long total;

    void record(List<Event> events, ClusterSnapshot snapshot) {
        for (Event event : events) {
            if (event.type() != EventType.PRODUCE_FAILED) {
                continue;
            }
            total++;
            recent.addLast(new Failure(event.timeMs(), partitionId(event.partition(), snapshot)));
        }
        while (recent.size() > 10_000) {
            recent.removeFirst();
        }
    }

    void clear() {
        recent.clear();
        total = 0;
    }

    /** Failed produces seen on this cluster so far. */
    long total() {
        return total;
    }

    /** Partition ids that failed a produce within {@link #FLASH_MS} before {@code timeMs}. */
    Set<Integer> partitionsFailingAt(long timeMs) {
        Set<Integer> ids = new HashSet<>();
        for (Failure failure : recent) {
            if (failure.timeMs <= timeMs && timeMs - failure.timeMs < FLASH_MS && failure.partitionId >= 0) {
                ids.add(failure.partitionId);
            }
        }
        return ids;
    }

    boolean clientsFailingAt(long timeMs) {
        for (Failure failure : recent) {
            if (failure.timeMs <= timeMs && timeMs - failure.timeMs < FLASH_MS) {
                return true;
            }
        }
        return false;
    }

    private static int partitionId(TopicPartition about, ClusterSnapshot snapshot) {
        PartitionRegistration partition = about == null ? null : PartitionName.lookup(snapshot, about.name());
        return partition == null ? -1 : partition.id();
    }
}
