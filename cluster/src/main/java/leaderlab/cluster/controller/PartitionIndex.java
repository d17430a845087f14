package leaderlab.cluster.controller;

import java.util.Arrays;
import java.util.BitSet;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.PartitionRegistration;

/**
 * The controller's indexes over partitions, kept up to date on every partition write so that fencing
 * a broker, finding leaderless partitions or imbalanced leaders never scans every partition.
 * Iterating a BitSet is in partition-id order, which keeps the controller deterministic.
 */
final class PartitionIndex {

    private BitSet[] inIsrOf = new BitSet[0];
    private BitSet[] ledBy = new BitSet[0];
    private BitSet[] inElrOf = new BitSet[0];
    /** Partitions with a non-empty ELR or LastKnownElr: what a min ISR change or turning ELR off clears. */
    private final BitSet withElr = new BitSet();

    private final BitSet leaderless = new BitSet();
    private final BitSet imbalanced = new BitSet();

    /** Indexes every partition of the image: a new active controller replayed them from the log. */
    void addAll(MetadataImage image) {
        for (int id = 0; id < image.partitionCount(); id++) {
            update(null, image.partition(id));
        }
    }

    void update(PartitionRegistration old, PartitionRegistration next) {
        int id = next.id();
        if (old != null) {
            for (int broker : old.isr()) {
                forBroker(true, broker).clear(id);
            }
            if (old.hasLeader()) {
                forBroker(false, old.leader()).clear(id);
            }
            for (int broker : old.elr()) {
                inElr(broker).clear(id);
            }
        }
        for (int broker : next.elr()) {
            inElr(broker).set(id);
        }
        withElr.set(id, next.elr().length > 0 || next.lastKnownElr().length > 0);
        for (int broker : next.isr()) {
            forBroker(true, broker).set(id);
        }
        if (next.hasLeader()) {
            forBroker(false, next.leader()).set(id);
        }
        leaderless.set(id, !next.hasLeader());
        imbalanced.set(id, !next.hasPreferredLeader());
    }

    private BitSet forBroker(boolean isr, int broker) {
        BitSet[] sets = isr ? inIsrOf : ledBy;
        if (broker >= sets.length) {
            sets = Arrays.copyOf(sets, broker + 1);
            if (isr) {
                inIsrOf = sets;
            } else {
                ledBy = sets;
            }
        }
        if (sets[broker] == null) {
            sets[broker] = new BitSet();
        }
        return sets[broker];
    }

    private BitSet inElr(int broker) {
        if (broker >= inElrOf.length) {
            inElrOf = Arrays.copyOf(inElrOf, broker + 1);
        }
        if (inElrOf[broker] == null) {
            inElrOf[broker] = new BitSet();
        }
        return inElrOf[broker];
    }

    /** Partitions whose ISR or ELR contains the broker, or which it leads: a copy. */
    BitSet involvingWithElr(int broker) {
        BitSet out = involving(broker);
        out.or(inElr(broker));
        return out;
    }

    BitSet withElr() {
        return (BitSet) withElr.clone();
    }

    /** Partitions whose ISR contains, or which are led by, the broker: a copy, safe to write while iterating. */
    BitSet involving(int broker) {
        BitSet out = (BitSet) forBroker(true, broker).clone();
        out.or(forBroker(false, broker));
        return out;
    }

    boolean leadsAny(int broker) {
        return !forBroker(false, broker).isEmpty();
    }

    int leaderCount(int broker) {
        return forBroker(false, broker).cardinality();
    }

    BitSet leaderless() {
        return (BitSet) leaderless.clone();
    }

    BitSet imbalanced() {
        return (BitSet) imbalanced.clone();
    }

    boolean hasImbalance() {
        return !imbalanced.isEmpty();
    }
}
