package leaderlab.cluster.metadata;

import java.util.Arrays;

/**
 * The controller's record of one partition, immutable (Kafka's PartitionRegistration, with the eligible
 * leader replicas and LastKnownElr of KIP-966).
 * Every applied change yields a new instance with partitionEpoch + 1; the leader epoch moves only when
 * the leader field is written.
 */
public final class PartitionRegistration {

    public static final int NO_LEADER = -1;

    private final int id;
    private final String topic;
    private final int index;
    private final int[] replicas;
    private final int[] isr;
    private final int leader;
    private final int leaderEpoch;
    private final int partitionEpoch;
    private final boolean recovering;
    private final int[] adding;
    private final int[] removing;
    private final int[] elr;
    private final int[] lastKnownElr;
    /** "topic-index", made once per partition and shared by every later version of it. */
    private final String name;
    /**
     * Bit b set when broker b (below 64) is a replica. Every broker asks "am I a replica?" of every
     * partition record it replays; the answer then costs no trip to the replica array.
     */
    private final long replicaBits;

    /**
     * @param id          global partition id
     * @param replicas    assignment, in order; replicas[0] is the preferred leader
     * @param isr         in-sync replicas
     * @param leader      broker id, or -1 when the partition has no leader
     * @param recovering  leader recovery state RECOVERING after an unclean election (KIP-704)
     * @param adding      replicas being added by an ongoing reassignment
     * @param removing    replicas being removed by an ongoing reassignment
     */
    public PartitionRegistration(
            int id,
            String topic,
            int index,
            int[] replicas,
            int[] isr,
            int leader,
            int leaderEpoch,
            int partitionEpoch,
            boolean recovering,
            int[] adding,
            int[] removing) {
        this(
                id,
                topic,
                index,
                replicas,
                isr,
                leader,
                leaderEpoch,
                partitionEpoch,
                recovering,
                adding,
                removing,
                Replicas.NONE,
                Replicas.NONE,
                topic + "-" + index);
    }

    /**
     * @param elr          eligible leader replicas: left the ISR while it was below min ISR, still hold
     *                     every committed record (KIP-966)
     * @param lastKnownElr the leader when the ISR became empty, a last resort (Kafka's last-known-leader mode)
     */
    public PartitionRegistration(
            int id,
            String topic,
            int index,
            int[] replicas,
            int[] isr,
            int leader,
            int leaderEpoch,
            int partitionEpoch,
            boolean recovering,
            int[] adding,
            int[] removing,
            int[] elr,
            int[] lastKnownElr) {
        this(
                id,
                topic,
                index,
                replicas,
                isr,
                leader,
                leaderEpoch,
                partitionEpoch,
                recovering,
                adding,
                removing,
                elr,
                lastKnownElr,
                topic + "-" + index);
    }

    private PartitionRegistration(
            int id,
            String topic,
            int index,
            int[] replicas,
            int[] isr,
            int leader,
            int leaderEpoch,
            int partitionEpoch,
            boolean recovering,
            int[] adding,
            int[] removing,
            int[] elr,
            int[] lastKnownElr,
            String name) {
        this.name = name;
        this.id = id;
        this.topic = topic;
        this.index = index;
        this.replicas = replicas;
        this.isr = isr;
        this.leader = leader;
        this.leaderEpoch = leaderEpoch;
        this.partitionEpoch = partitionEpoch;
        this.recovering = recovering;
        this.adding = adding;
        this.removing = removing;
        this.elr = elr;
        this.lastKnownElr = lastKnownElr;
        long bits = 0;
        for (int replica : replicas) {
            bits |= replica >= 0 && replica < Long.SIZE ? 1L << replica : 0;
        }
        this.replicaBits = bits;
    }

    public static PartitionRegistration created(int id, String topic, int index, int[] replicas, int[] isr) {
        return new PartitionRegistration(
                id, topic, index, replicas, isr, isr[0], 0, 0, false, Replicas.NONE, Replicas.NONE);
    }

    public int id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public int index() {
        return index;
    }

    public int[] replicas() {
        return replicas;
    }

    public int[] isr() {
        return isr;
    }

    public int leader() {
        return leader;
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    public int partitionEpoch() {
        return partitionEpoch;
    }

    public boolean recovering() {
        return recovering;
    }

    public int[] adding() {
        return adding;
    }

    public int[] removing() {
        return removing;
    }

    /** Eligible leader replicas (KIP-966), ascending. */
    public int[] elr() {
        return elr;
    }

    public int[] lastKnownElr() {
        return lastKnownElr;
    }

    /** True if {@code broker} is one of the replicas (adding ones included). */
    public boolean hasReplica(int broker) {
        return broker >= 0 && broker < Long.SIZE
                ? (replicaBits & 1L << broker) != 0
                : Replicas.contains(replicas, broker);
    }

    /** The next version of this partition: same id and name, the given state. */
    public PartitionRegistration next(
            int[] replicas,
            int[] isr,
            int leader,
            int leaderEpoch,
            int partitionEpoch,
            boolean recovering,
            int[] adding,
            int[] removing,
            int[] elr,
            int[] lastKnownElr) {
        return new PartitionRegistration(
                id,
                topic,
                index,
                replicas,
                isr,
                leader,
                leaderEpoch,
                partitionEpoch,
                recovering,
                adding,
                removing,
                elr,
                lastKnownElr,
                name);
    }

    public String name() {
        return name;
    }

    public boolean hasLeader() {
        return leader != NO_LEADER;
    }

    public int preferredReplica() {
        return replicas.length == 0 ? NO_LEADER : replicas[0];
    }

    public boolean hasPreferredLeader() {
        return hasLeader() && leader == preferredReplica();
    }

    public boolean isReassigning() {
        return adding.length > 0 || removing.length > 0;
    }

    /** Replication factor as kafka-topics reports it during a reassignment: replicas minus adding. */
    public int replicationFactor() {
        return replicas.length - adding.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionRegistration p
                && id == p.id
                && leader == p.leader
                && leaderEpoch == p.leaderEpoch
                && partitionEpoch == p.partitionEpoch
                && recovering == p.recovering
                && Arrays.equals(replicas, p.replicas)
                && Arrays.equals(isr, p.isr)
                && Arrays.equals(adding, p.adding)
                && Arrays.equals(removing, p.removing)
                && Arrays.equals(elr, p.elr)
                && Arrays.equals(lastKnownElr, p.lastKnownElr);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(id) * 31 + partitionEpoch;
    }

    @Override
    public String toString() {
        return name() + "{leader=" + leader + ", leaderEpoch=" + leaderEpoch + ", partitionEpoch="
                + partitionEpoch + ", replicas=" + Replicas.bracketed(replicas) + ", isr="
                + Replicas.bracketed(isr) + (elr.length > 0 ? ", elr=" + Replicas.bracketed(elr) : "")
                + (lastKnownElr.length > 0 ? ", lastKnownElr=" + Replicas.bracketed(lastKnownElr) : "")
                + (recovering ? ", RECOVERING" : "") + "}";
    }
}
