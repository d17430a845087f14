package leaderlab.cluster.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import leaderlab.cluster.check.Ledger;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.ClientApi.MetadataRequest;
import leaderlab.cluster.protocol.ClientApi.MetadataResponse;
import leaderlab.cluster.protocol.ClientApi.ProduceResponse;
import leaderlab.cluster.protocol.ControllerApi.AdminResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Message;
import leaderlab.cluster.runtime.Node;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.runtime.Timer;

/**
 * The in-cluster client: an admin client (talking to the controller directly), a producer and a
 * consumer. It learns leaders from any broker's metadata, which may be stale. The producer retries as
 * Kafka's does ({@link ProduceBatch}); {@code retries=0} reports the first error of a request in flight.
 * A broker whose process is down but whose host is up refuses connections at once (NETWORK_EXCEPTION), as
 * its OS answers with a reset: the producer keeps such a batch unsent until a leader it can reach is
 * known, the consumer fetches again. A network cut, a stall or a host lost to a power loss is silent and
 * times out, as a request on a connection that was already open does.
 * Operations are started by tasks the runtime runs on this node's thread and end by completing a
 * future.
 */
public final class ClientNode implements Node {

    /** Kafka's retry.backoff.ms default, between metadata requests for a topic a broker does not know yet. */
    static final long METADATA_RETRY_BACKOFF_MS = 100;

    private record Timeout(long requestId) implements Timer {}

    /** The connection was refused: delivered after one round trip instead of the answer. */
    private record Refused(long requestId) implements Timer {}

    private record Retry(Runnable action) implements Timer {}

    /** A request waiting for its answer: what to do with it, and with a failure (timeout or refusal). */
    private record Pending(Consumer<Message> onAnswer, Consumer<Errors> onFailure) {}

    private final int brokerCount;
    private final Ledger ledger;
    private final AdminClient admin;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<String, Long> positions = new HashMap<>();
    private NodeContext context;
    private Configs configs;
    private long nextRequestId;
    private long nextRecordId = 1;
    private int nextProducerId;
    private final InFlightRequests inFlight = new InFlightRequests();
    private int bootstrapCursor;
    private volatile java.util.function.IntPredicate refusing = broker -> false;

    public ClientNode(int brokerCount, Configs configs, Ledger ledger, List<Integer> controllerIds) {
        this.brokerCount = brokerCount;
        this.admin = new AdminClient(this, controllerIds);
        this.configs = configs;
        this.ledger = ledger;
    }

    @Override
    public void onStart(NodeContext nodeContext) {
        this.context = nodeContext;
    }

    /** Client-side settings (acks, request.timeout.ms) change here, not through the controller. */
    public void setConfigs(Configs newConfigs) {
        this.configs = newConfigs;
    }

    /** Brokers whose process is down on a host that is up: connecting to them is refused at once. */
    public void setRefusing(java.util.function.IntPredicate brokersRefusing) {
        this.refusing = brokersRefusing;
    }

    Configs configs() {
        return configs;
    }

    long requestTimeoutMs() {
        return configs.getLong(ConfigKey.REQUEST_TIMEOUT_MS);
    }

    long nowMs() {
        return context.nowMs();
    }

    long nextRequestId() {
        return ++nextRequestId;
    }

    Ledger ledger() {
        return ledger;
    }

    InFlightRequests inFlight() {
        return inFlight;
    }

    void schedule(long delayMs, Runnable action) {
        context.schedule(delayMs, new Retry(action));
    }

    void journal(TopicPartition partition, EventDetail detail, String cause) {
        context.journal().append(context.nowMs(), NodeId.client(0), partition, detail, cause, -1);
    }

    /**
     * Sends a message that gets no answer; false when the broker refuses the connection (nothing is sent:
     * an acks=0 producer cannot write to a socket it could not open).
     */
    boolean sendOneWay(int broker, Message message) {
        if (refusing.test(broker)) {
            return false;
        }
        context.send(Address.broker(broker), message);
        return true;
    }

    void request(
            int broker,
            long requestId,
            long timeoutMs,
            Message message,
            Consumer<Message> onAnswer,
            Consumer<Errors> onFailure) {
        send(Address.broker(broker), requestId, timeoutMs, onAnswer, onFailure, message);
    }

    /** Sends a request to any node; a broker that refuses connections fails it after one round trip. */
    void send(
            Address to,
            long requestId,
            long timeoutMs,
            Consumer<Message> onAnswer,
            Consumer<Errors> onFailure,
            Message message) {
        pending.put(requestId, new Pending(onAnswer, onFailure));
        if (to.isBroker() && refusing.test(to.id())) {
            // The broker's host answers the connection attempt with a reset after one round trip.
            context.schedule(2 * Math.max(1, configs.getLong(ConfigKey.NETWORK_LATENCY_MS)), new Refused(requestId));
            return;
        }
        context.send(to, message);
        context.schedule(timeoutMs, new Timeout(requestId));
    }

    @Override
    public void onMessage(Address from, Message message) {
        long id;
        if (message instanceof AdminResponse r) {
            id = r.requestId();
        } else if (message instanceof MetadataResponse r) {
            id = r.requestId();
        } else if (message instanceof ProduceResponse r) {
            id = r.requestId();
        } else if (message instanceof leaderlab.cluster.protocol.ClientApi.ConsumerFetchResponse r) {
            id = r.requestId();
        } else {
            // Every ToClient type is handled above (DispatchTest); anything else was sent to the wrong node.
            throw new IllegalArgumentException("a client does not handle " + message + " from " + from);
        }
        Pending waiting = pending.remove(id);
        if (waiting != null) {
            waiting.onAnswer().accept(message);
        }
    }

    @Override
    public void onTimer(Timer timer) {
        if (timer instanceof Retry retry) {
            retry.action().run();
        } else if (timer instanceof Timeout timeout) {
            Pending waiting = pending.remove(timeout.requestId());
            if (waiting != null) {
                waiting.onFailure().accept(Errors.REQUEST_TIMED_OUT);
            }
        } else if (timer instanceof Refused refused) {
            Pending waiting = pending.remove(refused.requestId());
            if (waiting != null) {
                waiting.onFailure().accept(Errors.NETWORK_EXCEPTION);
            }
        }
    }

    // ---- Admin ----------------------------------------------------------------------------------

    /** Sends an admin operation to the active controller ({@link AdminClient} finds it). */
    public void admin(AdminOperation operation, CompletableFuture<AdminResult> result) {
        admin.send(operation, result);
    }

    // ---- Metadata ---------------------------------------------------------------------------------

    /**
     * Asks brokers in turn (starting after the last one that answered) until one answers. A broker
     * that does not know the topic yet (it has not replayed it) is asked again after a short backoff,
     * as Kafka's producer waits for metadata, until request.timeout.ms has passed.
     */
    private void fetchMetadata(String topic, int attempt, Consumer<MetadataResponse> onAnswer, Runnable onNoBroker) {
        fetchMetadata(topic, attempt, context.nowMs() + requestTimeoutMs(), onAnswer, onNoBroker);
    }

    private void fetchMetadata(
            String topic, int attempt, long deadlineMs, Consumer<MetadataResponse> onAnswer, Runnable onNoBroker) {
        if (attempt >= brokerCount) {
            onNoBroker.run();
            return;
        }
        int broker = 1 + (bootstrapCursor + attempt) % brokerCount;
        long id = ++nextRequestId;
        send(
                Address.broker(broker),
                id,
                Math.max(1, requestTimeoutMs() / 4),
                answer -> {
                    bootstrapCursor = broker - 1;
                    MetadataResponse metadata = (MetadataResponse) answer;
                    if (metadata.error().isError() && context.nowMs() + METADATA_RETRY_BACKOFF_MS < deadlineMs) {
                        // Attempt 0 asks the broker that answered again: the cursor points at it now.
                        context.schedule(
                                METADATA_RETRY_BACKOFF_MS,
                                new Retry(() -> fetchMetadata(topic, 0, deadlineMs, onAnswer, onNoBroker)));
                    } else {
                        onAnswer.accept(metadata);
                    }
                },
                error -> fetchMetadata(topic, attempt + 1, deadlineMs, onAnswer, onNoBroker),
                new MetadataRequest(id, topic));
    }

    /**
     * A topic's metadata, asked for again every retry.backoff.ms until {@code deadlineMs} (Kafka's producer
     * waits up to max.block.ms, a poll up to its timeout); {@code onTimeout} runs at the deadline.
     */
    void awaitMetadata(String topic, long deadlineMs, Consumer<MetadataResponse> onMetadata, Runnable onTimeout) {
        Runnable again = () -> {
            long backoffMs = configs.getLong(ConfigKey.RETRY_BACKOFF_MS);
            if (context.nowMs() + backoffMs < deadlineMs) {
                schedule(backoffMs, () -> awaitMetadata(topic, deadlineMs, onMetadata, onTimeout));
            } else {
                schedule(Math.max(0, deadlineMs - context.nowMs()), onTimeout);
            }
        };
        fetchMetadata(
                topic,
                0,
                metadata -> {
                    if (metadata.error().isError()) {
                        again.run();
                    } else {
                        onMetadata.accept(metadata);
                    }
                },
                again);
    }

    /** Fresh metadata for one partition, for a retry; {@code onFailure} gets the error and why. */
    void refreshPartition(
            String topic,
            int index,
            Consumer<PartitionRegistration> onPartition,
            BiConsumer<Errors, String> onFailure) {
        fetchMetadata(
                topic,
                0,
                metadata -> {
                    if (metadata.error().isError()
                            || index >= metadata.partitions().size()) {
                        onFailure.accept(
                                metadata.error().isError() ? metadata.error() : Errors.UNKNOWN_TOPIC_OR_PARTITION,
                                "no usable metadata for " + topic);
                    } else {
                        onPartition.accept(metadata.partitions().get(index));
                    }
                },
                () -> onFailure.accept(Errors.NETWORK_EXCEPTION, "no broker answered a metadata request"));
    }

    // ---- Produce ----------------------------------------------------------------------------------

    /**
     * Produces {@code count} records to one partition, or spread round-robin over all partitions when
     * {@code partition} is -1, as a new producer with {@code settings} (an idempotent one gets the next
     * producer id; Kafka's InitProducerId round trip is left out).
     */
    public void produce(
            String topic,
            int partition,
            int count,
            ProducerSettings settings,
            CompletableFuture<List<ProduceResult>> result) {
        int acks = settings.acks();
        int producerId = settings.idempotent() ? nextProducerId++ : -1;
        long maxBlockMs = configs.getLong(ConfigKey.MAX_BLOCK_MS);
        awaitMetadata(
                topic,
                context.nowMs() + maxBlockMs,
                metadata -> {
                    List<PartitionRegistration> targets = new ArrayList<>();
                    int[] counts;
                    if (partition >= 0) {
                        targets.add(metadata.partitions().get(partition));
                        counts = new int[] {count};
                    } else {
                        targets.addAll(metadata.partitions());
                        counts = new int[targets.size()];
                        for (int i = 0; i < count; i++) {
                            counts[i % counts.length]++;
                        }
                    }
                    ProduceResult[] results = new ProduceResult[targets.size()];
                    int[] outstanding = {targets.size()};
                    for (int i = 0; i < targets.size(); i++) {
                        int slot = i;
                        Consumer<ProduceResult> done = r -> {
                            results[slot] = r;
                            if (--outstanding[0] == 0) {
                                result.complete(java.util.Arrays.stream(results)
                                        .filter(x -> x != null && x.count() > 0)
                                        .toList());
                            }
                        };
                        if (counts[i] == 0) {
                            done.accept(null);
                            continue;
                        }
                        long[] ids = new long[counts[i]];
                        for (int r = 0; r < ids.length; r++) {
                            ids[r] = nextRecordId++;
                        }
                        PartitionRegistration target = targets.get(i);
                        new ProduceBatch(this, topic, target.index(), settings, producerId, ids, done).send(target);
                    }
                },
                () -> result.complete(List.of(new ProduceResult(
                        topic,
                        -1,
                        count,
                        acks,
                        Errors.REQUEST_TIMED_OUT,
                        -1,
                        "Topic " + topic + " not present in metadata after " + maxBlockMs + " ms."))));
    }

    // ---- Consume ----------------------------------------------------------------------------------

    /**
     * Reads from each partition's leader, from this consumer's position (or offset 0), up to the high
     * watermark, fetching again through a failover as Kafka's consumer does ({@link ConsumePoll}).
     */
    public void consume(
            String topic,
            int partition,
            boolean fromBeginning,
            int maxRecords,
            CompletableFuture<List<ConsumeResult>> result) {
        new ConsumePoll(this, topic, partition, fromBeginning, maxRecords, result).start();
    }

    /** The consumer's next offset in a partition (0 before its first read). */
    long position(String partition) {
        return positions.getOrDefault(partition, 0L);
    }

    /** @param offset the next offset to read, or -1 to start again at offset 0 */
    void setPosition(String partition, long offset) {
        if (offset < 0) {
            positions.remove(partition);
        } else {
            positions.put(partition, offset);
        }
    }
}
