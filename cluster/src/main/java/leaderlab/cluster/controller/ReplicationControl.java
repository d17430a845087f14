package leaderlab.cluster.controller;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminOperation.TopicPartitionRef;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.AdminResult.PartitionResult;
import leaderlab.cluster.protocol.ControllerApi.AlterPartitionRequest;
import leaderlab.cluster.protocol.ControllerApi.AlterPartitionResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.runtime.NodeContext;

/**
 * The controller's partition decisions (Kafka's ReplicationControlManager): leader and ISR changes on
 * broker state changes, AlterPartition, admin elections, reassignment, automatic leader rebalance and
 * the periodic unclean election check. Every decision is a record written through {@link #write}.
 */
final class ReplicationControl {

    /** Kafka's MAX_ELECTIONS_PER_IMBALANCE. */
    static final int MAX_ELECTIONS_PER_IMBALANCE = 1000;

    private final NodeContext context;
    private final MetadataImage image;
    private final MetadataLog log;
    private final PartitionIndex index = new PartitionIndex();
    private BrokerStates brokerStates;

    ReplicationControl(NodeContext context, MetadataImage image, MetadataLog log) {
        this.context = context;
        this.image = image;
        this.log = log;
    }

    PartitionIndex index() {
        return index;
    }

    /** Writes a new partition (creation); used by topic creation. */
    void writeNew(PartitionRegistration partition) {
        log.append(new MetadataRecord.Partition(partition));
        index.update(null, partition);
    }

    /** Writes a change and journals what it did and why. */
    void write(PartitionChangeBuilder.Change change, Cause cause) {
        PartitionRegistration next = change.registration();
        PartitionRegistration old = image.partition(next.id());
        log.append(new MetadataRecord.PartitionChange(next, !java.util.Arrays.equals(old.replicas(), next.replicas())));
        index.update(old, next);
        journalChange(old, next, change, cause);
    }

    private void journalChange(
            PartitionRegistration old, PartitionRegistration next, PartitionChangeBuilder.Change change, Cause cause) {
        TopicPartition partition = new TopicPartition(next.topic(), next.index());
        if (!java.util.Arrays.equals(old.replicas(), next.replicas())) {
            record(
                    partition,
                    new EventDetail.Reassignment(old.replicas(), next.replicas(), next.adding(), next.removing()),
                    cause);
        }
        if (old.leader() != next.leader()) {
            record(
                    partition,
                    new EventDetail.LeaderElected(
                            old.leader(),
                            next.leader(),
                            next.leaderEpoch(),
                            change.election().journalled(),
                            change.unclean(),
                            change.detail()),
                    cause);
        }
        if (!java.util.Arrays.equals(old.isr(), next.isr())) {
            record(partition, EventDetail.IsrChanged.of(old.isr(), next.isr(), change.unclean()), cause);
        }
        if (!java.util.Arrays.equals(old.elr(), next.elr())
                || !java.util.Arrays.equals(old.lastKnownElr(), next.lastKnownElr())) {
            record(
                    partition,
                    new EventDetail.ElrChanged(old.elr(), next.elr(), old.lastKnownElr(), next.lastKnownElr()),
                    cause);
        }
    }

    /** eligible.leader.replicas.version >= 1 (Kafka's isElrEnabled). */
    boolean elrEnabled() {
        return image.configs().getInt(ConfigKey.ELIGIBLE_LEADER_REPLICAS_VERSION, null) >= 1;
    }

    /** Kafka's getTopicEffectiveMinIsr: min.insync.replicas capped at the replication factor of partition 0. */
    private int effectiveMinIsr(String topic) {
        int configured = image.configs().getInt(ConfigKey.MIN_INSYNC_REPLICAS, topic);
        PartitionRegistration first = image.partition(topic, 0);
        return first == null ? configured : Math.min(configured, first.replicas().length);
    }

    private void record(TopicPartition partition, EventDetail detail, Cause cause) {
        context.journal().append(context.nowMs(), NodeId.CONTROLLER, partition, detail, cause.text(), cause.eventSeq());
    }

    /** Kafka's "acceptable": registered, unfenced and not in controlled shutdown. */
    private IntPredicate acceptable(int brokerToRemove, int brokerToAdd) {
        boolean[] active = brokerStates().active;
        return broker -> broker == brokerToAdd
                || (broker != brokerToRemove && broker >= 0 && broker < active.length && active[broker]);
    }

    /** Every election honours leadership priority: demoted brokers lead only as a last resort. */
    private PartitionChangeBuilder builder(PartitionRegistration partition, IntPredicate acceptable) {
        return new PartitionChangeBuilder(partition, acceptable)
                .demoted(brokerStates().isDemoted)
                .eligibleLeaderReplicas(elrEnabled(), effectiveMinIsr(partition.topic()));
    }

    /**
     * Each broker's state by id, for elections that ask it per partition (a fence asks 300,000 times).
     * Rebuilt only when the registrations change: the image replaces its broker map on every change.
     */
    private BrokerStates brokerStates() {
        if (brokerStates == null || brokerStates.of != image.brokers()) {
            brokerStates = new BrokerStates(image.brokers());
        }
        return brokerStates;
    }

    /**
     * Demotes (or restores) a broker's leadership priority. Demoting moves its leaderships away at once,
     * with ordinary elections that respect the ISR: a partition whose only in-sync replica is the
     * demoted broker keeps it as leader (availability over priority).
     */
    AdminResult demote(int broker, boolean demoted, Cause cause) {
        BrokerRegistration registration = image.broker(broker);
        if (registration == null) {
            return AdminResult.failed(Errors.INVALID_REQUEST, "broker " + broker + " is not registered");
        }
        if (registration.demoted() == demoted) {
            return AdminResult.ok(
                    "broker " + broker + " is already " + (demoted ? "demoted" : "at normal priority") + ".");
        }
        log.append(new MetadataRecord.BrokerDemotion(broker, demoted));
        long seq = context.journal()
                .append(
                        context.nowMs(),
                        NodeId.CONTROLLER,
                        null,
                        new EventDetail.BrokerDemoted(broker, demoted),
                        cause.text(),
                        -1);
        int moved = 0;
        if (demoted) {
            BitSet led = index.involving(broker);
            IntPredicate acceptable = acceptable(-1, -1);
            for (int id = led.nextSetBit(0); id >= 0; id = led.nextSetBit(id + 1)) {
                PartitionRegistration partition = image.partition(id);
                if (partition.leader() == broker) {
                    Optional<PartitionChangeBuilder.Change> change = builder(partition, acceptable)
                            .election(onlineOrUnclean(partition.topic()))
                            .build();
                    if (change.isPresent()) {
                        write(change.get(), new Cause("broker " + broker + " demoted", seq));
                        moved++;
                    }
                }
            }
        }
        return AdminResult.ok(
                demoted
                        ? "Demoted broker " + broker + "; moved " + moved + " leadership(s) away."
                        : "Broker " + broker
                                + " is back at normal leadership priority; a preferred election (or automatic "
                                + "rebalance) moves leadership back.");
    }

    private PartitionChangeBuilder.Election onlineOrUnclean(String topic) {
        return image.configs().getBoolean(ConfigKey.UNCLEAN_LEADER_ELECTION_ENABLE, topic)
                ? PartitionChangeBuilder.Election.UNCLEAN
                : PartitionChangeBuilder.Election.ONLINE;
    }

    /**
     * Kafka's generateLeaderAndIsrUpdates: for each partition, remove {@code brokerToRemove} from the
     * ISR (it is fenced, shutting down or gone) and re-elect where needed, treating
     * {@code brokerToAdd} as acceptable (it is being unfenced).
     */
    void generateLeaderAndIsrUpdates(int brokerToRemove, int brokerToAdd, BitSet partitions, Cause cause) {
        generateLeaderAndIsrUpdates(brokerToRemove, brokerToAdd, -1, partitions, cause);
    }

    /**
     * @param uncleanShutdown a broker that re-registered after an unclean shutdown: never acceptable, and
     *                        removed from ISR and ELR (Kafka's brokerWithUncleanShutdown), or -1
     */
    private void generateLeaderAndIsrUpdates(
            int brokerToRemove, int brokerToAdd, int uncleanShutdown, BitSet partitions, Cause cause) {
        IntPredicate alive = acceptable(brokerToRemove, brokerToAdd);
        IntPredicate acceptable =
                uncleanShutdown < 0 ? alive : broker -> broker != uncleanShutdown && alive.test(broker);
        for (int id = partitions.nextSetBit(0); id >= 0; id = partitions.nextSetBit(id + 1)) {
            PartitionRegistration partition = image.partition(id);
            PartitionChangeBuilder builder = builder(partition, acceptable)
                    .election(onlineOrUnclean(partition.topic()))
                    .uncleanShutdown(uncleanShutdown);
            if (brokerToRemove >= 0 || uncleanShutdown >= 0) {
                builder.targetIsr(Replicas.without(Replicas.without(partition.isr(), brokerToRemove), uncleanShutdown));
            }
            builder.build().ifPresent(change -> write(change, cause));
        }
    }

    void brokerRemoved(int broker, Cause cause) {
        generateLeaderAndIsrUpdates(broker, -1, index.involving(broker), cause);
    }

    void brokerUnfenced(int broker, Cause cause) {
        generateLeaderAndIsrUpdates(-1, broker, index.leaderless(), cause);
    }

    /**
     * Kafka's handleBrokerUncleanShutdown (4.x, with ELR on): a broker that comes back without a clean
     * shutdown may have lost unflushed records, so it leaves every ISR and ELR it was in.
     */
    void brokerUncleanlyShutDown(int broker, Cause cause) {
        if (elrEnabled()) {
            generateLeaderAndIsrUpdates(-1, -1, broker, index.involvingWithElr(broker), cause);
        }
    }

    /** Clears ELR fields that a config or feature change made stale. */
    StaleElr staleElr() {
        return new StaleElr(image, index, this::write, elrEnabled());
    }

    /** Validates and applies an ISR change requested by a partition leader (Kafka §2.4 order). */
    AlterPartitionResponse alterPartition(AlterPartitionRequest request) {
        PartitionRegistration partition = image.partition(request.partitionId());
        Errors error = AlterPartitionValidation.validate(request, partition, image);
        if (error.isError()) {
            return new AlterPartitionResponse(request.partitionId(), error, partition);
        }
        PartitionChangeBuilder builder = builder(partition, acceptable(-1, -1))
                .election(onlineOrUnclean(partition.topic()))
                .targetIsr(request.newIsr());
        if (!request.recovering()) {
            builder.recovered();
        }
        Optional<PartitionChangeBuilder.Change> change = builder.build();
        change.ifPresent(
                c -> write(c, Cause.of("requested by leader " + request.brokerId() + ": " + request.reason())));
        PartitionRegistration result = image.partition(request.partitionId());
        Errors outcome = result.leader() != request.brokerId() ? Errors.NEW_LEADER_ELECTED : Errors.NONE;
        return new AlterPartitionResponse(request.partitionId(), outcome, result);
    }

    /** Admin ElectLeaders, with Kafka's per-partition results (KIP-460). */
    AdminResult electLeaders(AdminOperation.ElectLeaders operation, Cause cause) {
        boolean all = operation.partitions() == null;
        List<TopicPartitionRef> targets = all ? allPartitions() : operation.partitions();
        boolean preferred = operation.type() == AdminOperation.ElectionType.PREFERRED;
        List<PartitionResult> results = new ArrayList<>();
        for (TopicPartitionRef ref : targets) {
            PartitionResult result = electLeader(ref, preferred, cause);
            if (!(all && result.error() == Errors.ELECTION_NOT_NEEDED)) {
                results.add(result);
            }
        }
        return new AdminResult(Errors.NONE, "", results);
    }

    private PartitionResult electLeader(TopicPartitionRef ref, boolean preferred, Cause cause) {
        TopicInfo topic = image.topic(ref.topic());
        if (topic == null) {
            return new PartitionResult(ref, Errors.UNKNOWN_TOPIC_OR_PARTITION, "No such topic as " + ref.topic());
        }
        if (ref.partition() < 0 || ref.partition() >= topic.partitionCount()) {
            return new PartitionResult(ref, Errors.UNKNOWN_TOPIC_OR_PARTITION, "No such partition as " + ref);
        }
        PartitionRegistration partition = image.partition(topic.partitionId(ref.partition()));
        if (preferred ? partition.hasPreferredLeader() : partition.hasLeader()) {
            return new PartitionResult(ref, Errors.ELECTION_NOT_NEEDED, "");
        }
        Optional<PartitionChangeBuilder.Change> change = builder(partition, acceptable(-1, -1))
                .election(
                        preferred ? PartitionChangeBuilder.Election.PREFERRED : PartitionChangeBuilder.Election.UNCLEAN)
                .build();
        if (change.isEmpty()) {
            Errors error = preferred ? Errors.PREFERRED_LEADER_NOT_AVAILABLE : Errors.ELIGIBLE_LEADERS_NOT_AVAILABLE;
            return new PartitionResult(ref, error, "");
        }
        write(change.get(), cause);
        return new PartitionResult(ref, Errors.NONE, "");
    }

    private List<TopicPartitionRef> allPartitions() {
        List<TopicPartitionRef> out = new ArrayList<>();
        for (TopicInfo topic : image.topics().values()) {
            for (int p = 0; p < topic.partitionCount(); p++) {
                out.add(new TopicPartitionRef(topic.name(), p));
            }
        }
        return out;
    }

    /** Starts (or replaces) a reassignment (Kafka §1.4, KIP-455). */
    AdminResult alterReassignment(AdminOperation.AlterReassignment operation, Cause cause) {
        TopicPartitionRef ref = operation.partition();
        PartitionRegistration partition = image.partition(ref.topic(), ref.partition());
        if (partition == null) {
            return AdminResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, "No such partition as " + ref);
        }
        int[] target = operation.targetReplicas();
        String problem = TopicCreation.assignmentProblem(target, image);
        if (problem != null) {
            return AdminResult.failed(Errors.INVALID_REPLICA_ASSIGNMENT, problem);
        }
        // Replacing an ongoing reassignment first reverts it (Kafka's PartitionReassignmentRevert):
        // replicas and ISR lose the replicas it was adding. If that empties the ISR, the first remaining
        // replica would have to lead uncleanly, which is refused unless unclean election is enabled.
        int[] current = Replicas.withoutAll(partition.replicas(), partition.adding());
        int[] isr = Replicas.withoutAll(partition.isr(), partition.adding());
        if (isr.length == 0) {
            if (onlineOrUnclean(partition.topic()) != PartitionChangeBuilder.Election.UNCLEAN) {
                return AdminResult.failed(
                        Errors.INVALID_REPLICA_ASSIGNMENT,
                        "Unable to revert partition assignment for " + ref
                                + " because it would require an unclean leader election.");
            }
            isr = new int[] {current[0]};
        }
        int[] removing = java.util.Arrays.stream(Replicas.withoutAll(current, target))
                .sorted()
                .toArray();
        int[] adding = java.util.Arrays.stream(Replicas.withoutAll(target, current))
                .sorted()
                .toArray();
        int[] replicas = java.util.stream.IntStream.concat(
                        java.util.Arrays.stream(target), java.util.Arrays.stream(removing))
                .toArray();
        builder(partition, acceptable(-1, -1))
                .election(onlineOrUnclean(partition.topic()))
                .targetIsr(isr)
                .targetAssignment(replicas, adding, removing)
                .build()
                .ifPresent(change -> write(change, cause));
        PartitionRegistration after = image.partition(partition.id());
        return AdminResult.ok(
                after.isReassigning()
                        ? "Successfully started partition reassignment for " + ref
                        : "Reassignment of partition " + ref + " is completed.");
    }

    /** Automatic leader rebalance (KRaft): PREFERRED elections for imbalanced partitions; returns records written. */
    int balancePartitionLeaders(Cause cause) {
        BitSet imbalanced = index.imbalanced();
        IntPredicate acceptable = acceptable(-1, -1);
        int written = 0;
        for (int id = imbalanced.nextSetBit(0);
                id >= 0 && written < MAX_ELECTIONS_PER_IMBALANCE;
                id = imbalanced.nextSetBit(id + 1)) {
            Optional<PartitionChangeBuilder.Change> change = builder(image.partition(id), acceptable)
                    .election(PartitionChangeBuilder.Election.PREFERRED)
                    .build();
            if (change.isPresent()) {
                write(change.get(), cause);
                written++;
            }
        }
        return written;
    }

    /** The periodic check: UNCLEAN elections for leaderless partitions of topics with unclean enabled. */
    void electUncleanLeaders(Cause cause) {
        BitSet leaderless = index.leaderless();
        IntPredicate acceptable = acceptable(-1, -1);
        for (int id = leaderless.nextSetBit(0); id >= 0; id = leaderless.nextSetBit(id + 1)) {
            PartitionRegistration partition = image.partition(id);
            if (onlineOrUnclean(partition.topic()) == PartitionChangeBuilder.Election.UNCLEAN) {
                builder(partition, acceptable)
                        .election(PartitionChangeBuilder.Election.UNCLEAN)
                        .build()
                        .ifPresent(change -> write(change, cause));
            }
        }
    }
}
