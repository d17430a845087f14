package leaderlab.kafka.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import leaderlab.cluster.config.ConfigKey;

/**
 * The {@code server.properties} of one node (stack.md §7 and §7.1): dedicated roles, static voters,
 * loopback listeners only, and leaderlab's timings as broker and controller configs.
 */
final class NodeConfig {

    /**
     * The simulator's settings that are Kafka broker or controller configs under the same name; the
     * others are client-side, per-topic, or leaderlab's own.
     */
    private static final List<ConfigKey> SERVER_KEYS = List.of(
            ConfigKey.BROKER_HEARTBEAT_INTERVAL_MS,
            ConfigKey.BROKER_SESSION_TIMEOUT_MS,
            ConfigKey.REPLICA_LAG_TIME_MAX_MS,
            ConfigKey.REPLICA_FETCH_WAIT_MAX_MS,
            ConfigKey.REPLICA_FETCH_BACKOFF_MS,
            ConfigKey.AUTO_LEADER_REBALANCE_ENABLE,
            ConfigKey.LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS,
            ConfigKey.CONTROLLED_SHUTDOWN_ENABLE,
            ConfigKey.NUM_PARTITIONS,
            ConfigKey.MIN_INSYNC_REPLICAS,
            ConfigKey.UNCLEAN_LEADER_ELECTION_ENABLE);

    static final String LOOPBACK = "127.0.0.1";

    private NodeConfig() {}

    /** Settings every node shares: the quorum, the listener names and the timings. */
    private static Map<String, String> common(LocalKafkaOptions options, Ports ports, Path logDir) {
        Map<String, String> props = new TreeMap<>();
        props.put("controller.quorum.voters", voters(options, ports));
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        for (ConfigKey key : SERVER_KEYS) {
            props.put(key.key(), String.valueOf(key.defaultValue(options.kafkaTimings())));
        }
        // Kafka's own default is 1; the simulator's classroom default is 3, capped at the brokers there are.
        int replication = Math.min(
                options.brokers(),
                ((Number) ConfigKey.DEFAULT_REPLICATION_FACTOR.defaultValue(options.kafkaTimings())).intValue());
        props.put(ConfigKey.DEFAULT_REPLICATION_FACTOR.key(), String.valueOf(replication));
        int internal = Math.min(3, options.brokers());
        props.put("offsets.topic.replication.factor", String.valueOf(internal));
        props.put("transaction.state.log.replication.factor", String.valueOf(internal));
        props.put("transaction.state.log.min.isr", String.valueOf(Math.min(2, internal)));
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(options.serverConfigs());
        return props;
    }

    static Map<String, String> broker(LocalKafkaOptions options, Ports ports, int id, Path logDir) {
        Map<String, String> props = common(options, ports, logDir);
        String listener = "PLAINTEXT://" + LOOPBACK + ":" + ports.broker(id);
        props.put("process.roles", "broker");
        props.put("node.id", String.valueOf(id));
        props.put("listeners", listener);
        props.put("advertised.listeners", listener);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        String rack = options.rackOf(id);
        if (rack != null) {
            props.put("broker.rack", rack);
        }
        return props;
    }

    static Map<String, String> controller(LocalKafkaOptions options, Ports ports, int index, Path logDir) {
        Map<String, String> props = common(options, ports, logDir);
        props.put("process.roles", "controller");
        props.put("node.id", String.valueOf(options.controllerId(index)));
        props.put("listeners", "CONTROLLER://" + LOOPBACK + ":" + ports.controller(index));
        return props;
    }

    private static String voters(LocalKafkaOptions options, Ports ports) {
        return IntStream.range(0, options.controllers())
                .mapToObj(i -> options.controllerId(i) + "@" + LOOPBACK + ":" + ports.controller(i))
                .collect(Collectors.joining(","));
    }

    /** As a properties file: one key=value a line, sorted, so two runs write the same file. */
    static String text(Map<String, String> props) {
        return props.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
