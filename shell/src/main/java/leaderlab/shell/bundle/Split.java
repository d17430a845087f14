package leaderlab.shell.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.journal.JournalDigest;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionView;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * Two simulated clusters with the same options and seed, each set up by its own line (the one
 * difference, e.g. {@code config set acks 1} against {@code config set acks all}), then driven by the
 * same commands: what each printed, the first event where their journals part, and how their
 * outcomes differ.
 */
public final class Split {

    /**
     * One side: its setup line, what each command printed, where its journal stood after setup, and the
     * cluster as each command left it (a window steps both sides through the run with these).
     */
    public record Side(
            String setup,
            List<Result> results,
            Journal journal,
            long setupEvents,
            List<ClusterSnapshot> afterEach,
            ClusterSnapshot end,
            long lost) {}

    /** Both sides; {@code divergence} is the first event (counted from after setup) that differs, or -1. */
    public record Outcome(List<String> commands, Side left, Side right, long divergence) {}

    private Split() {}

    public static Outcome run(
            ClusterOptions options,
            CommandRegistry registry,
            String leftSetup,
            String rightSetup,
            List<String> commands) {
        ClusterOptions seeded =
                new ClusterOptions(options.brokers(), options.racks(), options.seed(), true, options.kafkaTimings());
        Side left = side(seeded, registry, leftSetup, commands);
        Side right = side(seeded, registry, rightSetup, commands);
        return new Outcome(
                List.copyOf(commands),
                left,
                right,
                firstDifference(left.journal(), left.setupEvents(), right.journal(), right.setupEvents()));
    }

    private static Side side(ClusterOptions options, CommandRegistry registry, String setup, List<String> commands) {
        try (Cluster cluster = Cluster.start(options)) {
            Dispatcher dispatcher = new Dispatcher(registry, new Session(cluster));
            Result setupResult = dispatcher.execute(setup);
            if (setupResult.status() == Result.Status.ERROR) {
                throw new leaderlab.shell.command.CommandException("the setup '" + setup + "' was rejected: "
                        + String.join(" ", setupResult.lines()).replaceFirst("^error: ", ""));
            }
            long setupEvents = cluster.journal().size();
            List<Result> results = new ArrayList<>();
            List<ClusterSnapshot> afterEach = new ArrayList<>();
            for (String line : commands) {
                results.add(dispatcher.execute(line));
                afterEach.add(cluster.snapshot());
            }
            cluster.checkNow();
            return new Side(
                    setup,
                    results,
                    cluster.journal(),
                    setupEvents,
                    List.copyOf(afterEach),
                    cluster.snapshot(),
                    cluster.ledger().lostCount());
        }
    }

    /**
     * The first event, counted from {@code leftFrom} in one journal and {@code rightFrom} in the other,
     * whose typed fields differ; -1 when neither has an event the other lacks.
     */
    public static long firstDifference(Journal left, long leftFrom, Journal right, long rightFrom) {
        long leftCount = left.size() - leftFrom;
        long rightCount = right.size() - rightFrom;
        for (long i = 0; i < Math.min(leftCount, rightCount); i++) {
            if (!JournalDigest.fields(left.get(leftFrom + i)).equals(JournalDigest.fields(right.get(rightFrom + i)))) {
                return i;
            }
        }
        return leftCount == rightCount ? -1 : Math.min(leftCount, rightCount);
    }

    /** The side's event at {@code index} after setup, or null when its journal is shorter. */
    public static Event eventAt(Side side, long index) {
        long seq = side.setupEvents() + index;
        return seq < side.journal().size() ? side.journal().get(seq) : null;
    }

    /** The outcomes' differences in one line: leader, ISR and HW per partition that differs, and losses. */
    public static String outcomeDiff(Outcome outcome) {
        return outcomeDiff(
                outcome.left().end(),
                outcome.left().lost(),
                outcome.right().end(),
                outcome.right().lost());
    }

    /** Two clusters' differences in one line (a split's two sides, or a fork and its original). */
    public static String outcomeDiff(ClusterSnapshot left, long leftLost, ClusterSnapshot right, long rightLost) {
        List<String> parts = new ArrayList<>();
        Set<String> topics = new TreeSet<>();
        left.topics().forEach(topic -> topics.add(topic.name()));
        right.topics().forEach(topic -> topics.add(topic.name()));
        for (String topic : topics) {
            int partitions = Math.max(count(left, topic), count(right, topic));
            for (int p = 0; p < partitions; p++) {
                String l = state(left.partition(topic, p));
                String r = state(right.partition(topic, p));
                if (!l.equals(r)) {
                    parts.add(topic + "-" + p + " " + l + " | " + r);
                }
            }
        }
        if (leftLost != rightLost) {
            parts.add("lost " + leftLost + " | " + rightLost + " acknowledged record(s)");
        }
        return parts.isEmpty()
                ? "same outcome on both sides (leaders, ISR, HW, lost records)"
                : String.join("; ", parts);
    }

    private static int count(ClusterSnapshot snapshot, String topic) {
        return snapshot.topic(topic) == null ? 0 : snapshot.topic(topic).partitionCount();
    }

    private static String state(PartitionView p) {
        if (p == null) {
            return "(none)";
        }
        return String.format(
                Locale.ROOT,
                "leader %s ISR [%s] HW %d",
                p.leader() < 0 ? "none (offline)" : p.leader(),
                Replicas.format(p.isr()),
                p.highWatermark());
    }
}
