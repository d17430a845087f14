package leaderlab.cluster.broker;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.protocol.ClientApi.ConsumerFetchRequest;
import leaderlab.cluster.protocol.ClientApi.ConsumerFetchResponse;
import leaderlab.cluster.protocol.ClientApi.MetadataRequest;
import leaderlab.cluster.protocol.ClientApi.MetadataResponse;
import leaderlab.cluster.protocol.ClientApi.ProduceRequest;
import leaderlab.cluster.protocol.ClientApi.ProduceResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.LogSlice;
import leaderlab.cluster.runtime.Address;

/**
 * What a broker does for clients: metadata from its own (possibly stale) image, produce with acks
 * 0/1/all and min.insync.replicas (§2.6), and consumer reads up to the high watermark (§3.1).
 */
final class ClientRequests {

    private final ReplicaManager manager;

    ClientRequests(ReplicaManager manager) {
        this.manager = manager;
    }

    MetadataResponse metadata(MetadataRequest request, MetadataView image) {
        TopicInfo topic = image.topics().get(request.topic());
        if (topic == null) {
            return new MetadataResponse(
                    request.requestId(), manager.self, Errors.UNKNOWN_TOPIC_OR_PARTITION, null, List.of());
        }
        List<PartitionRegistration> partitions = new ArrayList<>(topic.partitionCount());
        for (int p = 0; p < topic.partitionCount(); p++) {
            PartitionRegistration partition = image.partitions().get(topic.partitionId(p));
            if (partition == null) {
                // This broker has replayed the topic but not yet all of its partitions.
                return new MetadataResponse(
                        request.requestId(), manager.self, Errors.LEADER_NOT_AVAILABLE, null, List.of());
            }
            partitions.add(partition);
        }
        return new MetadataResponse(request.requestId(), manager.self, Errors.NONE, topic, partitions);
    }

    /** Appends (on the disk, which may be slow) and answers as acks says. */
    void produce(Address client, ProduceRequest request) {
        manager.onDisk(() -> append(client, request));
    }

    private void append(Address client, ProduceRequest request) {
        Partition partition = manager.partitions.get(request.partitionId());
        if (partition == null || !partition.isLeader()) {
            reply(
                    client,
                    request,
                    Errors.NOT_LEADER_OR_FOLLOWER,
                    -1,
                    "broker " + manager.self + " is not the leader",
                    partition);
            return;
        }
        int minIsr = manager.minIsr(partition);
        if (request.acks() == -1 && partition.committedIsr().length < minIsr) {
            reply(
                    client,
                    request,
                    Errors.NOT_ENOUGH_REPLICAS,
                    -1,
                    "ISR " + Replicas.bracketed(partition.committedIsr()) + " is smaller than min.insync.replicas="
                            + minIsr + "; nothing was written",
                    partition);
            return;
        }
        if (request.producerId() >= 0 && !inSequence(client, request, partition)) {
            return;
        }
        long base = partition.log.endOffset();
        for (int i = 0; i < request.recordIds().length; i++) {
            int sequence = request.producerId() < 0 ? -1 : request.baseSequence() + i;
            partition.log.append(partition.leaderEpoch(), request.recordIds()[i], request.producerId(), sequence);
        }
        long end = partition.log.endOffset();
        manager.markDirty(partition);
        manager.onLeaderAppend(partition, base);
        manager.maybeIncrementHighWatermark(partition);
        answerAppended(client, request, partition, base, end, false);
    }

    /**
     * Kafka's check of an idempotent producer's batch (ProducerStateManager, ProducerAppendInfo): one
     * whose sequence numbers this log already holds for the producer is a retry of a batch that was
     * written: it is answered with the offsets it got then and not appended again. One that does not
     * follow the producer's last sequence is refused; a producer the log has no record of may start anywhere.
     *
     * @return true to append the batch; false when this method has answered it
     */
    private boolean inSequence(Address client, ProduceRequest request, Partition partition) {
        long last = partition.log.lastOffsetOf(request.producerId());
        if (last < 0) {
            return true;
        }
        int lastSequence = partition.log.sequenceAt(last);
        int count = request.recordIds().length;
        long duplicate = partition.log.offsetOf(request.producerId(), request.baseSequence());
        if (request.baseSequence() + count - 1 <= lastSequence && duplicate >= 0) {
            answerAppended(client, request, partition, duplicate, duplicate + count, true);
            return false;
        }
        if (request.baseSequence() != lastSequence + 1) {
            reply(
                    client,
                    request,
                    Errors.OUT_OF_ORDER_SEQUENCE_NUMBER,
                    -1,
                    "Out of order sequence number for producer " + request.producerId() + " at offset "
                            + partition.log.endOffset() + " in partition " + partition.name + ": "
                            + request.baseSequence() + " (incoming seq. number), " + lastSequence
                            + " (current end sequence number)",
                    partition);
            return false;
        }
        return true;
    }

    /** Answers a batch now in the log at [base, end) as its acks says (acks=all: once the HW passes it). */
    private void answerAppended(
            Address client, ProduceRequest request, Partition partition, long base, long end, boolean duplicate) {
        PendingProduce produce = new PendingProduce(client, request.requestId(), base, end, duplicate);
        if (request.acks() == 1) {
            send(produce, Errors.NONE, "acks=1: acknowledged once written to the leader", partition);
        } else if (request.acks() == 0) {
            manager.journal(partition, new EventDetail.ProduceAcked(manager.self, base, end, true), "produce request");
        } else if (partition.log.highWatermark() >= end) {
            send(produce, Errors.NONE, "acks=all: committed, HW " + partition.log.highWatermark(), partition);
        } else {
            partition.pendingProduces.add(produce);
            manager.context.schedule(
                    request.timeoutMs(), new BrokerTimers.ProduceTimeout(partition.id, request.requestId()));
        }
    }

    /** The HW moved: answer acks=all produces it now covers (§2.6). */
    void completePending(Partition partition) {
        Iterator<PendingProduce> pending = partition.pendingProduces.iterator();
        while (pending.hasNext()) {
            PendingProduce produce = pending.next();
            if (partition.log.highWatermark() >= produce.requiredHighWatermark()) {
                pending.remove();
                int minIsr = manager.minIsr(partition);
                if (partition.maximalIsr().length >= minIsr) {
                    send(
                            produce,
                            Errors.NONE,
                            "acks=all: replicated to ISR " + Replicas.bracketed(partition.maximalIsr()),
                            partition);
                } else {
                    send(
                            produce,
                            Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
                            "written, but the ISR "
                                    + Replicas.bracketed(partition.maximalIsr()) + " shrank below min.insync.replicas="
                                    + minIsr,
                            partition);
                }
            }
        }
    }

    void onTimeout(BrokerTimers.ProduceTimeout timeout) {
        Partition partition = manager.partitions.get(timeout.partitionId());
        if (partition == null) {
            return;
        }
        Iterator<PendingProduce> pending = partition.pendingProduces.iterator();
        while (pending.hasNext()) {
            PendingProduce produce = pending.next();
            if (produce.requestId() == timeout.requestId()) {
                pending.remove();
                send(
                        produce,
                        Errors.REQUEST_TIMED_OUT,
                        "the HW did not reach " + produce.requiredHighWatermark()
                                + " in time (HW " + partition.log.highWatermark() + ", ISR "
                                + Replicas.bracketed(partition.maximalIsr()) + ")",
                        partition);
            }
        }
    }

    void failPending(Partition partition, Errors error, String why) {
        for (PendingProduce produce : partition.pendingProduces) {
            send(produce, error, why, partition);
        }
        partition.pendingProduces.clear();
    }

    ConsumerFetchResponse consumerFetch(ConsumerFetchRequest request) {
        Partition partition = manager.partitions.get(request.partitionId());
        if (partition == null || !partition.isLeader()) {
            return new ConsumerFetchResponse(
                    request.requestId(), request.partitionId(), Errors.NOT_LEADER_OR_FOLLOWER, -1, LogSlice.EMPTY);
        }
        long hw = partition.log.highWatermark();
        if (request.offset() < 0 || request.offset() > partition.log.endOffset()) {
            return new ConsumerFetchResponse(
                    request.requestId(), request.partitionId(), Errors.OFFSET_OUT_OF_RANGE, hw, LogSlice.EMPTY);
        }
        return new ConsumerFetchResponse(
                request.requestId(),
                request.partitionId(),
                Errors.NONE,
                hw,
                partition.log.read(request.offset(), hw, request.maxRecords()));
    }

    private void reply(
            Address client, ProduceRequest request, Errors error, long base, String detail, Partition partition) {
        if (partition == null) {
            manager.context.send(
                    client, new ProduceResponse(request.requestId(), request.partitionId(), error, -1, detail, false));
            return;
        }
        send(
                new PendingProduce(client, request.requestId(), base, base + request.recordIds().length, false),
                error,
                detail,
                partition);
    }

    private void send(PendingProduce produce, Errors error, String why, Partition partition) {
        boolean duplicate = produce.duplicate() && !error.isError();
        String detail = duplicate
                ? "a retried batch this log already holds (same producer id and sequence): not appended again; " + why
                : why;
        manager.context.send(
                produce.client(),
                new ProduceResponse(
                        produce.requestId(),
                        partition.id,
                        error,
                        error.isError() ? -1 : produce.baseOffset(),
                        detail,
                        duplicate));
        long base = produce.baseOffset();
        long end = produce.requiredHighWatermark();
        manager.journal(
                partition,
                error.isError()
                        ? new EventDetail.ProduceFailed(manager.self, error, base, end)
                        : new EventDetail.ProduceAcked(manager.self, base, end, false),
                detail);
    }
}
