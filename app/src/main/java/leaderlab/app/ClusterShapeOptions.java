package leaderlab.app;

import leaderlab.cluster.ClusterOptions;
import leaderlab.kafka.local.LocalKafkaOptions;
import picocli.CommandLine.Option;

/**
 * The options of a command that runs the same cluster on the simulator and on a real local Kafka
 * ({@code compare}, {@code bench failover-vs-kafka}): its shape and timings, the same on both sides.
 * A picocli mixin, so the two commands say them, and default them, alike.
 */
final class ClusterShapeOptions {

    @Option(
            names = "--brokers",
            paramLabel = "N",
            converter = LaunchOptions.WholeNumber.class,
            description = "brokers on both sides (default 3)")
    long brokers = 3;

    @Option(
            names = "--racks",
            paramLabel = "R",
            converter = LaunchOptions.WholeNumber.class,
            description = "racks on both sides (default none)")
    long racks;

    @Option(
            names = "--controllers",
            paramLabel = "N",
            converter = LaunchOptions.WholeNumber.class,
            description = "KRaft controllers on both sides (default 3; on real Kafka each is a JVM of its own)")
    long controllers = ClusterOptions.DEFAULT_CONTROLLERS;

    @Option(
            names = "--kafka-timings",
            description = "Kafka's own default timings on both sides instead of the classroom ones")
    boolean kafkaTimings;

    /**
     * The simulator's side.
     *
     * @throws IllegalArgumentException with a one-line reason when the shape is out of range for either side
     */
    ClusterOptions simulator(long seed, boolean deterministic) {
        ClusterOptions options = new ClusterOptions(
                LaunchOptions.clamp(brokers),
                LaunchOptions.clamp(racks),
                seed,
                deterministic,
                kafkaTimings,
                LaunchOptions.clamp(controllers));
        LocalKafkaOptions.like(options);
        return options;
    }
}
