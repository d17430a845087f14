package leaderlab.cluster.broker;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A broker's replicas by global partition id: an array, so looking one up is a single index even with
 * 100k replicas, and iteration is in partition-id order, which keeps the broker deterministic.
 */
final class PartitionTable {

    private Partition[] byId = new Partition[16];
    private final BitSet ids = new BitSet();
    private int count;

    Partition get(int id) {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    void put(int id, Partition partition) {
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
        }
        if (byId[id] == null) {
            count++;
        }
        byId[id] = partition;
        ids.set(id);
    }

    void remove(int id) {
        if (get(id) != null) {
            byId[id] = null;
            ids.clear(id);
            count--;
        }
    }

    /** The ids present; callers only read it. */
    BitSet ids() {
        return ids;
    }

    /** The replicas in partition-id order. */
    Iterable<Partition> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Partition> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < byId.length && byId[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < byId.length;
                    }

                    @Override
                    public Partition next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Partition partition = byId[next];
                        next = advance(next + 1);
                        return partition;
                    }
                };
            }

            @Override
            public int size() {
                return count;
            }
        };
    }
}
