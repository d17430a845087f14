package leaderlab.kafka.compare;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import leaderlab.cluster.ClusterOptions;
import leaderlab.kafka.Observer;
import leaderlab.kafka.RealCluster;
import leaderlab.kafka.local.LocalKafka;
import leaderlab.kafka.local.LocalKafkaOptions;

/**
 * {@code leaderlab compare SCRIPT}: the script on the deterministic simulator, then on a real Kafka
 * cluster with the same shape and timings, and for each describe, produce, elect and expect the fields
 * that differ, ending with the tally.
 */
public final class Compare {

    /** What a compare found. */
    public record Outcome(List<Comparison> comparisons) {

        public boolean anyDisagree() {
            return comparisons.stream().anyMatch(c -> c.verdict() == Comparison.Verdict.DIFFER);
        }

        public String summary() {
            return CompareReport.summary(comparisons);
        }
    }

    private Compare() {}

    /**
     * Starts a local Kafka cluster shaped as the simulator's and compares on it; closes it after.
     *
     * @param progress hears each line as it is printed (the real side takes wall-clock time)
     */
    public static Outcome onLocalKafka(
            List<ScriptLine> script, ClusterOptions simulator, long settleMs, Consumer<String> progress)
            throws InterruptedException {
        List<SimulatorRun.Line> sim = SimulatorRun.run(script, simulator);
        progress.accept("simulator: seed " + simulator.seed() + ", " + simulator.brokers() + " broker(s), "
                + simulator.controllers() + " controller(s); starting real Kafka 4.4 with the same shape and "
                + (simulator.kafkaTimings() ? "Kafka's timings" : "classroom timings") + "...");
        try (RealCluster cluster = RealCluster.local(LocalKafka.start(LocalKafkaOptions.like(simulator)))) {
            return follow(sim, cluster, settleMs, progress);
        }
    }

    /** Compares on a cluster already running (the script's topics must not exist there yet). */
    public static Outcome on(
            RealCluster cluster, List<ScriptLine> script, ClusterOptions simulator, long settleMs, Consumer<String> out)
            throws InterruptedException {
        return follow(SimulatorRun.run(script, simulator), cluster, settleMs, out);
    }

    private static Outcome follow(List<SimulatorRun.Line> sim, RealCluster cluster, long settleMs, Consumer<String> out)
            throws InterruptedException {
        try (Observer observer = new Observer(cluster, cluster.state());
                KafkaLineRunner kafka = new KafkaLineRunner(cluster, observer, settleMs)) {
            observer.start();
            List<Comparison> comparisons = new KafkaRun(kafka, out).follow(sim);
            Outcome outcome = new Outcome(comparisons);
            out.accept(outcome.summary());
            return outcome;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Kafka side cleanly: " + e.getMessage(), e);
        }
    }

    /** Reads a script file's command lines. */
    public static List<ScriptLine> read(java.nio.file.Path file) throws IOException {
        try (java.io.BufferedReader reader =
                java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            return ScriptLine.read(reader);
        }
    }
}
