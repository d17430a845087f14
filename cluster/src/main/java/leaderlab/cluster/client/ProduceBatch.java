package leaderlab.cluster.client;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.ProduceAttemptFailed;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.ClientApi.ProduceRequest;
import leaderlab.cluster.protocol.ClientApi.ProduceResponse;
import leaderlab.cluster.protocol.Errors;

/**
 * One partition's batch in the producer, sent as Kafka 4.x's producer sends it (Sender, RecordAccumulator):
 * to the leader the client's metadata names. A batch that cannot be sent, because no leader is known or
 * the leader's connection is refused (its process is gone), is no attempt: it stays in the accumulator,
 * the metadata is refreshed every retry.backoff.ms, and it goes once a leader it can connect to is known,
 * using no retry and journaling no failure. Only a request in flight can fail (an error answer, or no
 * answer within request.timeout.ms): on a retriable error it waits retry.backoff.ms, refreshes metadata
 * and sends again, up to {@code retries} times. Either way, delivery.timeout.ms after the batch was
 * created it expires with Kafka's TimeoutException. Every failed request it retries is a PRODUCE_RETRIED
 * journal event, and the outcome the caller is told of, once, a PRODUCE_FAILED. An idempotent
 * producer's batch carries its producer id and sequence number 0 (each produce command is a new
 * producer, as each kafka-console-producer run is), so a leader that already holds a resent batch
 * answers with its offsets instead of appending it again; without idempotence it is appended twice. At most max.in.flight.requests.per.connection requests wait for one broker
 * ({@link InFlightRequests}); one batch per partition, so there is nothing to reorder.
 */
final class ProduceBatch {

    /** Kafka's RetriableException subclasses among the errors leaderlab produces. */
    static final Set<Errors> RETRIABLE = EnumSet.of(
            Errors.NOT_LEADER_OR_FOLLOWER,
            Errors.LEADER_NOT_AVAILABLE,
            Errors.REQUEST_TIMED_OUT,
            Errors.NETWORK_EXCEPTION,
            Errors.NOT_ENOUGH_REPLICAS,
            Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
            Errors.UNKNOWN_TOPIC_OR_PARTITION,
            Errors.FENCED_LEADER_EPOCH,
            Errors.UNKNOWN_LEADER_EPOCH);

    /** Extra client-side wait for a produce answer beyond the broker's own timeout. */
    private static final long PRODUCE_GRACE_MS = 100;

    private final ClientNode client;
    private final String topic;
    private final int index;
    private final int acks;
    private final long[] ids;
    private final ProducerSettings settings;
    private final int producerId;
    private final long createdMs;
    private final long deliveryTimeoutMs;
    private final Consumer<ProduceResult> done;
    private final List<String> retried = new ArrayList<>();
    private String name;
    /** Total time spent unsent, waiting for a leader it can connect to. */
    private long waitedMs;
    /** Since when it waits now, -1 while it is not waiting. */
    private long waitingSinceMs = -1;
    /** Why it waits (or last waited): no leader, or a refused connection. */
    private String waitReason = "";

    /** @param producerId the idempotent producer's id, -1 when {@code settings} are not idempotent */
    ProduceBatch(
            ClientNode client,
            String topic,
            int index,
            ProducerSettings settings,
            int producerId,
            long[] ids,
            Consumer<ProduceResult> done) {
        this.client = client;
        this.topic = topic;
        this.index = index;
        this.name = topic + "-" + index;
        this.acks = settings.acks();
        this.settings = settings;
        this.producerId = producerId;
        this.ids = ids;
        this.deliveryTimeoutMs = client.configs().getLong(ConfigKey.DELIVERY_TIMEOUT_MS);
        this.createdMs = client.nowMs();
        this.done = done;
    }

    /** Sends using metadata the client already has. */
    void send(PartitionRegistration target) {
        name = target.name();
        if (!target.hasLeader()) {
            await("the partition has no leader");
            return;
        }
        stopWaiting();
        int leader = target.leader();
        long requestTimeoutMs = client.requestTimeoutMs();
        ProduceRequest request = new ProduceRequest(
                client.nextRequestId(), target.id(), acks, ids, requestTimeoutMs, producerId, producerId < 0 ? -1 : 0);
        if (acks == 0) {
            if (!client.sendOneWay(leader, request)) {
                awaitRefused(leader);
                return;
            }
            finish(leader, Errors.NONE, -1, "sent with acks=0: no answer is expected, so no offsets are known", false);
            return;
        }
        client.inFlight().send(leader, settings.maxInFlight(), () -> request(leader, target, request));
    }

    private void request(int leader, PartitionRegistration target, ProduceRequest request) {
        long requestTimeoutMs = request.timeoutMs();
        // Wait a little longer than the broker does, so its own REQUEST_TIMED_OUT answer (which says
        // why) arrives before the client gives up on a silent broker.
        client.request(
                leader,
                request.requestId(),
                requestTimeoutMs + PRODUCE_GRACE_MS,
                request,
                answer -> {
                    client.inFlight().done(leader);
                    ProduceResponse response = (ProduceResponse) answer;
                    if (response.error().isError()) {
                        failed(leader, response.error(), response.message());
                        return;
                    }
                    client.ledger().acknowledged(target.id(), name, response.baseOffset(), ids, acks, client.nowMs());
                    finish(leader, Errors.NONE, response.baseOffset(), response.message(), response.duplicate());
                },
                error -> {
                    client.inFlight().done(leader);
                    if (error == Errors.NETWORK_EXCEPTION) {
                        // Refused at connect: the request never left the producer, so nothing failed.
                        awaitRefused(leader);
                        return;
                    }
                    failed(
                            leader,
                            error,
                            "broker " + leader + " did not answer within request.timeout.ms=" + requestTimeoutMs);
                });
    }

    private void failed(int broker, Errors error, String why) {
        long now = client.nowMs();
        long backoffMs = client.configs().getLong(ConfigKey.RETRY_BACKOFF_MS);
        boolean retry =
                RETRIABLE.contains(error) && retried.size() < settings.retries() && now < createdMs + deliveryTimeoutMs;
        // Every request that failed is journaled, each retry with its number (a batch waiting for a
        // leader sends nothing, so it fails nothing).
        client.journal(
                partition(),
                new ProduceAttemptFailed(
                        broker, error, ids.length, why, retried.size() + 1, retry ? retried.size() + 1 : 0, backoffMs),
                retry ? "producer will retry" : "producer gives up");
        if (!retry) {
            finish(broker, error, -1, why, false);
            return;
        }
        retried.add(error.name() + " from broker " + broker);
        client.schedule(backoffMs, this::retry);
    }

    /**
     * Kafka's accumulator keeps a batch it cannot send (RecordAccumulator.ready puts a leaderless topic in
     * unknownLeaderTopics, Sender drops a node that is not ready): the metadata is asked for again after
     * retry.backoff.ms, and the batch expires only at delivery.timeout.ms.
     */
    private void await(String why) {
        long now = client.nowMs();
        if (waitingSinceMs < 0) {
            waitingSinceMs = now;
        }
        waitReason = why;
        long deadline = createdMs + deliveryTimeoutMs;
        long backoffMs = client.configs().getLong(ConfigKey.RETRY_BACKOFF_MS);
        client.schedule(Math.max(0, Math.min(backoffMs, deadline - now)), this::retry);
    }

    private void awaitRefused(int leader) {
        await("broker " + leader + " (its leader in the metadata) refused the connection");
    }

    private void stopWaiting() {
        if (waitingSinceMs >= 0) {
            waitedMs += client.nowMs() - waitingSinceMs;
            waitingSinceMs = -1;
        }
    }

    private void retry() {
        if (client.nowMs() >= createdMs + deliveryTimeoutMs) {
            expire();
            return;
        }
        // Metadata that cannot be had (no broker answers, the topic is unknown) leaves the batch waiting.
        client.refreshPartition(topic, index, this::send, (error, why) -> await(why));
    }

    /** Kafka's RecordAccumulator expiry: "Expiring N record(s) for T-P:D ms has passed since batch creation". */
    private void expire() {
        stopWaiting();
        long waited = client.nowMs() - createdMs;
        String last = waitedMs > 0 ? "; waited " + waitedMs + " ms unsent: " + waitReason : "";
        if (!retried.isEmpty()) {
            last += "; last error " + retried.get(retried.size() - 1);
        }
        String text = String.format(
                Locale.ROOT,
                "Expiring %d record(s) for %s:%d ms has passed since batch creation",
                ids.length,
                name,
                waited);
        client.journal(
                partition(),
                new ProduceAttemptFailed(
                        -1,
                        Errors.REQUEST_TIMED_OUT,
                        ids.length,
                        text + last + ", delivery.timeout.ms=" + deliveryTimeoutMs,
                        retried.size(),
                        0,
                        0),
                "producer gives up");
        finish(-1, Errors.REQUEST_TIMED_OUT, -1, text + last, false);
    }

    private TopicPartition partition() {
        return new TopicPartition(topic, index);
    }

    private void finish(int broker, Errors error, long baseOffset, String detail, boolean duplicate) {
        done.accept(new ProduceResult(
                name,
                broker,
                ids.length,
                acks,
                error,
                baseOffset,
                detail,
                retried.size(),
                List.copyOf(retried),
                duplicate,
                waitedMs));
    }
}
