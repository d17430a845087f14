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
 * Produce failures of the last moments, from the journal's PRODUCE_FAILED (the producer gave up) and
 * PRODUCE_RETRIED (an attempt failed, the producer sends again) events: what the Clients box and the
 * failing partitions' chips flash for, so a failure only clients see is seen by the class too.
 */
final class ProduceFailures {

    /** Cluster time a failure stays flashed. */
    static final long FLASH_MS = 1500;

    /** What the Clients box says while a produce the producer gave up on is flashed. */
    static final String FAILED = "PRODUCE FAILED";
    /** ... and while only retried attempts are. */
    static final String RETRYING = "PRODUCE RETRYING";

    private record Failure(long timeMs, int partitionId, boolean gaveUp) {}

    private final ArrayDeque<Failure> recent = new ArrayDeque<>();
    private long total;

    void record(List<Event> events, ClusterSnapshot snapshot) {
        for (Event event : events) {
            boolean gaveUp = event.type() == EventType.PRODUCE_FAILED;
            if (!gaveUp && event.type() != EventType.PRODUCE_RETRIED) {
                continue;
            }
            total += gaveUp ? 1 : 0;
            recent.addLast(new Failure(event.timeMs(), partitionId(event.partition(), snapshot), gaveUp));
        }
        while (recent.size() > 10_000) {
            recent.removeFirst();
        }
    }

    void clear() {
        recent.clear();
        total = 0;
    }

    /** Failed produces (the producer gave up) seen on this cluster so far. */
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

    /**
     * What the Clients box says at {@code timeMs}: {@link #FAILED} when a produce failed within
     * {@link #FLASH_MS} before it, else {@link #RETRYING} when an attempt was retried, else null.
     */
    String clientsAlertAt(long timeMs) {
        String alert = null;
        for (Failure failure : recent) {
            if (failure.timeMs <= timeMs && timeMs - failure.timeMs < FLASH_MS) {
                if (failure.gaveUp) {
                    return FAILED;
                }
                alert = RETRYING;
            }
        }
        return alert;
    }

    private static int partitionId(TopicPartition about, ClusterSnapshot snapshot) {
        PartitionRegistration partition = about == null ? null : PartitionName.lookup(snapshot, about.name());
        return partition == null ? -1 : partition.id();
    }
}
