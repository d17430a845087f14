package leaderlab.kafka.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import leaderlab.kafka.LastResults;
import leaderlab.kafka.RealState;
import leaderlab.shell.command.Result;

/**
 * Follows the simulator's run of a script on real Kafka, line by line, and compares each observation.
 * Kafka is brought to the simulator's checkpoints rather than read at one instant: before a produce or an
 * elect it is given the settling bound to reach the simulator's leaders, replicas and ISR; a describe that
 * differs is looked at again until it agrees or the bound runs out (then the difference is timing if it
 * vanished); expects settle as {@link KafkaLineRunner} settles them. A line Kafka cannot run that changes
 * the cluster (a network fault) ends the following: the clusters are no longer the same, so later
 * observations are not compared.
 */
final class KafkaRun {

    /** Commands that change nothing in the cluster: one Kafka cannot run is skipped, not a divergence. */
    private static final Set<String> READ_ONLY = Set.of(
            "events",
            "why",
            "brokers",
            "log",
            "history",
            "lost",
            "violations",
            "consume",
            "help",
            "quorum",
            "describe");

    private final KafkaLineRunner kafka;
    private final Consumer<String> out;
    private String stopped;

    KafkaRun(KafkaLineRunner kafka, Consumer<String> out) {
        this.kafka = kafka;
        this.out = out;
    }

    List<Comparison> follow(List<SimulatorRun.Line> lines) throws InterruptedException {
        List<Comparison> comparisons = new ArrayList<>();
        for (SimulatorRun.Line line : lines) {
            Comparison comparison = stopped != null ? notCompared(line, stopped) : step(line);
            if (comparison != null) {
                comparisons.add(comparison);
                CompareReport.lines(comparison).forEach(out);
            }
        }
        return comparisons;
    }

    private static Comparison notCompared(SimulatorRun.Line line, String why) {
        return line.observation() == null ? null : Comparison.notCompared(line.observation(), why);
    }

    private Comparison step(SimulatorRun.Line line) throws InterruptedException {
        ScriptLine script = line.line();
        Observation sim = line.observation();
        String pre = line.before() == null ? null : reach(line.before());
        long start = System.nanoTime();
        KafkaLineRunner.Outcome outcome = kafka.run(script.text());
        long tookMs = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Result result = outcome.result();
        String command = script.words().get(0);
        if (result.status() == Result.Status.ERROR) {
            String why = String.join(" ", result.lines()).replaceFirst("^error: ", "");
            if (READ_ONLY.contains(command) || command.equals("expect") || command.equals("wait")) {
                if (sim == null) {
                    out.accept(CompareReport.note(script, "skipped on kafka (" + why + ")"));
                }
                return notCompared(line, "kafka cannot: " + why);
            }
            stopped = "kafka stopped following at line " + script.number() + " (" + command + ")";
            out.accept(CompareReport.note(
                    script,
                    "kafka cannot run it (" + why + "); the clusters part here: later observations are not compared"));
            return notCompared(line, stopped);
        }
        if (isWaitUntil(script)) {
            // Not an observation: how long each side took to get there is timing by definition.
            out.accept(CompareReport.note(
                    script,
                    "took sim " + CompareReport.seconds(line.tookMs()) + ", kafka "
                            + (result.isOk()
                                    ? CompareReport.seconds(tookMs)
                                    : "longer (" + String.join(" ", result.lines()) + ")")));
        }
        if (sim == null) {
            return null;
        }
        return switch (sim.kind()) {
            case DESCRIBE -> describe(sim);
            case PRODUCE -> Comparison.of(sim, produced(sim, kafka.results()), null, -1, pre);
            case ELECT -> elect(sim, pre);
            case EXPECT -> expect(sim, outcome);
        };
    }

    private static boolean isWaitUntil(ScriptLine line) {
        List<String> words = line.words();
        return words.size() > 1 && words.get(0).equals("wait") && words.get(1).equals("until");
    }

    /**
     * Gives Kafka the settling bound to reach the simulator's state before an action, or less when its
     * state stops changing (Kafka may be ahead: a follower back in the ISR sooner); what still differs, or null.
     */
    private String reach(SortedMap<String, String> before) throws InterruptedException {
        SortedMap<String, String> wanted = checkpoint(before);
        Set<String> topics = topicsOf(before.keySet());
        KafkaLineRunner.Settled settled = kafka.settleOrStable(
                state -> checkpoint(fields(state, topics)).equals(wanted), state -> checkpoint(fields(state, topics)));
        if (settled.state() == null) {
            return "before it, Kafka did not answer within " + CompareReport.seconds(settled.elapsedMs());
        }
        List<Comparison.FieldDiff> diffs = Comparison.diff(wanted, checkpoint(fields(settled.state(), topics)));
        if (diffs.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        diffs.forEach(d -> parts.add(d.field() + " sim=" + d.sim() + " kafka=" + d.kafka()));
        return "before it, Kafka was not in the simulator's state (after " + CompareReport.seconds(settled.elapsedMs())
                + "): " + String.join(", ", parts);
    }

    /** The fields an action depends on: who leads, who replicates, who is in sync. */
    private static SortedMap<String, String> checkpoint(SortedMap<String, String> state) {
        SortedMap<String, String> out = new TreeMap<>();
        state.forEach((field, value) -> {
            if (field.endsWith(" leader") || field.endsWith(" replicas") || field.endsWith(" isr")) {
                out.put(field, value);
            }
        });
        return out;
    }

    private Comparison describe(Observation sim) throws InterruptedException {
        Set<String> topics = topicsOf(sim.fields().keySet());
        return settledLook(sim, state -> fields(state, topics), null);
    }

    /**
     * An election's outcome per partition and the leaders after it. Asked for every partition, Kafka's
     * controller leaves out those that needed no election (ReplicationControlManager.electLeaders), so a
     * partition the simulator elected and Kafka left out needed none on Kafka.
     */
    private Comparison elect(Observation sim, String pre) throws InterruptedException {
        java.util.Map<String, String> answered = kafka.results().elected();
        return settledLook(
                sim,
                state -> {
                    SortedMap<String, String> fields = new TreeMap<>();
                    for (String field : sim.fields().keySet()) {
                        String partition = field.substring(0, field.indexOf(' '));
                        RealState.Partition p = find(state, partition);
                        fields.put(partition + " election", answered.getOrDefault(partition, "not needed"));
                        fields.put(partition + " leader", p == null ? "unknown" : Observation.leader(p.leader()));
                    }
                    return fields;
                },
                pre);
    }

    /** Kafka's look, and when it differs, looks again until it agrees or the settling bound runs out. */
    private Comparison settledLook(
            Observation sim, java.util.function.Function<RealState, SortedMap<String, String>> look, String note)
            throws InterruptedException {
        RealState first = kafka.stateOrNull();
        Observation firstLook = observation(sim, first == null ? new TreeMap<>() : look.apply(first));
        if (Comparison.diff(sim.fields(), firstLook.fields()).isEmpty()) {
            return Comparison.of(sim, firstLook, null, -1, note);
        }
        KafkaLineRunner.Settled settled =
                kafka.settle(state -> look.apply(state).equals(sim.fields()));
        Observation last = observation(sim, settled.state() == null ? new TreeMap<>() : look.apply(settled.state()));
        return Comparison.of(sim, firstLook, last, settled.elapsedMs(), note);
    }

    private static Comparison expect(Observation sim, KafkaLineRunner.Outcome outcome) {
        boolean holds = outcome.result().isOk();
        String note = holds ? null : String.join(" ", outcome.result().lines());
        Observation kafka = observation(sim, new TreeMap<>(java.util.Map.of("holds", holds ? "yes" : "no")));
        if (outcome.settledMs() >= 0) {
            Observation first = observation(sim, new TreeMap<>(java.util.Map.of("holds", "no")));
            return Comparison.of(sim, first, kafka, outcome.settledMs(), null);
        }
        return Comparison.of(sim, kafka, null, -1, note);
    }

    private static Observation observation(Observation sim, SortedMap<String, String> fields) {
        return new Observation(sim.line(), sim.command(), sim.kind(), fields);
    }

    private static Observation produced(Observation sim, LastResults results) {
        SortedMap<String, String> fields = new TreeMap<>();
        for (LastResults.Produced p : results.produced()) {
            Observation.produced(
                    fields, p.partition(), p.outcome(), p.firstOffset(), p.lastOffset(), p.leader(), p.retries());
        }
        return observation(sim, fields);
    }

    private static RealState.Partition find(RealState state, String name) {
        for (RealState.Topic topic : state.topics()) {
            for (RealState.Partition p : topic.partitions()) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The topics fields cover (by their partition names). */
    private static Set<String> topicsOf(Set<String> fieldNames) {
        Set<String> topics = new java.util.TreeSet<>();
        for (String field : fieldNames) {
            String partition = field.substring(0, field.indexOf(' '));
            topics.add(partition.substring(0, partition.lastIndexOf('-')));
        }
        return topics;
    }

    /** The state fields of the given topics, as {@link Observation#partition} names them. */
    static SortedMap<String, String> fields(RealState state, Set<String> topics) {
        SortedMap<String, String> fields = new TreeMap<>();
        for (RealState.Topic topic : state.topics()) {
            if (!topics.contains(topic.name())) {
                continue;
            }
            for (RealState.Partition p : topic.partitions()) {
                Observation.partition(fields, p.name(), p.leader(), p.replicas(), p.isr(), p.elr(), p.highWatermark());
            }
        }
        return fields;
    }
}
