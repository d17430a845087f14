package leaderlab.cluster.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.LogSlice;

/**
 * One consume: a poll of one partition or of all of a topic's, bounded by default.api.timeout.ms. It
 * asks for metadata until a broker answers (Kafka's consumer keeps asking within the poll, and a poll
 * that never gets any returns no records), then reads every partition at once ({@link ConsumeFetch}).
 */
final class ConsumePoll {

    private final ClientNode client;
    private final String topic;
    private final int partition;
    private final boolean fromBeginning;
    private final int maxRecords;
    private final long deadlineMs;
    private final CompletableFuture<List<ConsumeResult>> result;

    /** @param partition the partition to read, or -1 for all */
    ConsumePoll(
            ClientNode client,
            String topic,
            int partition,
            boolean fromBeginning,
            int maxRecords,
            CompletableFuture<List<ConsumeResult>> result) {
        this.client = client;
        this.topic = topic;
        this.partition = partition;
        this.fromBeginning = fromBeginning;
        this.maxRecords = maxRecords;
        this.deadlineMs = client.nowMs() + client.configs().getLong(ConfigKey.DEFAULT_API_TIMEOUT_MS);
        this.result = result;
    }

    void start() {
        String name = partition >= 0 ? new TopicPartition(topic, partition).name() : topic;
        client.awaitMetadata(
                topic,
                deadlineMs,
                metadata ->
                        read(partition >= 0 ? List.of(metadata.partitions().get(partition)) : metadata.partitions()),
                () -> result.complete(
                        List.of(new ConsumeResult(name, -1, Errors.NONE, -1, LogSlice.EMPTY, 0, List.of(), true))));
    }

    private void read(List<PartitionRegistration> targets) {
        ConsumeResult[] results = new ConsumeResult[targets.size()];
        int[] outstanding = {targets.size()};
        for (int i = 0; i < targets.size(); i++) {
            int slot = i;
            PartitionRegistration target = targets.get(i);
            if (fromBeginning) {
                client.setPosition(target.name(), -1);
            }
            new ConsumeFetch(client, topic, target.index(), maxRecords, deadlineMs, r -> {
                        results[slot] = r;
                        if (--outstanding[0] == 0) {
                            result.complete(List.of(results));
                        }
                    })
                    .fetch(target);
        }
    }
}
