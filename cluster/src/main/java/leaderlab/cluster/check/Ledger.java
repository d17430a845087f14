package leaderlab.cluster.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The data-loss ledger: every record a producer was told is safe (acknowledged), by partition and
 * offset, and which of them later vanished. The client writes to it from its thread; the checker reads
 * it from its own, so every method is synchronized (it is never on the engine's hot path).
 */
public final class Ledger {

    /** One acknowledged record. */
    public record Acked(int partitionId, String partition, long offset, long recordId, int acks, long ackedAtMs) {}

    /**
     * Acknowledged records that vanished together.
     *
     * @param missingOn   replicas whose log no longer has them at their offsets
     * @param explanation why, in words, from the journal
     * @param safe        whether the configuration promised they could not be lost
     */
    public record Loss(
            String partition,
            long fromOffset,
            long toOffset,
            List<Acked> records,
            String leaderNow,
            List<Integer> missingOn,
            String explanation,
            long lostAtMs,
            boolean safe,
            long eventSeq) {}

    private final Map<Integer, NavigableMap<Long, Acked>> acked = new TreeMap<>();
    private final List<Loss> losses = new ArrayList<>();
    private final java.util.BitSet newlyAcked = new java.util.BitSet();
    private long ackedCount;

    public synchronized void acknowledged(
            int partitionId, String partition, long baseOffset, long[] recordIds, int acks, long nowMs) {
        NavigableMap<Long, Acked> records = acked.computeIfAbsent(partitionId, id -> new TreeMap<>());
        for (int i = 0; i < recordIds.length; i++) {
            records.put(baseOffset + i, new Acked(partitionId, partition, baseOffset + i, recordIds[i], acks, nowMs));
        }
        ackedCount += recordIds.length;
        newlyAcked.set(partitionId);
    }

    /** Partitions with acknowledgements since the last call: already lost ones must be caught too. */
    synchronized java.util.BitSet drainNewlyAcked() {
        java.util.BitSet drained = (java.util.BitSet) newlyAcked.clone();
        newlyAcked.clear();
        return drained;
    }

    /** Acknowledged records of a partition still believed present, by offset (a copy). */
    synchronized NavigableMap<Long, Acked> standing(int partitionId) {
        NavigableMap<Long, Acked> records = acked.get(partitionId);
        return records == null ? new TreeMap<>() : new TreeMap<>(records);
    }

    synchronized void lost(Loss loss) {
        NavigableMap<Long, Acked> records = acked.get(loss.records().get(0).partitionId());
        for (Acked record : loss.records()) {
            records.remove(record.offset());
        }
        losses.add(loss);
    }

    public synchronized List<Loss> losses() {
        return List.copyOf(losses);
    }

    public synchronized long acknowledgedCount() {
        return ackedCount;
    }

    public synchronized long lostCount() {
        return losses.stream().mapToLong(l -> l.records().size()).sum();
    }
}
