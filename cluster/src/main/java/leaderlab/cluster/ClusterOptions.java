package leaderlab.cluster;

/**
 * How to start a cluster.
 *
 * @param brokers      number of brokers, ids 1..brokers
 * @param racks        number of racks r1..rN assigned round-robin, 0 for none
 * @param seed         seed for every random choice
 * @param simulated    deterministic simulated runtime (true) or live threads (false)
 * @param kafkaTimings Kafka's own default timings instead of classroom ones
 */
public record ClusterOptions(int brokers, int racks, long seed, boolean simulated, boolean kafkaTimings) {

    public static final int MAX_BROKERS = 64;

    public ClusterOptions {
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

    public String rackOf(int broker) {
        return racks == 0 ? null : "r" + ((broker - 1) % racks + 1);
    }
}
