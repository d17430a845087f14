package leaderlab.cluster.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.ConsumeAttemptFailed;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.ClientApi.ConsumerFetchRequest;
import leaderlab.cluster.protocol.ClientApi.ConsumerFetchResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.LogSlice;

/**
 * One partition's read in a consume (a poll), fetched as Kafka 4.x's consumer fetches (AbstractFetch,
 * FetchCollector): from the leader its metadata names. With no leader known, or on NOT_LEADER_OR_FOLLOWER,
 * FENCED_LEADER_EPOCH, UNKNOWN_TOPIC_OR_PARTITION, a refused connection or a timeout, it requests a
 * metadata update and fetches again after retry.backoff.ms from the leader it then knows; none of these
 * reach the application. When the poll's timeout (default.api.timeout.ms) passes first, the poll returns
 * no records for the partition, again without an error. A position beyond the leader's log (records
 * truncated by an unclean election) is reset as auto.offset.reset=earliest does (leaderlab's consumer
 * starts at offset 0, like kafka-console-consumer --from-beginning). Each failed fetch is a
 * CONSUME_FAILED journal event; waiting out the same error is journaled once.
 */
final class ConsumeFetch {

    private final ClientNode client;
    private final String topic;
    private final int index;
    private final int maxRecords;
    private final long deadlineMs;
    private final Consumer<ConsumeResult> done;
    private final List<String> retried = new ArrayList<>();
    private String name;

    /** @param deadlineMs when the poll's timeout (default.api.timeout.ms after it started) passes */
    ConsumeFetch(
            ClientNode client, String topic, int index, int maxRecords, long deadlineMs, Consumer<ConsumeResult> done) {
        this.client = client;
        this.topic = topic;
        this.index = index;
        this.name = topic + "-" + index;
        this.maxRecords = maxRecords;
        this.deadlineMs = deadlineMs;
        this.done = done;
    }

    /** Fetches using metadata the client already has. */
    void fetch(PartitionRegistration target) {
        name = target.name();
        long position = client.position(name);
        if (!target.hasLeader()) {
            failed(-1, Errors.LEADER_NOT_AVAILABLE, position, "the partition has no leader");
            return;
        }
        int leader = target.leader();
        long id = client.nextRequestId();
        // The poll returns at its timeout even with a fetch still unanswered.
        long timeoutMs = Math.max(1, Math.min(client.requestTimeoutMs(), deadlineMs - client.nowMs()));
        client.request(
                leader,
                id,
                timeoutMs,
                new ConsumerFetchRequest(id, target.id(), position, maxRecords),
                answer -> answered(leader, position, (ConsumerFetchResponse) answer),
                error -> failed(
                        leader,
                        error,
                        position,
                        error == Errors.NETWORK_EXCEPTION
                                ? "connection to broker " + leader + " refused: its process is not running"
                                : "broker " + leader + " did not answer within " + timeoutMs + " ms"));
    }

    private void answered(int leader, long position, ConsumerFetchResponse response) {
        if (response.error() == Errors.NONE) {
            client.setPosition(name, Math.max(position, response.records().endOffset()));
            done.accept(new ConsumeResult(
                    name,
                    leader,
                    Errors.NONE,
                    response.highWatermark(),
                    response.records(),
                    retried.size(),
                    List.copyOf(retried),
                    false));
        } else if (response.error() == Errors.OFFSET_OUT_OF_RANGE) {
            client.setPosition(name, 0);
            failed(
                    leader,
                    response.error(),
                    position,
                    "position beyond the leader's log; reset to offset 0 (earliest)");
        } else if (ProduceBatch.RETRIABLE.contains(response.error())) {
            failed(leader, response.error(), position, "broker " + leader + " cannot serve the fetch");
        } else {
            done.accept(new ConsumeResult(
                    name, leader, response.error(), -1, LogSlice.EMPTY, retried.size(), List.copyOf(retried), false));
        }
    }

    private void failed(int broker, Errors error, long position, String why) {
        long backoffMs = client.configs().getLong(ConfigKey.RETRY_BACKOFF_MS);
        if (client.nowMs() + backoffMs >= deadlineMs) {
            // No time for another fetch: the poll still returns only at its timeout.
            client.schedule(Math.max(0, deadlineMs - client.nowMs()), () -> timedOut(broker, error, position, why));
            return;
        }
        String what = error.name() + (broker < 0 ? "" : " from broker " + broker);
        if (retried.isEmpty() || !retried.get(retried.size() - 1).equals(what)) {
            client.journal(
                    new TopicPartition(topic, index),
                    new ConsumeAttemptFailed(broker, error, position, why, retried.size() + 1, backoffMs),
                    "consumer will fetch again");
        }
        retried.add(what);
        client.schedule(
                backoffMs,
                () -> client.refreshPartition(
                        topic,
                        index,
                        this::fetch,
                        (metadataError, reason) -> failed(-1, metadataError, position, reason)));
    }

    private void timedOut(int broker, Errors error, long position, String why) {
        client.journal(
                new TopicPartition(topic, index),
                new ConsumeAttemptFailed(broker, error, position, why, 0, 0),
                "the poll timed out");
        done.accept(new ConsumeResult(
                name, -1, Errors.NONE, -1, LogSlice.EMPTY, retried.size(), List.copyOf(retried), true));
    }
}
