package leaderlab.cluster.controller;

import java.util.BitSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;

/**
 * Clears ELR and LastKnownElr where they no longer mean anything, as Kafka 4.x does: they were computed
 * against a min.insync.replicas that changed, or the feature was turned off. A partition with an empty
 * ISR then has nobody to elect cleanly. Visits only partitions that have ELR fields.
 */
final class StaleElr {

    private final MetadataImage image;
    private final PartitionIndex index;
    private final BiConsumer<PartitionChangeBuilder.Change, Cause> write;
    private final boolean elrEnabled;

    StaleElr(
            MetadataImage image,
            PartitionIndex index,
            BiConsumer<PartitionChangeBuilder.Change, Cause> write,
            boolean elrEnabled) {
        this.image = image;
        this.index = index;
        this.write = write;
        this.elrEnabled = elrEnabled;
    }

    /** After a min.insync.replicas change for {@code topic}, or for the cluster default when it is null. */
    void clearAfterMinIsrChange(String topic, Cause cause) {
        if (elrEnabled) {
            clearWhere(
                    name -> topic == null
                            ? !image.configs().topicOverrides(name).containsKey(ConfigKey.MIN_INSYNC_REPLICAS.key())
                            : topic.equals(name),
                    cause);
        }
    }

    /** Turning ELR off clears every partition's ELR fields. */
    void clearAll(Cause cause) {
        clearWhere(name -> true, cause);
    }

    private void clearWhere(Predicate<String> topicAffected, Cause cause) {
        BitSet partitions = index.withElr();
        for (int id = partitions.nextSetBit(0); id >= 0; id = partitions.nextSetBit(id + 1)) {
            PartitionRegistration p = image.partition(id);
            if (topicAffected.test(p.topic())) {
                PartitionRegistration next = p.next(
                        p.replicas(),
                        p.isr(),
                        p.leader(),
                        p.leaderEpoch(),
                        p.partitionEpoch() + 1,
                        p.recovering(),
                        p.adding(),
                        p.removing(),
                        Replicas.NONE,
                        Replicas.NONE);
                write.accept(
                        new PartitionChangeBuilder.Change(
                                next, PartitionChangeBuilder.Election.ONLINE, () -> "", false),
                        cause);
            }
        }
    }
}
