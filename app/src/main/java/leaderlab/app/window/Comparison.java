package leaderlab.app.window;

import java.util.List;
import java.util.Locale;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.bundle.Split;
import leaderlab.shell.command.Session;

/**
 * What the split screen shows: two runs of the same seed, each as the cluster at a few moments (after
 * each command of a split, or now for a fork and its original), its journal from where the runs start to
 * be compared, and its lost acknowledged records; the first event where the journals part, and the
 * one-line diff of the outcome. Immutable, so it crosses from the command thread to the FX thread.
 */
record Comparison(String heading, Side left, Side right, List<String> moments, long divergence, String diff) {

    /** One run. {@code moments} has one snapshot per entry of the comparison's {@code moments}. */
    record Side(String title, List<ClusterSnapshot> moments, Journal journal, long fromEvent, long lost) {

        /** The events compared: every one from {@link #fromEvent} on. */
        List<Event> events() {
            return journal.since(fromEvent, event -> true);
        }
    }

    Comparison {
        moments = List.copyOf(moments);
    }

    /** A split's two sides, stepped through by the commands both ran. */
    static Comparison of(Split.Outcome outcome) {
        String heading = String.format(
                Locale.ROOT,
                "Split: the same seed and %d command(s), two setups",
                outcome.commands().size());
        return new Comparison(
                heading,
                side("A: " + outcome.left().setup(), outcome.left()),
                side("B: " + outcome.right().setup(), outcome.right()),
                outcome.commands(),
                outcome.divergence(),
                Split.outcomeDiff(outcome));
    }

    private static Side side(String title, Split.Side side) {
        return new Side(title, side.afterEach(), side.journal(), side.setupEvents(), side.lost());
    }

    /**
     * The current fork beside the original it branched from. Reads the ledgers, so it runs on the command
     * thread; null when no fork is current.
     */
    static Comparison ofFork(Session session) {
        if (session.suspendedRun() == null) {
            return null;
        }
        Cluster original = session.suspendedRun().cluster();
        Cluster fork = session.cluster();
        ClusterSnapshot before = original.snapshot();
        ClusterSnapshot now = fork.snapshot();
        long originalLost = original.ledger().lostCount();
        long forkLost = fork.ledger().lostCount();
        String at = seconds(session.forkedAtMs());
        return new Comparison(
                "The original run beside the what-if fork made at " + at,
                new Side("Original run (kept as it was)", List.of(before), original.journal(), 0, originalLost),
                new Side("What-if fork from " + at, List.of(now), fork.journal(), 0, forkLost),
                List.of("now"),
                Split.firstDifference(original.journal(), 0, fork.journal(), 0),
                Split.outcomeDiff(before, originalLost, now, forkLost));
    }

    /** A cluster time as the shell writes it (and {@code fork at} reads it): 12.345s. */
    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03ds", ms / 1000, ms % 1000);
    }
}
