package leaderlab.kafka.local;

/**
 * The shape of a local Kafka cluster: brokers with ids 1..brokers, a KRaft controller quorum of its
 * own processes (so killing a broker never touches the quorum), racks and timings as the simulator has them.
 *
 * @param brokers      broker ids 1..brokers
 * @param racks        racks r1..rN assigned round-robin, 0 for none
 * @param controllers  KRaft voters, node ids {@link #FIRST_CONTROLLER_ID} and up
 * @param kafkaTimings Kafka's default timings instead of leaderlab's classroom ones
 * @param serverConfigs settings every node starts with, over the timings (a lesson's front matter, e.g.
 *                     auto.leader.rebalance.enable, which Kafka does not take as a dynamic config)
 * @param brokerHeapMb each broker JVM's maximum heap ({@link #DEFAULT_BROKER_HEAP_MB} unless a cluster of
 *                     thousands of partitions needs more)
 */
public record LocalKafkaOptions(
        int brokers,
        int racks,
        int controllers,
        boolean kafkaTimings,
        java.util.Map<String, String> serverConfigs,
        int brokerHeapMb) {

    public LocalKafkaOptions(int brokers, int racks, int controllers, boolean kafkaTimings) {
        this(brokers, racks, controllers, kafkaTimings, java.util.Map.of());
    }

    public LocalKafkaOptions(
            int brokers,
            int racks,
            int controllers,
            boolean kafkaTimings,
            java.util.Map<String, String> serverConfigs) {
        this(brokers, racks, controllers, kafkaTimings, serverConfigs, DEFAULT_BROKER_HEAP_MB);
    }

    /**
     * A cap, not a size: a node starts with 128 MiB and its serial collector grows the heap only as the
     * live data needs, so a classroom broker stays at about 285 MiB resident. The cap lets a cluster of
     * 10,000 partitions run (issue 15: the window stays usable there): a Kafka 4.4 broker kept 387 MiB
     * live after a full GC at 9,000 replicas, and with a 1 GiB cap it was collecting all the time.
     */
    public static final int DEFAULT_BROKER_HEAP_MB = 1792;

    /** Each real broker is a JVM of about 350 MiB: more than this does not belong on a laptop. */
    public static final int MAX_BROKERS = 9;

    public static final int MAX_CONTROLLERS = 5;

    /**
     * The first controller's node id, apart from broker ids (Kafka needs them all unique); the same
     * ids as the simulator's controllers (101, 102, 103), so commands and output name them alike.
     */
    public static final int FIRST_CONTROLLER_ID = 101;

    public LocalKafkaOptions {
        serverConfigs = java.util.Map.copyOf(serverConfigs);
        if (brokers < 1 || brokers > MAX_BROKERS) {
            throw new IllegalArgumentException(
                    "--brokers must be between 1 and " + MAX_BROKERS + " for a real Kafka cluster, got " + brokers);
        }
        if (racks < 0 || racks > brokers) {
            throw new IllegalArgumentException(
                    "--racks must be between 0 and the number of brokers (" + brokers + "), got " + racks);
        }
        if (brokerHeapMb < 128) {
            throw new IllegalArgumentException("a broker needs a heap of at least 128 MiB, got " + brokerHeapMb);
        }
        if (controllers < 1 || controllers > MAX_CONTROLLERS) {
            throw new IllegalArgumentException(
                    "--controllers must be between 1 and " + MAX_CONTROLLERS + ", got " + controllers);
        }
    }

    /** A real cluster of the simulator's shape and timings. */
    public static LocalKafkaOptions like(leaderlab.cluster.ClusterOptions simulator) {
        return new LocalKafkaOptions(
                simulator.brokers(), simulator.racks(), simulator.controllers(), simulator.kafkaTimings());
    }

    /** The same cluster with brokers of this maximum heap. */
    public LocalKafkaOptions withBrokerHeapMb(int heapMb) {
        return new LocalKafkaOptions(brokers, racks, controllers, kafkaTimings, serverConfigs, heapMb);
    }

    public String rackOf(int broker) {
        return racks == 0 ? null : "r" + ((broker - 1) % racks + 1);
    }

    public int controllerId(int index) {
        return FIRST_CONTROLLER_ID + index;
    }
}
