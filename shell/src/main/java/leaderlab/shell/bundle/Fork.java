package leaderlab.shell.bundle;

import java.util.List;
import java.util.Locale;
import leaderlab.cluster.Cluster;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * A what-if branch of a simulated run: a fresh cluster with the run's options and seed that replays
 * the run's commands up to a past moment, then becomes the session's cluster while the original is
 * kept, untouched, until {@link #unfork}. Simulated time moves only inside commands, so a command ends
 * when the next one starts, and a moment inside a command that only lets time pass ({@code wait}) is
 * reached by letting less time pass.
 */
public final class Fork {

    /** Where a fork starts: the commands to replay, then the cluster time to let pass up to. */
    record Plan(List<RunBundle.Entry> replay, long atMs, String note) {}

    private Fork() {}

    /** Forks the session's run at {@code atMs} and returns what to tell the user. */
    public static Result fork(Session session, long atMs) {
        if (session.suspendedRun() != null) {
            throw new CommandException("already in a fork; unfork first (forks do not nest)");
        }
        RunLog original = session.runLog();
        if (!original.cluster().options().simulated()) {
            throw new CommandException("fork needs a seeded run: a live cluster's past cannot be replayed exactly "
                    + "(start with --seed N, or reset --seed N)");
        }
        Plan plan = plan(original, atMs);
        Cluster fork = Cluster.start(original.cluster().options());
        if (fork.nowMs() > plan.atMs()) {
            fork.close();
            throw new CommandException("the run starts at " + seconds(fork.nowMs()) + "; fork at that time or later");
        }
        RunLog forkLog = new RunLog(fork);
        session.swapRun(forkLog);
        session.setSuspendedRun(original, plan.atMs());
        for (RunBundle.Entry entry : plan.replay()) {
            long startMs = fork.nowMs();
            forkLog.record(entry.line(), startMs, session.run(entry.line()));
        }
        if (fork.nowMs() < plan.atMs()) {
            String wait = "wait " + (plan.atMs() - fork.nowMs()) + "ms";
            long startMs = fork.nowMs();
            forkLog.record(wait, startMs, session.run(wait));
        }
        return Result.ok("forked at " + seconds(fork.nowMs()) + " by replaying "
                + plan.replay().size() + " command(s) of the run" + plan.note()
                + "; the original is kept as it was: unfork returns to it");
    }

    /** Goes back to the original run, exactly as it was when the fork was made; the fork is thrown away. */
    public static Result unfork(Session session) {
        RunLog original = session.suspendedRun();
        if (original == null) {
            throw new CommandException("not in a fork (fork at TIME makes one)");
        }
        RunLog fork = session.swapRun(original);
        session.setSuspendedRun(null, 0);
        fork.cluster().close();
        return Result.ok(
                "back in the original run at " + seconds(original.cluster().nowMs()) + " (the fork at "
                        + seconds(fork.cluster().nowMs()) + " is gone)");
    }

    static Plan plan(RunLog run, long atMs) {
        long nowMs = run.cluster().nowMs();
        if (atMs > nowMs) {
            throw new CommandException("cannot fork at " + seconds(atMs) + ": the run is only at " + seconds(nowMs));
        }
        List<RunBundle.Entry> entries = run.entries();
        int whole = 0;
        // The run as it was when its clock reached atMs: a command that starts at atMs itself (a kill
        // takes no time) has not happened yet, so "fork at" the time of a kill forks before it.
        while (whole < entries.size() && entries.get(whole).startMs() < atMs && endOf(entries, whole, nowMs) <= atMs) {
            whole++;
        }
        if (whole == entries.size() || entries.get(whole).startMs() >= atMs) {
            return new Plan(entries.subList(0, whole), atMs, "");
        }
        RunBundle.Entry spanning = entries.get(whole);
        if (onlyPassesTime(spanning.line())) {
            return new Plan(entries.subList(0, whole), atMs, " and part of '" + spanning.line() + "'");
        }
        return new Plan(
                entries.subList(0, whole),
                spanning.startMs(),
                String.format(
                        Locale.ROOT,
                        " (%s falls inside '%s', which runs %s-%s and does more than let time pass, so the fork starts "
                                + "just before it)",
                        seconds(atMs),
                        spanning.line(),
                        seconds(spanning.startMs()),
                        seconds(endOf(entries, whole, nowMs))));
    }

    /** A command ends where the next begins (simulated time moves only inside commands). */
    private static long endOf(List<RunBundle.Entry> entries, int index, long nowMs) {
        return index + 1 < entries.size() ? entries.get(index + 1).startMs() : nowMs;
    }

    /** wait D and wait until C change nothing but the time, so stopping one early is a shorter wait. */
    private static boolean onlyPassesTime(String line) {
        String[] words = line.strip().split("\\s+");
        return words[0].equals("wait");
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03ds", ms / 1000, ms % 1000);
    }
}
