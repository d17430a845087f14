package leaderlab.cluster.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every setting leaderlab understands, under Kafka's own name where Kafka has one. Each has a
 * "classroom" default (scaled down so a failover is seen in about two seconds) and Kafka's default
 * ({@code --kafka-timings}).
 */
public enum ConfigKey {
    BROKER_HEARTBEAT_INTERVAL_MS(
            "broker.heartbeat.interval.ms",
            Type.LONG,
            Scope.CLUSTER,
            200,
            2000,
            "How often brokers heartbeat to the controller."),
    BROKER_SESSION_TIMEOUT_MS(
            "broker.session.timeout.ms",
            Type.LONG,
            Scope.CLUSTER,
            1500,
            9000,
            "A broker with no heartbeat for this long is fenced."),
    REPLICA_LAG_TIME_MAX_MS(
            "replica.lag.time.max.ms",
            Type.LONG,
            Scope.CLUSTER,
            2000,
            30000,
            "A follower not caught up for this long leaves the ISR."),
    REPLICA_FETCH_WAIT_MAX_MS(
            "replica.fetch.wait.max.ms",
            Type.LONG,
            Scope.CLUSTER,
            100,
            500,
            "How long a leader holds a follower fetch that has no new data."),
    REPLICA_FETCH_BACKOFF_MS(
            "replica.fetch.backoff.ms",
            Type.LONG,
            Scope.CLUSTER,
            100,
            1000,
            "How long a follower waits after a failed fetch."),
    METADATA_FETCH_MAX_WAIT_MS(
            "metadata.fetch.max.wait.ms",
            Type.LONG,
            Scope.CLUSTER,
            100,
            500,
            "How long the controller holds a broker's metadata fetch when there is nothing new "
                    + "(leaderlab name; Kafka hard-codes 500 ms)."),
    CONTROLLER_QUORUM_ELECTION_TIMEOUT_MS(
            "controller.quorum.election.timeout.ms",
            Type.LONG,
            Scope.CLUSTER,
            200,
            1000,
            "A controller that knows no leader waits this long plus a random part up to as long again, "
                    + "then asks for votes (static: read when a controller starts)."),
    CONTROLLER_QUORUM_FETCH_TIMEOUT_MS(
            "controller.quorum.fetch.timeout.ms",
            Type.LONG,
            Scope.CLUSTER,
            400,
            2000,
            "A controller that has not fetched from the quorum leader for this long starts an election; the "
                    + "leader resigns after 1.5 times this without fetches from a majority (static)."),
    CONTROLLER_QUORUM_REQUEST_TIMEOUT_MS(
            "controller.quorum.request.timeout.ms",
            Type.LONG,
            Scope.CLUSTER,
            400,
            2000,
            "How long a broker waits for a controller to answer a metadata fetch before it asks another."),
    CONTROLLER_QUORUM_ELECTION_BACKOFF_MAX_MS(
            "controller.quorum.election.backoff.max.ms",
            Type.LONG,
            Scope.CLUSTER,
            200,
            1000,
            "Cap of the randomized exponential backoff after a failed election (static)."),
    MIN_INSYNC_REPLICAS(
            "min.insync.replicas",
            Type.INT,
            Scope.TOPIC,
            1,
            1,
            "acks=all writes need at least this many in-sync replicas."),
    UNCLEAN_LEADER_ELECTION_ENABLE(
            "unclean.leader.election.enable",
            Type.BOOLEAN,
            Scope.TOPIC,
            false,
            false,
            "Allow an out-of-sync replica to become leader when no in-sync one is alive."),
    UNCLEAN_LEADER_ELECTION_INTERVAL_MS(
            "unclean.leader.election.interval.ms",
            Type.LONG,
            Scope.CLUSTER,
            3000,
            300000,
            "How often the controller retries unclean elections for leaderless partitions."),
    AUTO_LEADER_REBALANCE_ENABLE(
            "auto.leader.rebalance.enable",
            Type.BOOLEAN,
            Scope.CLUSTER,
            true,
            true,
            "Periodically move leadership back to each partition's preferred replica."),
    LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS(
            "leader.imbalance.check.interval.seconds",
            Type.LONG,
            Scope.CLUSTER,
            5,
            300,
            "How often automatic leader rebalance runs."),
    CONTROLLED_SHUTDOWN_ENABLE(
            "controlled.shutdown.enable",
            Type.BOOLEAN,
            Scope.CLUSTER,
            true,
            true,
            "Move leadership away before a broker stops (otherwise shutdown is a crash)."),
    DEFAULT_REPLICATION_FACTOR(
            "default.replication.factor",
            Type.INT,
            Scope.CLUSTER,
            3,
            1,
            "Replication factor of topics created without one (capped at the number of brokers)."),
    NUM_PARTITIONS("num.partitions", Type.INT, Scope.CLUSTER, 1, 1, "Partition count of topics created without one."),
    ACKS("acks", Type.ACKS, Scope.CLIENT, "all", "all", "Producer default: 0, 1 or all."),
    REQUEST_TIMEOUT_MS(
            "request.timeout.ms",
            Type.LONG,
            Scope.CLIENT,
            3000,
            30000,
            "How long clients wait for an answer (and acks=all produces wait for replication)."),
    RETRIES(
            "retries",
            Type.INT,
            Scope.CLIENT,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE,
            "Producer: how often a batch is resent after a retriable error (Kafka's default: effectively forever, "
                    + "bounded by delivery.timeout.ms). 0 reports the first error, as leaderlab did before."),
    DELIVERY_TIMEOUT_MS(
            "delivery.timeout.ms",
            Type.LONG,
            Scope.CLIENT,
            12000,
            120000,
            "Producer: a batch not acknowledged this long after it was created expires with a TimeoutException."),
    RETRY_BACKOFF_MS(
            "retry.backoff.ms",
            Type.LONG,
            Scope.CLIENT,
            100,
            100,
            "Producer and consumer: wait before retrying and refreshing metadata (Kafka also backs off "
                    + "exponentially up to retry.backoff.max.ms=1000; leaderlab keeps it fixed)."),
    MAX_BLOCK_MS(
            "max.block.ms",
            Type.LONG,
            Scope.CLIENT,
            6000,
            60000,
            "Producer: how long a produce waits for the topic's metadata when no broker answers before it fails."),
    ENABLE_IDEMPOTENCE(
            "enable.idempotence",
            Type.BOOLEAN,
            Scope.CLIENT,
            true,
            true,
            "Producer: each batch carries a producer id and sequence numbers, so a leader drops a retried batch it "
                    + "already holds instead of writing it twice. Needs acks=all, retries > 0 and "
                    + "max.in.flight.requests.per.connection <= 5; left at its default, retries 0 or acks other than "
                    + "all turn it off quietly, set explicitly the producer refuses to start; more than 5 in flight "
                    + "refuses it either way (Kafka 4.x)."),
    MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION(
            "max.in.flight.requests.per.connection",
            Type.INT,
            Scope.CLIENT,
            5,
            5,
            "Producer: most produce requests waiting for an answer from one broker; more wait their turn."),
    DEFAULT_API_TIMEOUT_MS(
            "default.api.timeout.ms",
            Type.LONG,
            Scope.CLIENT,
            6000,
            60000,
            "Consumer: how long one consume (a poll) keeps fetching through a failover before it returns no "
                    + "records for a partition (kafka-console-consumer's --timeout-ms)."),
    LOG_FLUSH_INTERVAL_MS(
            "log.flush.interval.ms",
            Type.LONG,
            Scope.CLUSTER,
            1000,
            30000,
            "How often brokers flush logs to disk; a power loss (kill --power-loss) loses what was not flushed. "
                    + "(Kafka leaves flushing to the OS by default, typically about 30 s.)"),
    ELIGIBLE_LEADER_REPLICAS_VERSION(
            "eligible.leader.replicas.version",
            Type.INT,
            Scope.FEATURE,
            1,
            1,
            "Feature level of eligible leader replicas (KIP-966): 1 (a freshly formatted Kafka 4.4 cluster) or 0 "
                    + "(as before 4.1: the ISR never empties). Set with `feature set`, not `config set`."),
    NETWORK_LATENCY_MS(
            "network.latency.ms", Type.LONG, Scope.CLUSTER, 1, 1, "One-way latency of every message (leaderlab only).");

    public enum Type {
        LONG,
        INT,
        BOOLEAN,
        ACKS
    }

    /**
     * Where a key may be set: per topic (and cluster-wide default), cluster-wide only, client side, or a
     * finalized feature level (Kafka's kafka-features, stored in the metadata log like a config here).
     */
    public enum Scope {
        TOPIC,
        CLUSTER,
        CLIENT,
        FEATURE
    }

    private final String key;
    private final Type type;
    private final Scope scope;
    private final Object classroomDefault;
    private final Object kafkaDefault;
    private final String doc;

    ConfigKey(String key, Type type, Scope scope, Object classroomDefault, Object kafkaDefault, String doc) {
        this.key = key;
        this.type = type;
        this.scope = scope;
        this.classroomDefault = normalize(type, classroomDefault);
        this.kafkaDefault = normalize(type, kafkaDefault);
        this.doc = doc;
    }

    private static Object normalize(Type type, Object value) {
        return type == Type.LONG ? Long.valueOf(((Number) value).longValue()) : value;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public Scope scope() {
        return scope;
    }

    public String doc() {
        return doc;
    }

    public Object defaultValue(boolean kafkaTimings) {
        return kafkaTimings ? kafkaDefault : classroomDefault;
    }

    public static Optional<ConfigKey> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.toList());
    }

    /**
     * Parses a value typed by a user.
     *
     * @throws IllegalArgumentException with a one-line message saying what would be right
     */
    public Object parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case BOOLEAN:
                if (value.equals("true") || value.equals("false")) {
                    return Boolean.valueOf(value);
                }
                throw new IllegalArgumentException(key + " must be true or false, got '" + text + "'");
            case ACKS:
                if (value.equals("0") || value.equals("1") || value.equals("all") || value.equals("-1")) {
                    return value.equals("-1") ? "all" : value;
                }
                throw new IllegalArgumentException(key + " must be 0, 1 or all, got '" + text + "'");
            default:
                long number;
                try {
                    number = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'");
                }
                long min = minimum();
                if (number < min || (type == Type.INT && number > Integer.MAX_VALUE)) {
                    throw new IllegalArgumentException(key + " must be at least " + min + ", got " + number);
                }
                if (scope == Scope.FEATURE && number > 1) {
                    throw new IllegalArgumentException(key + " must be 0 or 1, got " + number);
                }
                return type == Type.INT ? Integer.valueOf((int) number) : Long.valueOf(number);
        }
    }

    private long minimum() {
        return this == NETWORK_LATENCY_MS || this == RETRIES || scope == Scope.FEATURE ? 0 : 1;
    }
}
