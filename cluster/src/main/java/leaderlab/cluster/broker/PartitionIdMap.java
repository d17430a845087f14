package leaderlab.cluster.broker;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A map keyed by partition id that also keeps its keys in a bitset. Fetch sessions are asked "is this
 * partition in you?" for every partition a metadata batch touches, mostly with "no"; the bitset answers
 * that without a hash lookup, which matters when a fence moves a hundred thousand leaders at once.
 */
final class PartitionIdMap<V> {

    private final Map<Integer, V> values = new HashMap<>();
    private final BitSet keys = new BitSet();

    boolean containsKey(int partitionId) {
        return keys.get(partitionId);
    }

    V get(int partitionId) {
        return keys.get(partitionId) ? values.get(partitionId) : null;
    }

    V getOrDefault(int partitionId, V absent) {
        V value = get(partitionId);
        return value == null ? absent : value;
    }

    void put(int partitionId, V value) {
        values.put(partitionId, value);
        keys.set(partitionId);
    }

    void remove(int partitionId) {
        if (keys.get(partitionId)) {
            values.remove(partitionId);
            keys.clear(partitionId);
        }
    }

    void clear() {
        values.clear();
        keys.clear();
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }
}
