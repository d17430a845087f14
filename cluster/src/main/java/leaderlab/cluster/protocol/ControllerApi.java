package leaderlab.cluster.protocol;

import java.util.List;
import leaderlab.cluster.metadata.MetadataDelta;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.metadata.PartitionRegistration;

/** Messages between brokers and the controller (KRaft's broker-to-controller RPCs). */
public final class ControllerApi {

    private ControllerApi() {}

    /** @param previousBrokerEpoch the epoch saved at the last clean shutdown, or -1 (KAFKA-15586) */
    public record BrokerRegistrationRequest(int brokerId, long incarnation, String rack, long previousBrokerEpoch)
            implements ToController {}

    /**
     * @param incarnation the incarnation that asked. In Kafka the answer travels on the asking process's
     *                    connection, so a restarted broker never sees its predecessor's answer; here
     *                    messages go to an address, so the broker matches this instead.
     */
    public record BrokerRegistrationResponse(Errors error, long brokerEpoch, long incarnation) implements ToBroker {}

    public record BrokerHeartbeatRequest(
            int brokerId, long brokerEpoch, long metadataOffset, boolean wantFence, boolean wantShutDown)
            implements ToController {}

    public record BrokerHeartbeatResponse(
            Errors error, boolean isCaughtUp, boolean isFenced, boolean inControlledShutdown, boolean shouldShutDown)
            implements ToBroker {}

    /** A broker (observer) fetching the metadata log from {@code fetchOffset}. */
    public record MetadataFetchRequest(long fetchOffset) implements ToController {}

    /**
     * Records from {@code baseOffset}, with what replaying them yields, computed once by the controller
     * and shared by every broker that fetches the same range.
     */
    public record MetadataFetchResponse(long baseOffset, List<MetadataRecord> records, MetadataDelta delta)
            implements ToBroker {

        public static MetadataFetchResponse empty(long baseOffset) {
            return new MetadataFetchResponse(baseOffset, List.of(), MetadataDelta.NONE);
        }
    }

    /**
     * A leader asking to change a partition's ISR (KIP-497), with the epochs it believes current.
     *
     * @param reason why, in words, for the journal (Kafka does not send this)
     */
    public record AlterPartitionRequest(
            int brokerId,
            long brokerEpoch,
            int partitionId,
            int leaderEpoch,
            int partitionEpoch,
            int[] newIsr,
            boolean recovering,
            String reason)
            implements ToController {}

    public record AlterPartitionResponse(int partitionId, Errors error, PartitionRegistration registration)
            implements ToBroker {}

    /**
     * From a controller that is not the active one, to any broker request (Kafka's NOT_CONTROLLER with
     * a leader hint): ask {@code activeControllerId} instead, or another controller when it is -1.
     */
    public record NotControllerResponse(int activeControllerId) implements ToBroker {}

    /** An admin operation, sent to the controller directly (like Kafka's --bootstrap-controller). */
    public record AdminRequest(long requestId, AdminOperation operation) implements ToController {}

    /** @param activeControllerId the active controller as the answering one knows it, or -1 */
    public record AdminResponse(long requestId, AdminResult result, int activeControllerId) implements ToClient {}
}
