package leaderlab.cluster;

/**
 * How to start a cluster.
 *
 * @param brokers      number of brokers, ids 1..brokers
 * @param racks        number of racks r1..rN assigned round-robin, 0 for none
 * @param seed         seed for every random choice
 * @param simulated    deterministic simulated runtime (true) or live threads (false)
 * @param kafkaTimings Kafka's own default timings instead of classroom ones
 * @param controllers  voters of the controller quorum, node ids 101..100+controllers
 */
public record ClusterOptions(
        int brokers, int racks, long seed, boolean simulated, boolean kafkaTimings, int controllers) {

    public static final int MAX_BROKERS = 64;
    /** Production KRaft clusters run three controllers; one gives a single controller that never fails over. */
    public static final int DEFAULT_CONTROLLERS = 3;

    public static final int MAX_CONTROLLERS = 9;

    public ClusterOptions(int brokers, int racks, long seed, boolean simulated, boolean kafkaTimings) {
        this(brokers, racks, seed, simulated, kafkaTimings, DEFAULT_CONTROLLERS);
    }

    public ClusterOptions {
        if (controllers < 1 || controllers > MAX_CONTROLLERS) {
            throw new IllegalArgumentException(
                    "--controllers must be between 1 and " + MAX_CONTROLLERS + ", got " + controllers);
        }
        if (brokers < 1 || brokers > MAX_BROKERS) {
            throw new IllegalArgumentException("--brokers must be between 1 and " + MAX_BROKERS + ", got " + brokers);
        }
        if (racks < 0 || racks > brokers) {
            throw new IllegalArgumentException(
                    "--racks must be between 0 and the number of brokers (" + brokers + "), got " + racks);
        }
    }

    public static ClusterOptions simulated(int brokers, long seed) {
        return new ClusterOptions(brokers, 0, seed, true, false);
    }

    public ClusterOptions withControllers(int count) {
        return new ClusterOptions(brokers, racks, seed, simulated, kafkaTimings, count);
    }

    /** The controllers' node ids, in KRaft's one id space with the brokers. */
    public java.util.List<Integer> controllerIds() {
        return java.util.stream.IntStream.range(0, controllers)
                .mapToObj(i -> leaderlab.cluster.runtime.Address.FIRST_CONTROLLER_ID + i)
                .toList();
    }

    public String rackOf(int broker) {
        return racks == 0 ? null : "r" + ((broker - 1) % racks + 1);
    }
}
