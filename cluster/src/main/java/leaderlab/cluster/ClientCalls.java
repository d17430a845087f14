package leaderlab.cluster;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import leaderlab.cluster.client.ClientNode;
import leaderlab.cluster.client.ConsumeResult;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.client.ProducerSettings;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The command thread's calls through the cluster's client node (admin, produce, consume): each runs
 * on the client's thread and is waited for in cluster time. Also keeps the client-side configs.
 */
final class ClientCalls {

    private final NodeRuntime runtime;
    private final ClientNode client;
    private final int brokerCount;
    private final Supplier<ClusterSnapshot> snapshots;
    private final FaultInjector journal;
    /** Volatile: the shell reads it (acks default) while a reset may swap clusters. */
    private volatile Configs configs;
    /** enable.idempotence was set by the user: a conflicting setting is then an error, not a quiet off. */
    private volatile boolean idempotenceSetByUser;

    ClientCalls(
            NodeRuntime runtime,
            ClientNode client,
            Configs configs,
            int brokerCount,
            Supplier<ClusterSnapshot> snapshots,
            FaultInjector journal) {
        this.runtime = runtime;
        this.client = client;
        this.configs = configs;
        this.brokerCount = brokerCount;
        this.snapshots = snapshots;
        this.journal = journal;
    }

    Configs configs() {
        return configs;
    }

    /** Runs an operation on the client's thread and waits for its answer in cluster time. */
    private <T> T viaClient(Consumer<CompletableFuture<T>> operation) {
        // Metadata may try every broker (a quarter timeout each) before the request itself; the producer
        // waits up to max.block.ms for metadata and retries until delivery.timeout.ms (the consumer until
        // default.api.timeout.ms), with one request
        // and metadata refresh possibly in flight.
        long timeoutMs = Math.max(
                        configs.getLong(ConfigKey.MAX_BLOCK_MS) + configs.getLong(ConfigKey.DELIVERY_TIMEOUT_MS),
                        configs.getLong(ConfigKey.DEFAULT_API_TIMEOUT_MS))
                + configs.getLong(ConfigKey.REQUEST_TIMEOUT_MS) * (2L + brokerCount)
                + 1000;
        CompletableFuture<T> future = new CompletableFuture<>();
        runtime.submit(Address.client(0), () -> operation.accept(future));
        try {
            return runtime.await(future, timeoutMs);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + timeoutMs + " ms of cluster time");
        }
    }

    AdminResult admin(AdminOperation operation) {
        return viaClient(future -> client.admin(operation, future));
    }

    /** Sets a config: client-side keys locally, everything else through the controller. */
    AdminResult setConfig(String key, String value, String topic) {
        ConfigKey configKey = ConfigKey.byName(key).orElse(null);
        if (configKey != null && configKey.scope() == ConfigKey.Scope.CLIENT) {
            if (topic != null) {
                throw new IllegalArgumentException(key + " is a client setting; drop --topic");
            }
            Object parsed = configKey.parse(value);
            Configs updated = configs.with(configKey, parsed, null);
            configs = updated;
            idempotenceSetByUser |= configKey == ConfigKey.ENABLE_IDEMPOTENCE;
            runtime.submit(Address.client(0), () -> client.setConfigs(updated));
            journal.record(new EventDetail.ConfigChanged(key, String.valueOf(parsed), null, true));
            return AdminResult.ok("Set client " + key + "=" + parsed + ".");
        }
        return admin(new AdminOperation.AlterConfig(key, value, topic));
    }

    /** @param retries resends allowed per batch, -1 for the client's {@code retries} setting */
    List<ProduceResult> produce(String topic, int partition, int count, int acks, int retries) {
        requireTopicPartition(topic, partition);
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        ProducerSettings settings = ProducerSettings.of(configs, idempotenceSetByUser, acks, retries);
        return viaClient(future -> client.produce(topic, partition, count, settings, future));
    }

    List<ConsumeResult> consume(String topic, int partition, boolean fromBeginning, int maxRecords) {
        requireTopicPartition(topic, partition);
        return viaClient(future -> client.consume(topic, partition, fromBeginning, maxRecords, future));
    }

    private void requireTopicPartition(String topic, int partition) {
        var info = snapshots.get().topic(topic);
        if (info == null) {
            throw new IllegalArgumentException("no topic '" + topic + "'" + knownTopics());
        }
        if (partition < -1 || partition >= info.partitionCount()) {
            throw new IllegalArgumentException(
                    topic + " has partitions 0.." + (info.partitionCount() - 1) + ", not " + partition);
        }
    }

    String knownTopics() {
        var names = snapshots.get().metadata().topics().keySet();
        return names.isEmpty()
                ? " (there are no topics yet: create topic NAME)"
                : " (topics: " + String.join(", ", names) + ")";
    }
}
