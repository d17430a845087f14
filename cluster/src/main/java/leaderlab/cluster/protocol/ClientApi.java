package leaderlab.cluster.protocol;

import java.util.List;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;

/** Messages between clients (producer, consumer) and brokers. */
public final class ClientApi {

    private ClientApi() {}

    /** Which broker leads each partition of a topic, as the answering broker believes. */
    public record MetadataRequest(long requestId, String topic) implements ToBroker {}

    public record MetadataResponse(
            long requestId, int fromBroker, Errors error, TopicInfo topic, List<PartitionRegistration> partitions)
            implements ToClient {}

    /**
     * @param acks         0, 1 or -1 (all)
     * @param producerId   the idempotent producer's id, or -1 without enable.idempotence
     * @param baseSequence the sequence number of the first record (Kafka's batch baseSequence), or -1
     */
    public record ProduceRequest(
            long requestId,
            int partitionId,
            int acks,
            long[] recordIds,
            long timeoutMs,
            int producerId,
            int baseSequence)
            implements ToBroker {}

    /** @param duplicate the leader already held the batch (same producer id and sequence) and did not append it */
    public record ProduceResponse(
            long requestId, int partitionId, Errors error, long baseOffset, String message, boolean duplicate)
            implements ToClient {}

    public record ConsumerFetchRequest(long requestId, int partitionId, long offset, int maxRecords)
            implements ToBroker {}

    public record ConsumerFetchResponse(
            long requestId, int partitionId, Errors error, long highWatermark, LogSlice records) implements ToClient {}
}
