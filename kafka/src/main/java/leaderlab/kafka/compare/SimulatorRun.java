package leaderlab.kafka.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionView;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;

/**
 * A script on the deterministic simulator, every line run (a failed expect does not stop it: it is an
 * observation like any other), each observation taken from the cluster's snapshot and the commands'
 * results as data.
 */
final class SimulatorRun {

    /**
     * One line as the simulator ran it.
     *
     * @param observation what it observed, null for a line that is not compared
     * @param before      the state of every topic before a produce or elect: where Kafka should be when
     *                    it runs the same line; null otherwise
     * @param tookMs      the simulated time the line took
     */
    record Line(
            ScriptLine line, Result result, Observation observation, SortedMap<String, String> before, long tookMs) {}

    private SimulatorRun() {}

    /** Runs the lines; a line the simulator rejects is bad input (IllegalArgumentException, naming it). */
    static List<Line> run(List<ScriptLine> script, ClusterOptions options) {
        List<Line> lines = new ArrayList<>();
        try (Cluster cluster = Cluster.start(options)) {
            Session session = new Session(cluster);
            Dispatcher dispatcher = new Dispatcher(CoreCommands.registry(), session);
            for (ScriptLine line : script) {
                List<String> words = line.words();
                Observation.Kind kind = Observation.Kind.of(words);
                SortedMap<String, String> before = kind == Observation.Kind.PRODUCE || kind == Observation.Kind.ELECT
                        ? state(cluster.snapshot(), cluster.snapshot().topics())
                        : null;
                long startMs = cluster.nowMs();
                Result result = dispatcher.execute(line.text());
                if (result.status() == Result.Status.ERROR) {
                    throw new IllegalArgumentException("line " + line.number() + ": the simulator rejects '"
                            + line.text() + "': " + String.join(" ", result.lines()));
                }
                Observation observation =
                        kind == null ? null : observe(line, kind, words, result, session, cluster.snapshot());
                lines.add(new Line(line, result, observation, before, cluster.nowMs() - startMs));
            }
        }
        return lines;
    }

    private static Observation observe(
            ScriptLine line,
            Observation.Kind kind,
            List<String> words,
            Result result,
            Session session,
            ClusterSnapshot snapshot) {
        SortedMap<String, String> fields = new TreeMap<>();
        switch (kind) {
            case DESCRIBE -> fields.putAll(state(snapshot, described(words, snapshot)));
            case PRODUCE -> {
                for (ProduceResult r : session.lastProduce()) {
                    String outcome = r.error().isError() ? r.error().name() : "acked";
                    long first = r.acknowledged() ? r.baseOffset() : -1;
                    Observation.produced(
                            fields, r.partition(), outcome, first, first + r.count() - 1, r.leader(), r.retries());
                }
            }
            case ELECT -> {
                AdminResult election = session.lastElection();
                for (AdminResult.PartitionResult r : election.partitions()) {
                    String name = r.partition().toString();
                    fields.put(name + " election", electionOutcome(r.error()));
                    fields.put(
                            name + " leader",
                            Observation.leader(snapshot.partition(
                                            r.partition().topic(), r.partition().partition())
                                    .leader()));
                }
            }
            case EXPECT -> fields.put("holds", result.isOk() ? "yes" : "no");
        }
        return new Observation(line.number(), line.text(), kind, fields);
    }

    static String electionOutcome(Errors error) {
        return error == Errors.NONE ? "elected" : error == Errors.ELECTION_NOT_NEEDED ? "not needed" : error.name();
    }

    /** describe's topic, or every topic. */
    private static Collection<TopicInfo> described(List<String> words, ClusterSnapshot snapshot) {
        if (words.size() > 1 && !words.get(1).startsWith("--")) {
            TopicInfo topic = snapshot.topic(words.get(1));
            return topic == null ? List.of() : List.of(topic);
        }
        return snapshot.topics();
    }

    /** Every partition's leader, replicas, ISR, ELR and HW. */
    static SortedMap<String, String> state(ClusterSnapshot snapshot, Collection<TopicInfo> topics) {
        SortedMap<String, String> fields = new TreeMap<>();
        for (TopicInfo topic : topics) {
            for (PartitionView p : snapshot.partitions(topic)) {
                Observation.partition(
                        fields, p.name(), p.leader(), ids(p.replicas()), ids(p.isr()), ids(p.elr()), p.highWatermark());
            }
        }
        return fields;
    }

    private static List<Integer> ids(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
