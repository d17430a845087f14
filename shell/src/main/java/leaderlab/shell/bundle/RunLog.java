package leaderlab.shell.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.journal.JournalDigest;
import leaderlab.shell.command.Result;

/**
 * Every command line that acted on one cluster since it started, with the cluster time it started at
 * and the journal's size and digest after it: the material of a run bundle. Lines that were rejected
 * (nothing changed) and lines about files or the session itself are left out, so replaying the log
 * does exactly what the cluster saw. Used on the command thread only.
 */
public final class RunLog {

    /** Commands that write files or switch runs: replaying them would not reproduce the cluster, or would write again. */
    private static final Set<String> NOT_RECORDED =
            Set.of("save", "export", "fork", "unfork", "record", "lesson", "present", "help", "replay", "split");

    private static final java.util.regex.Pattern PLAIN_WAIT = java.util.regex.Pattern.compile("wait (\\d{1,9})ms");

    private final Cluster cluster;
    /** Fed up to the end of {@link #digested} entries only when a bundle is asked for, so commands pay nothing. */
    private final JournalDigest digest = new JournalDigest();
    /** Recorded lines; their digests are filled in lazily (null until {@link #entries} computes them). */
    private final List<RunBundle.Entry> entries = new ArrayList<>();

    private int digested;

    public RunLog(Cluster cluster) {
        this.cluster = cluster;
    }

    public Cluster cluster() {
        return cluster;
    }

    /** Records a top-level line that ran on this log's cluster, which started at {@code startMs}. */
    public void record(String line, long startMs, Result result) {
        String command = line.strip();
        if (result.status() == Result.Status.ERROR
                || command.isEmpty()
                || command.startsWith("#")
                || NOT_RECORDED.contains(command.split("\\s+", 2)[0])) {
            return;
        }
        long events = cluster.journal().size();
        long waitedMs = plainWaitMs(command);
        int last = entries.size() - 1;
        if (waitedMs >= 0 && last >= digested && plainWaitMs(entries.get(last).line()) >= 0) {
            // The window's play clock ticks as many short waits; in the simulator one wait of their sum is
            // the same run, so they are kept as one line and a session's bundle stays small.
            RunBundle.Entry previous = entries.get(last);
            entries.set(
                    last,
                    new RunBundle.Entry(
                            previous.startMs(),
                            "wait " + (plainWaitMs(previous.line()) + waitedMs) + "ms",
                            events,
                            null));
            return;
        }
        entries.add(new RunBundle.Entry(startMs, command, events, null));
    }

    /** The milliseconds of a line of the form {@code wait Nms}, or -1 for any other line. */
    private static long plainWaitMs(String line) {
        java.util.regex.Matcher wait = PLAIN_WAIT.matcher(line);
        return wait.matches() ? Long.parseLong(wait.group(1)) : -1;
    }

    /** Every recorded line with the journal's size and digest after it (digests computed now, once). */
    public List<RunBundle.Entry> entries() {
        for (; digested < entries.size(); digested++) {
            RunBundle.Entry entry = entries.get(digested);
            while (digest.events() < entry.eventsAfter()) {
                digest.add(cluster.journal().get(digest.events()));
            }
            entries.set(
                    digested, new RunBundle.Entry(entry.startMs(), entry.line(), entry.eventsAfter(), digest.hex()));
        }
        return List.copyOf(entries);
    }

    /** The bundle of this run so far. */
    public RunBundle bundle() {
        List<RunBundle.Entry> done = entries();
        digest.catchUp(cluster.journal());
        return new RunBundle(cluster.options(), done, digest.events(), digest.hex());
    }
}
