package leaderlab.cluster.metadata;

import leaderlab.cluster.config.ConfigKey;

/**
 * One entry of the metadata log. The controller decides by appending records; every node (the
 * controller included) changes its metadata only by replaying them, in log order. Partition records
 * carry the partition's whole new registration, an immutable value, rather than a delta.
 */
public sealed interface MetadataRecord {

    record RegisterBroker(BrokerRegistration registration) implements MetadataRecord {}

    record BrokerStateChange(int brokerId, BrokerRegistration.State state) implements MetadataRecord {}

    /** The operator demoted (or restored) a broker's leadership priority. */
    record BrokerDemotion(int brokerId, boolean demoted) implements MetadataRecord {}

    record Topic(TopicInfo topic) implements MetadataRecord {}

    record Partition(PartitionRegistration registration) implements MetadataRecord {}

    /**
     * A change to an existing partition (how a new leader was chosen is in the controller's journal).
     *
     * @param replicasChanged the replica set differs from the previous version's (Kafka's
     *                        PartitionChangeRecord likewise carries replicas only when they change)
     */
    record PartitionChange(PartitionRegistration registration, boolean replicasChanged) implements MetadataRecord {}

    /** A dynamic config change: cluster-wide when {@code topic} is null. */
    record Config(ConfigKey key, Object value, String topic) implements MetadataRecord {}

    /**
     * The control record a new quorum leader writes first in its epoch (Kafka's LeaderChangeMessage).
     * It changes no metadata; the high watermark waits for it to reach a majority.
     */
    record LeaderChange(int leaderId, int epoch, int[] voters) implements MetadataRecord {}
}
