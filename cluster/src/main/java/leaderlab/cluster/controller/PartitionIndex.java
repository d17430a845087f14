package leaderlab.cluster.controller;

import java.util.Arrays;
import java.util.BitSet;
import leaderlab.cluster.metadata.PartitionRegistration;

/**
 * The controller's indexes over partitions, kept up to date on every partition write so that fencing
 * a broker, finding leaderless partitions or imbalanced leaders never scans every partition.
 * Iterating a BitSet is in partition-id order, which keeps the controller deterministic.
 */
final class PartitionIndex {

    private BitSet[] inIsrOf = new BitSet[0];
    private BitSet[] ledBy = new BitSet[0];
    private final BitSet leaderless = new BitSet();
    private final BitSet imbalanced = new BitSet();

    void update(PartitionRegistration old, PartitionRegistration next) {
        int id = next.id();
        if (old != null) {
            for (int broker : old.isr()) {
                forBroker(true, broker).clear(id);
            }
            if (old.hasLeader()) {
                forBroker(false, old.leader()).clear(id);
            }
        }
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
