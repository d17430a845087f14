package leaderlab.cluster.controller;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;

/**
 * Computes one partition change, following Kafka's KRaft {@code PartitionChangeBuilder}:
 * <ul>
 *   <li>ONLINE / UNCLEAN: keep the current leader if it is still valid; else the first valid replica in
 *       assignment order; UNCLEAN only: else the first acceptable replica (ISR ignored).</li>
 *   <li>PREFERRED: replicas[0] if valid; else keep the current leader if valid; else the first valid of
 *       replicas[1..].</li>
 * </ul>
 * "Valid" means in the target ISR (or, when that is empty, in the target ELR) and acceptable
 * (registered, unfenced, not shutting down). An unclean election sets the ISR to the new leader alone and
 * marks the partition RECOVERING.
 * <p>
 * With eligible leader replicas (KIP-966, {@link #eligibleLeaderReplicas}): while the target ISR is
 * below the effective min ISR, the replicas that leave it become ELR (minus any that shut down
 * uncleanly), so the ISR may become empty; an ELR member is elected only when the ISR is empty, cleanly,
 * and becomes the ISR; when the ISR first empties, LastKnownElr remembers the leader, who may lead again
 * (uncleanly) once nothing else is left. Without ELR the ISR is never written empty: the last member
 * stays even when it cannot lead.
 */
final class PartitionChangeBuilder {

    enum Election {
        PREFERRED,
        ONLINE,
        UNCLEAN;

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
    record Change(PartitionRegistration registration, Election election, Supplier<String> detail, boolean unclean) {}

    /** An election's outcome; {@code rule} explains it from values fixed when it was chosen. */
    private record Candidate(int broker, boolean unclean, Supplier<String> rule) {}

    private final PartitionRegistration partition;
    private final IntPredicate acceptable;
    private IntPredicate demoted = broker -> false;
    private Election election = Election.ONLINE;
    private int[] targetIsr;
    private int[] targetReplicas;
    private int[] targetAdding;
    private int[] targetRemoving;
    private boolean targetRecovering;
    private boolean elrEnabled;
    private int minIsr = 1;
    private int uncleanShutdownReplica = PartitionRegistration.NO_LEADER;
    private int[] targetElr;

    PartitionChangeBuilder(PartitionRegistration partition, IntPredicate acceptable) {
        this.partition = partition;
        this.acceptable = acceptable;
        this.targetIsr = partition.isr();
        this.targetReplicas = partition.replicas();
        this.targetAdding = partition.adding();
        this.targetRemoving = partition.removing();
        this.targetRecovering = partition.recovering();
        this.targetElr = partition.elr();
    }

    /**
     * Turns on eligible leader replicas (eligible.leader.replicas.version=1).
     *
     * @param effectiveMinIsr min(min.insync.replicas, replication factor), as Kafka's getTopicEffectiveMinIsr
     */
    PartitionChangeBuilder eligibleLeaderReplicas(boolean enabled, int effectiveMinIsr) {
        this.elrEnabled = enabled;
        this.minIsr = effectiveMinIsr;
        return this;
    }

    /** A broker that re-registered after an unclean shutdown: it may keep no place in the ELR. */
    PartitionChangeBuilder uncleanShutdown(int broker) {
        this.uncleanShutdownReplica = broker;
        return this;
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
        populateTargetElr();
        Candidate candidate = election == Election.PREFERRED ? electPreferredLeader() : electAnyLeader();
        int leader = partition.leader();
        boolean writeLeader = false;
        boolean uncleanIsr = false;
        Supplier<String> detail = () -> "";
        boolean fromElr = candidate.broker() != partition.leader() && Replicas.contains(targetElr, candidate.broker());
        if (fromElr) {
            // An election from the ELR: the new leader is the whole ISR, and leaves the ELR.
            targetIsr = new int[] {candidate.broker()};
            targetElr = Replicas.without(targetElr, candidate.broker());
        }
        if (candidate.unclean() && (fromElr || !Replicas.contains(targetIsr, candidate.broker()))) {
            // An unclean leader becomes the whole ISR. Kafka does this only when the leader changes; when
            // an unclean choice keeps the current leader (e.g. replacing a reassignment whose revert
            // empties the ISR) Kafka would write a target ISR without the leader. leaderlab keeps the
            // leader in its ISR instead (found by `leaderlab chaos --unsafe`, seed 555).
            targetIsr = new int[] {candidate.broker()};
            targetRecovering = true;
            uncleanIsr = true;
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
        if (uncleanIsr || !elrEnabled) {
            targetElr = Replicas.NONE;
        }
        int[] isr = targetIsr.length > 0 || elrEnabled ? targetIsr : partition.isr();
        int[] lastKnownElr = lastKnownElr(isr, leader, writeLeader);
        boolean changed = writeLeader
                || !Arrays.equals(isr, partition.isr())
                || !Arrays.equals(targetElr, partition.elr())
                || !Arrays.equals(lastKnownElr, partition.lastKnownElr())
                || !Arrays.equals(targetReplicas, partition.replicas())
                || !Arrays.equals(targetAdding, partition.adding())
                || !Arrays.equals(targetRemoving, partition.removing())
                || targetRecovering != partition.recovering();
        if (!changed) {
            return Optional.empty();
        }
        PartitionRegistration next = partition.next(
                targetReplicas,
                isr,
                leader,
                partition.leaderEpoch() + (writeLeader ? 1 : 0),
                partition.partitionEpoch() + 1,
                targetRecovering,
                targetAdding,
                targetRemoving,
                targetElr,
                lastKnownElr);
        return Optional.of(new Change(next, election, detail, candidate.unclean() && writeLeader));
    }

    /**
     * Kafka's maybePopulateTargetElr: below the effective min ISR, whoever was in the ISR or ELR and is not
     * in the target ISR is eligible, unless it shut down uncleanly; at or above it, the ELR is empty.
     * Kafka collects them in a hash set, which for broker ids lists them ascending.
     */
    private void populateTargetElr() {
        if (!elrEnabled) {
            return;
        }
        if (targetIsr.length >= minIsr) {
            targetElr = Replicas.NONE;
            return;
        }
        int[] isr = targetIsr;
        targetElr = IntStream.concat(Arrays.stream(targetElr), Arrays.stream(partition.isr()))
                .filter(replica -> !Replicas.contains(isr, replica) && replica != uncleanShutdownReplica)
                .distinct()
                .sorted()
                .toArray();
    }

    /**
     * Kafka's maybeUpdateLastKnownLeader (last-known-leader mode, the default): the first time the ISR is
     * written empty the current leader is remembered; once the partition has (or keeps) a leader it is
     * forgotten. Without ELR the field is left as it is.
     */
    private int[] lastKnownElr(int[] isr, int leader, boolean writeLeader) {
        int[] current = partition.lastKnownElr();
        if (!elrEnabled) {
            return current;
        }
        boolean isrEmptied = isr.length == 0 && !Arrays.equals(isr, partition.isr());
        boolean remembersLeader = current.length == 1 && current[0] == partition.leader();
        if (isrEmptied && !remembersLeader && partition.hasLeader()) {
            return new int[] {partition.leader()};
        }
        boolean hasLeader = writeLeader ? leader != PartitionRegistration.NO_LEADER : partition.hasLeader();
        return hasLeader ? Replicas.NONE : current;
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
        return broker != PartitionRegistration.NO_LEADER
                && (Replicas.contains(targetIsr, broker)
                        || (targetIsr.length == 0 && Replicas.contains(targetElr, broker)))
                && acceptable.test(broker);
    }

    /**
     * Kafka's canElectLastKnownLeader: with ELR on, an empty target ISR and ELR, and exactly one
     * remembered leader. Kafka before KAFKA-19522 only logged when that broker was not alive; leaderlab
     * requires it to be acceptable, as the fix does.
     */
    private Candidate lastKnownLeader() {
        int[] remembered = partition.lastKnownElr();
        if (!elrEnabled
                || targetElr.length > 0
                || targetIsr.length > 0
                || remembered.length != 1
                || !acceptable.test(remembered[0])) {
            return null;
        }
        int broker = remembered[0];
        return new Candidate(
                broker,
                true,
                () -> "the ISR and ELR are empty, so broker " + broker
                        + ", the last known leader (LastKnownElr " + Replicas.bracketed(remembered)
                        + "), leads again although it may lack acknowledged records");
    }

    /** Valid and not demoted: the candidates every election tries first. */
    private boolean isPreferable(int broker) {
        return isValidLeader(broker) && !demoted.test(broker);
    }

    private Candidate electPreferredLeader() {
        int[] assignment = targetReplicas;
        int preferred = targetReplicas.length == 0 ? PartitionRegistration.NO_LEADER : targetReplicas[0];
        if (isPreferable(preferred)) {
            return new Candidate(
                    preferred,
                    false,
                    () -> "broker " + preferred + " is the preferred replica (first in "
                            + Replicas.bracketed(assignment) + ") and is in the ISR");
        }
        if (isPreferable(partition.leader())) {
            return new Candidate(partition.leader(), false, () -> "current leader kept");
        }
        for (int i = 1; i < targetReplicas.length; i++) {
            int replica = targetReplicas[i];
            if (isPreferable(replica)) {
                String why = demoted.test(preferred) ? "demoted" : "not eligible";
                return new Candidate(
                        replica,
                        false,
                        () -> "preferred replica " + preferred + " is " + why + "; broker " + replica
                                + " is the next in-sync replica in " + Replicas.bracketed(assignment));
            }
        }
        Candidate fallback = demotedFallback();
        Candidate lastKnown = fallback.broker() == PartitionRegistration.NO_LEADER ? lastKnownLeader() : null;
        return lastKnown != null ? lastKnown : fallback;
    }

    private Candidate electAnyLeader() {
        if (isPreferable(partition.leader())) {
            return new Candidate(partition.leader(), false, () -> "current leader kept");
        }
        int[] assignment = targetReplicas;
        for (int replica : targetReplicas) {
            if (isPreferable(replica)) {
                int[] isr = targetIsr;
                int[] elr = targetElr;
                int leader = partition.leader();
                boolean leaderDemoted = demoted.test(leader);
                String set = isr.length == 0
                        ? "the ISR is empty, so the eligible leader replicas (ELR " + Replicas.bracketed(elr)
                                + ") count; it is in them"
                        : "in the ISR " + Replicas.bracketed(isr);
                return new Candidate(
                        replica,
                        false,
                        () -> "broker " + replica
                                + " is the first replica in assignment order " + Replicas.bracketed(assignment)
                                + " that is alive and " + set
                                + (leaderDemoted ? " (leader " + leader + " is demoted)" : ""));
            }
        }
        Candidate fallback = demotedFallback();
        Candidate lastKnown = fallback.broker() == PartitionRegistration.NO_LEADER ? lastKnownLeader() : null;
        if (lastKnown != null) {
            return lastKnown;
        }
        if (fallback.broker() != PartitionRegistration.NO_LEADER || election != Election.UNCLEAN) {
            return fallback;
        }
        for (boolean allowDemoted : new boolean[] {false, true}) {
            for (int replica : targetReplicas) {
                if (acceptable.test(replica) && (allowDemoted || !demoted.test(replica))) {
                    return new Candidate(
                            replica,
                            true,
                            () -> "no in-sync replica is alive (ISR "
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
            return new Candidate(
                    partition.leader(),
                    false,
                    () -> "current leader kept although demoted: no other " + "in-sync replica is alive");
        }
        int[] assignment = targetReplicas;
        for (int replica : targetReplicas) {
            if (isValidLeader(replica)) {
                return new Candidate(
                        replica,
                        false,
                        () -> "broker " + replica + " is demoted but the only in-sync " + "replica alive in "
                                + Replicas.bracketed(assignment));
            }
        }
        return noLeader();
    }

    private Candidate noLeader() {
        int[] assignment = targetReplicas;
        String unclean = election == Election.UNCLEAN ? " and none is alive at all" : "";
        int[] elr = targetElr;
        String eligible = elr.length > 0 ? " or the ELR " + Replicas.bracketed(elr) : "";
        return new Candidate(
                PartitionRegistration.NO_LEADER,
                false,
                () -> "no replica of "
                        + Replicas.bracketed(assignment) + " is both alive and in the ISR "
                        + Replicas.bracketed(partition.isr())
                        + eligible + unclean + ", so the partition is offline");
    }
}
