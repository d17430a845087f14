package leaderlab.cluster.controller;

import java.util.Arrays;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.protocol.ControllerApi.AlterPartitionRequest;
import leaderlab.cluster.protocol.Errors;

/**
 * The controller's checks of an AlterPartition request, in Kafka's order (reference §2.4): the first
 * check that fails decides the error the leader gets back, so the order is part of the protocol.
 */
final class AlterPartitionValidation {

    private AlterPartitionValidation() {}

    static Errors validate(AlterPartitionRequest request, PartitionRegistration partition, MetadataImage image) {
        if (partition == null) {
            return Errors.UNKNOWN_TOPIC_OR_PARTITION;
        }
        BrokerRegistration requester = image.broker(request.brokerId());
        if (requester == null || requester.epoch() != request.brokerEpoch()) {
            return Errors.STALE_BROKER_EPOCH;
        }
        if (request.leaderEpoch() > partition.leaderEpoch() || request.partitionEpoch() > partition.partitionEpoch()) {
            return Errors.NOT_CONTROLLER;
        }
        if (request.leaderEpoch() < partition.leaderEpoch()) {
            return Errors.FENCED_LEADER_EPOCH;
        }
        if (request.brokerId() != partition.leader()) {
            return Errors.INVALID_REQUEST;
        }
        if (request.partitionEpoch() < partition.partitionEpoch()) {
            return Errors.INVALID_UPDATE_VERSION;
        }
        int[] isr = request.newIsr();
        if (isr.length == 0
                || Arrays.stream(isr).distinct().count() != isr.length
                || !Replicas.containsAll(partition.replicas(), isr)
                || !Replicas.contains(isr, partition.leader())) {
            return Errors.INVALID_REQUEST;
        }
        if ((request.recovering() && isr.length > 1) || (request.recovering() && !partition.recovering())) {
            return Errors.INVALID_REQUEST;
        }
        for (int member : isr) {
            BrokerRegistration registration = image.broker(member);
            if (registration == null || !registration.active()) {
                return Errors.INELIGIBLE_REPLICA;
            }
        }
        return Errors.NONE;
    }
}
