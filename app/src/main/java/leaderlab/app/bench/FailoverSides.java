package leaderlab.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.kafka.local.LocalKafkaOptions;

/**
 * {@code leaderlab bench failover-vs-kafka}: the same failover on real Kafka and on leaderlab live, in one
 * run. Each side gets the same brokers, controllers, timings and topics (RF 3, in topics of
 * {@link #PARTITIONS_PER_TOPIC}); broker 1, which leads about 1/N of them, is killed, and the time until
 * every partition it led has a new leader is read back; then it is restarted and a preferred election
 * gives it its partitions back for the next repetition. The sides run one after the other (never at once:
 * on two cores they would time each other's scheduling), and the medians are printed with their ratio.
 */
public final class FailoverSides {

    /** One topic per thousand partitions, as {@code bench fence} makes them. */
    static final int PARTITIONS_PER_TOPIC = 1000;

    /** Leads about 1/N of the partitions, as every broker does after creation with Kafka's placer. */
    static final int VICTIM = 1;

    /** One cluster, leaderlab's or Kafka's. */
    interface Side extends AutoCloseable {
        String name();

        /** Creates topics until there are this many partitions, and waits until every replica is in sync. */
        void growTo(int partitions) throws InterruptedException;

        /** Kills the broker and times its partitions' failover. */
        FailoverWatch.Timing failOnce(int victim) throws InterruptedException;

        /** Restarts it, waits until it is back in every ISR, and gives it its leaderships back. */
        void restore(int victim) throws InterruptedException;

        @Override
        void close();
    }

    private final PrintStream out;

    public FailoverSides(PrintStream out) {
        this.out = out;
    }

    /** @param live leaderlab's side (live: real threads, the wall clock); Kafka's is shaped and timed alike */
    public void run(ClusterOptions live, List<Integer> partitionCounts, int repetitions) throws InterruptedException {
        int brokers = live.brokers();
        boolean kafkaTimings = live.kafkaTimings();
        int most = partitionCounts.get(partitionCounts.size() - 1);
        LocalKafkaOptions kafka = LocalKafkaOptions.like(live).withBrokerHeapMb(brokerHeapMb(most * 3 / brokers));
        out.printf(
                Locale.ROOT,
                "failover-vs-kafka: %d brokers, %d controllers, RF 3, %s (%s=%s, %s=%s); kill broker %d, %d "
                        + "repetition(s) per size; leaders read every %d ms plus the read's own time%n",
                brokers,
                live.controllers(),
                kafkaTimings ? "Kafka's default timings" : "classroom timings",
                ConfigKey.BROKER_SESSION_TIMEOUT_MS.key(),
                ConfigKey.BROKER_SESSION_TIMEOUT_MS.defaultValue(kafkaTimings),
                ConfigKey.BROKER_HEARTBEAT_INTERVAL_MS.key(),
                ConfigKey.BROKER_HEARTBEAT_INTERVAL_MS.defaultValue(kafkaTimings),
                VICTIM,
                repetitions,
                FailoverWatch.PAUSE_MS);
        Map<Integer, List<FailoverWatch.Timing>> leaderlab =
                measure(() -> new LiveFailover(live), partitionCounts, repetitions);
        Map<Integer, List<FailoverWatch.Timing>> real =
                measure(() -> new KafkaFailover(kafka, out::println), partitionCounts, repetitions);
        out.println("failover-vs-kafka: kill to every partition of the killed broker with a new leader, medians"
                + " (the read interval bounds each: the change happened between the last two reads)");
        out.printf(
                Locale.ROOT,
                "%10s %6s %14s %10s %14s %10s %16s%n",
                "partitions",
                "led",
                "kafka ms",
                "read ms",
                "leaderlab ms",
                "read ms",
                "kafka/leaderlab");
        for (int partitions : partitionCounts) {
            Summary k = Summary.of(real.get(partitions));
            Summary l = Summary.of(leaderlab.get(partitions));
            out.printf(
                    Locale.ROOT,
                    "%10d %6d %14.0f %10.0f %14.0f %10.0f %16.2f%n",
                    partitions,
                    k.led,
                    k.allMs,
                    k.readMs,
                    l.allMs,
                    l.readMs,
                    k.allMs / l.allMs);
        }
    }

    private Map<Integer, List<FailoverWatch.Timing>> measure(
            Supplier<Side> start, List<Integer> partitionCounts, int repetitions) throws InterruptedException {
        Map<Integer, List<FailoverWatch.Timing>> timings = new LinkedHashMap<>();
        long startNanos = System.nanoTime();
        try (Side side = start.get()) {
            out.printf(Locale.ROOT, "%s: cluster up in %.1f s%n", side.name(), (System.nanoTime() - startNanos) / 1e9);
            for (int partitions : partitionCounts) {
                long growNanos = System.nanoTime();
                side.growTo(partitions);
                out.printf(
                        Locale.ROOT,
                        "%s: %,d partitions created and in sync in %.1f s%n",
                        side.name(),
                        partitions,
                        (System.nanoTime() - growNanos) / 1e9);
                List<FailoverWatch.Timing> runs = new ArrayList<>();
                for (int rep = 1; rep <= repetitions; rep++) {
                    FailoverWatch.Timing timing = side.failOnce(VICTIM);
                    runs.add(timing);
                    out.printf(
                            Locale.ROOT,
                            "%s: %,d partitions, run %d: broker %d led %d; first new leader seen at %.0f ms, "
                                    + "all at %.0f ms (%d reads, %d unanswered, the last two %.0f ms apart; load average %.1f)%n",
                            side.name(),
                            partitions,
                            rep,
                            VICTIM,
                            timing.partitions(),
                            timing.firstMs(),
                            timing.allMs(),
                            timing.reads(),
                            timing.failedReads(),
                            timing.readMs(),
                            loadAverage());
                    if (rep < repetitions || partitions != partitionCounts.get(partitionCounts.size() - 1)) {
                        side.restore(VICTIM);
                    }
                }
                timings.put(partitions, runs);
            }
        }
        return timings;
    }

    /**
     * A broker's heap cap for this many replicas: about four times what a Kafka 4.4 broker kept live here
     * (387 MiB after a full GC at 9,000 replicas, most of it per-partition metric names, strings and
     * fetch-session entries), so its serial collector is not collecting all the time; never below the
     * default, which covers 10,000.
     */
    static int brokerHeapMb(int replicasPerBroker) {
        return Math.max(LocalKafkaOptions.DEFAULT_BROKER_HEAP_MB, 256 + replicasPerBroker * 150 / 1000);
    }

    /** The machine's load: on a shared two-core machine it says how much to trust a number. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The medians of a size's runs. */
    private record Summary(int led, double allMs, double readMs) {
        static Summary of(List<FailoverWatch.Timing> runs) {
            return new Summary(
                    runs.get(0).partitions(),
                    median(runs.stream()
                            .mapToDouble(FailoverWatch.Timing::allMs)
                            .toArray()),
                    median(runs.stream()
                            .mapToDouble(FailoverWatch.Timing::readMs)
                            .toArray()));
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
