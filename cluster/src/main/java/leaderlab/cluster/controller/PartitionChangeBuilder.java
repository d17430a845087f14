package leaderlab.cluster.controller;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;

/**
 * Computes one partition change, following Kafka's KRaft {@code PartitionChangeBuilder} with
 * eligible leader replicas (KIP-966) disabled, as in Kafka 4.0's default:
 * <ul>
 *   <li>ONLINE / UNCLEAN: keep the current leader if it is still valid; else the first valid replica in
 *       assignment order; UNCLEAN only: else the first acceptable replica (ISR ignored).</li>
 *   <li>PREFERRED: replicas[0] if valid; else keep the current leader if valid; else the first valid of
 *       replicas[1..].</li>
 * </ul>
 * "Valid" means in the target ISR and acceptable (registered, unfenced, not shutting down). An unclean
 * election sets the ISR to the new leader alone and marks the partition RECOVERING. The ISR is never
 * written empty: without ELR the last member stays even when it cannot lead.
 */
final class PartitionChangeBuilder {

    enum Election {
        PREFERRED, ONLINE, UNCLEAN;

        /** The same kind, as the journal records it. */
        EventDetail.Election journalled() {
            return switch (this) {
                case PREFERRED -> EventDetail.Election.PREFERRED;
                case ONLINE -> EventDetail.Election.ONLINE;
                case UNCLEAN -> EventDetail.Election.UNCLEAN;
            };
        }
    }

    /**
     * A new registration and, when the leader changed, the election that chose it and the rule it
     * chose by. The rule is written out only when read: a fence at a million partitions makes a
     * hundred thousand elections at once.
     */
    record Change(PartitionRegistration registration, Election election, Supplier<String> detail, boolean unclean) {
    }

    /** An election's outcome; {@code rule} explains it from values fixed when it was chosen. */
    private record Candidate(int broker, boolean unclean, Supplier<String> rule) {
    }

    private final PartitionRegistration partition;
    private final IntPredicate acceptable;
    private IntPredicate demoted = broker -> false;
    private Election election = Election.ONLINE;
    private int[] targetIsr;
    private int[] targetReplicas;
    private int[] targetAdding;
    private int[] targetRemoving;
    private boolean targetRecovering;

    PartitionChangeBuilder(PartitionRegistration partition, IntPredicate acceptable) {
        this.partition = partition;
        this.acceptable = acceptable;
        this.targetIsr = partition.isr();
        this.targetReplicas = partition.replicas();
        this.targetAdding = partition.adding();
        this.targetRemoving = partition.removing();
        this.targetRecovering = partition.recovering();
    }

    /**
     * Leadership priority (leaderlab's demotion, after Confluent's "leadership priority" and KIP-491):
     * a demoted broker leads only when no valid broker that is not demoted exists.
     */
    PartitionChangeBuilder demoted(IntPredicate isDemoted) {
        this.demoted = isDemoted;
        return this;
    }

    PartitionChangeBuilder election(Election type) {
        this.election = type;
        return this;
    }

    PartitionChangeBuilder targetIsr(int[] isr) {
        this.targetIsr = isr;
        return this;
    }

    PartitionChangeBuilder targetAssignment(int[] replicas, int[] adding, int[] removing) {
        this.targetReplicas = replicas;
        this.targetAdding = adding;
        this.targetRemoving = removing;
        return this;
    }

    /** The leader reported that it has recovered after an unclean election. */
    PartitionChangeBuilder recovered() {
        this.targetRecovering = false;
        return this;
    }

    Optional<Change> build() {
        completeReassignmentIfNeeded();
        Candidate candidate = election == Election.PREFERRED ? electPreferredLeader() : electAnyLeader();
        int leader = partition.leader();
        boolean writeLeader = false;
        Supplier<String> detail = () -> "";
        if (candidate.unclean() && !Replicas.contains(targetIsr, candidate.broker())) {
            // An unclean leader becomes the whole ISR. Kafka does this only when the leader changes; when
            // an unclean choice keeps the current leader (e.g. replacing a reassignment whose revert
            // empties the ISR) Kafka would write a target ISR without the leader. leaderlab keeps the
            // leader in its ISR instead (found by `leaderlab chaos --unsafe`, seed 555).
            targetIsr = new int[] {candidate.broker()};
            targetRecovering = true;
        }
        if (candidate.broker() != partition.leader()) {
            leader = candidate.broker();
            writeLeader = true;
            detail = candidate.rule();
        }
        // Removing a replica from the assignment must fence it: force a leader epoch bump.
        if (!Replicas.containsAll(targetReplicas, partition.replicas())) {
            writeLeader = true;
        }
        int[] isr = targetIsr.length > 0 ? targetIsr : partition.isr();
        boolean changed = writeLeader
                || !Arrays.equals(isr, partition.isr())
                || !Arrays.equals(targetReplicas, partition.replicas())
                || !Arrays.equals(targetAdding, partition.adding())
                || !Arrays.equals(targetRemoving, partition.removing())
                || targetRecovering != partition.recovering();
        if (!changed) {
            return Optional.empty();
        }
        PartitionRegistration next = partition.next(targetReplicas, isr, leader,
                partition.leaderEpoch() + (writeLeader ? 1 : 0), partition.partitionEpoch() + 1,
                targetRecovering, targetAdding, targetRemoving);
        return Optional.of(new Change(next, election, detail, candidate.unclean() && writeLeader));
    }

    /** A reassignment completes once every target replica is in the ISR (Kafka §1.4). */
    private void completeReassignmentIfNeeded() {
        if (targetAdding.length == 0 && targetRemoving.length == 0) {
            return;
        }
        int[] newIsr = Replicas.withoutAll(targetIsr, targetRemoving);
        int[] newReplicas = Replicas.withoutAll(targetReplicas, targetRemoving);
        if (newIsr.length == 0 || newReplicas.length == 0 || !Replicas.containsAll(newIsr, newReplicas)) {
            return;
        }
        targetIsr = newIsr;
        targetReplicas = newReplicas;
        targetAdding = Replicas.NONE;
        targetRemoving = Replicas.NONE;
    }

    private boolean isValidLeader(int broker) {
        return broker != PartitionRegistration.NO_LEADER && Replicas.contains(targetIsr, broker)
                && acceptable.test(broker);
    }

    /** Valid and not demoted: the candidates every election tries first. */
    private boolean isPreferable(int broker) {
        return isValidLeader(broker) && !demoted.test(broker);
    }

    private Candidate electPreferredLeader() {
        int[] assignment = targetReplicas;
        int preferred = targetReplicas.length == 0 ? PartitionRegistration.NO_LEADER : targetReplicas[0];
        if (isPreferable(preferred)) {
            return new Candidate(preferred, false, () -> "broker " + preferred + " is the preferred replica (first in "
                    + Replicas.bracketed(assignment) + ") and is in the ISR");
        }
        if (isPreferable(partition.leader())) {
            return new Candidate(partition.leader(), false, () -> "current leader kept");
        }
        for (int i = 1; i < targetReplicas.length; i++) {
            int replica = targetReplicas[i];
            if (isPreferable(replica)) {
                String why = demoted.test(preferred) ? "demoted" : "not eligible";
                return new Candidate(replica, false, () -> "preferred replica " + preferred + " is " + why
                        + "; broker " + replica + " is the next in-sync replica in " + Replicas.bracketed(assignment));
            }
        }
        return demotedFallback();
    }

    private Candidate electAnyLeader() {
        if (isPreferable(partition.leader())) {
            return new Candidate(partition.leader(), false, () -> "current leader kept");
        }
        int[] assignment = targetReplicas;
        for (int replica : targetReplicas) {
            if (isPreferable(replica)) {
                int[] isr = targetIsr;
                int leader = partition.leader();
                boolean leaderDemoted = demoted.test(leader);
                return new Candidate(replica, false, () -> "broker " + replica
                        + " is the first replica in assignment order " + Replicas.bracketed(assignment)
                        + " that is in the ISR " + Replicas.bracketed(isr) + " and alive"
                        + (leaderDemoted ? " (leader " + leader + " is demoted)" : ""));
            }
        }
        Candidate fallback = demotedFallback();
        if (fallback.broker() != PartitionRegistration.NO_LEADER || election != Election.UNCLEAN) {
            return fallback;
        }
        for (boolean allowDemoted : new boolean[] {false, true}) {
            for (int replica : targetReplicas) {
                if (acceptable.test(replica) && (allowDemoted || !demoted.test(replica))) {
                    return new Candidate(replica, true, () -> "no in-sync replica is alive (ISR "
                            + Replicas.bracketed(partition.isr()) + "), so broker " + replica
                            + ", the first alive replica in " + Replicas.bracketed(assignment)
                            + ", becomes leader although it may lack acknowledged records");
                }
            }
        }
        return noLeader();
    }

    /** Only demoted brokers are valid: availability over priority, the current leader first. */
    private Candidate demotedFallback() {
        if (isValidLeader(partition.leader())) {
            return new Candidate(partition.leader(), false, () -> "current leader kept although demoted: no other "
                    + "in-sync replica is alive");
        }
        int[] assignment = targetReplicas;
        for (int replica : targetReplicas) {
            if (isValidLeader(replica)) {
                return new Candidate(replica, false, () -> "broker " + replica + " is demoted but the only in-sync "
                        + "replica alive in " + Replicas.bracketed(assignment));
            }
        }
        return noLeader();
    }

    private Candidate noLeader() {
        int[] assignment = targetReplicas;
        String unclean = election == Election.UNCLEAN ? " and none is alive at all" : "";
        return new Candidate(PartitionRegistration.NO_LEADER, false, () -> "no replica of "
                + Replicas.bracketed(assignment) + " is both alive and in the ISR " + Replicas.bracketed(partition.isr()) + unclean
                + ", so the partition is offline");
    }
}
