package leaderlab.shell.command;

import java.util.List;
import java.util.function.Consumer;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.view.SnapshotSource;
import leaderlab.shell.bundle.RunLog;
import leaderlab.shell.bundle.Split;

/**
 * What commands act on: the cluster, plus what the shell remembers between commands (the last
 * produce, whether the user asked to quit).
 */
public final class Session {

    // Volatile: the window reads it on the FX thread after a reset on the command thread swaps it.
    private volatile Cluster cluster;
    /** What commands read the cluster through when there is no simulated one (a real Kafka cluster), else null. */
    private final SnapshotSource source;

    private volatile boolean liveEvents = true;
    private boolean interactive;
    private List<ProduceResult> lastProduce = List.of();
    private AdminResult lastElection;
    private boolean quit;
    private Dispatcher dispatcher;
    private RunLog runLog;
    /** The original run while a fork of it is current (see {@code fork}), else null; read by the window. */
    private volatile RunLog suspendedRun;
    /** The cluster time the current fork branched off its original at (meaningful while in a fork). */
    private volatile long forkedAtMs;
    /** Hears every split a command ran (the window opens it side by side); called on the command thread. */
    private volatile Consumer<Split.Outcome> splitShown = outcome -> {};

    private volatile boolean simulatorPlayed;
    /** Wakes the command thread when a trigger fires while no line waits (set by the command runner). */
    private volatile Runnable triggersDue = () -> {};

    public Session(Cluster cluster) {
        this(cluster, null);
    }

    private Session(Cluster cluster, SnapshotSource source) {
        this.cluster = cluster;
        this.source = source;
        this.runLog = cluster == null ? null : new RunLog(cluster);
    }

    /**
     * A session whose commands act on something other than the simulator (a real Kafka cluster): each
     * of its commands holds its own target, nothing is recorded for {@code save run}, and
     * {@link #cluster()} says there is no simulated cluster.
     */
    public static Session withoutCluster() {
        return new Session(null, null);
    }

    /**
     * As {@link #withoutCluster()}, with the cluster's state and journal read from {@code source}: the
     * commands that only read a cluster (describe, events, the conditions of expect and wait) read it
     * through {@link #snapshots()} whatever the cluster is.
     */
    public static Session withoutCluster(SnapshotSource source) {
        return new Session(null, source);
    }

    /** The cluster as data: the simulator itself, or the source a session without one was given. */
    public SnapshotSource snapshots() {
        Cluster now = cluster;
        if (now != null) {
            return now;
        }
        if (source == null) {
            throw new IllegalStateException("this session has neither a simulated cluster nor a snapshot source");
        }
        return source;
    }

    /**
     * Tells the owner of the command thread when fired triggers wait for it, on this cluster and
     * every cluster that replaces it. Lines that wait for cluster time run them themselves.
     */
    public void onTriggersDue(Runnable wake) {
        triggersDue = wake;
        if (cluster != null) {
            cluster.onTriggersDue(wake);
        }
    }

    /** Whether this session drives the simulator (a session {@link #withoutCluster()} does not). */
    public boolean simulated() {
        return cluster != null;
    }

    /** The simulated cluster; a session {@link #withoutCluster()} has none (IllegalStateException). */
    public Cluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("this session drives a real Kafka cluster, not the simulator");
        }
        return cluster;
    }

    /** Runs the lines of triggers that fired (a session without a simulated cluster has no triggers). */
    public void runDueTriggers() {
        if (cluster != null) {
            cluster.runDueTriggers();
        }
    }

    /** Replaces the cluster (reset), closing the old one. */
    public void replaceCluster(Cluster fresh) {
        Cluster old = cluster;
        fresh.onTriggersDue(triggersDue);
        cluster = fresh;
        runLog = new RunLog(fresh);
        lastProduce = List.of();
        old.close();
        if (suspendedRun != null) {
            suspendedRun.cluster().close();
            suspendedRun = null;
        }
    }

    /**
     * Puts another run in place without closing the current one (a fork and its original), and
     * returns the current one's log so it can be switched back exactly as it was.
     */
    public RunLog swapRun(RunLog other) {
        RunLog current = runLog;
        other.cluster().onTriggersDue(triggersDue);
        runLog = other;
        cluster = other.cluster();
        lastProduce = List.of();
        return current;
    }

    /** The original run a fork was made from, or null when no fork is current. */
    public RunLog suspendedRun() {
        return suspendedRun;
    }

    /** Enters a fork made at {@code atMs} (the original is {@code run}), or leaves it (null). */
    public void setSuspendedRun(RunLog run, long atMs) {
        this.forkedAtMs = atMs;
        this.suspendedRun = run;
    }

    /** When the current fork branched off (see {@link #suspendedRun}). */
    public long forkedAtMs() {
        return forkedAtMs;
    }

    /**
     * A window plays this session's simulator on the wall clock (its Play button), so {@code time speed}
     * has something to set: the window follows the command's result.
     */
    public void setSimulatorPlayed(boolean played) {
        simulatorPlayed = played;
    }

    public boolean simulatorPlayed() {
        return simulatorPlayed;
    }

    /** Tells {@code listener} about every split run from now on (see {@code split}). */
    public void onSplit(Consumer<Split.Outcome> listener) {
        splitShown = listener;
    }

    /** A split ran: whoever shows splits (the window) hears of it. */
    public void showSplit(Split.Outcome outcome) {
        splitShown.accept(outcome);
    }

    /** The commands that acted on the current cluster (what {@code save run} writes); null without one. */
    public RunLog runLog() {
        return runLog;
    }

    /** Whether the interactive shell prints cluster events above the prompt as they happen. */
    public boolean liveEvents() {
        return liveEvents;
    }

    public void setLiveEvents(boolean on) {
        this.liveEvents = on;
    }

    /** True in the interactive shell, false for scripts, standard input and lessons. */
    public boolean interactive() {
        return interactive;
    }

    public void setInteractive(boolean value) {
        this.interactive = value;
    }

    public List<ProduceResult> lastProduce() {
        return lastProduce;
    }

    public void setLastProduce(List<ProduceResult> results) {
        this.lastProduce = List.copyOf(results);
    }

    /** The controller's answer to the last {@code elect}, or null before one (what {@code compare} reads). */
    public AdminResult lastElection() {
        return lastElection;
    }

    public void setLastElection(AdminResult result) {
        this.lastElection = result;
    }

    void attach(Dispatcher owner) {
        this.dispatcher = owner;
    }

    /** Every command this session's dispatcher knows. */
    public CommandRegistry registry() {
        return dispatcher.registry();
    }

    /** Lets an observer see every top-level line from now on (a recording that starts). */
    public void observe(Dispatcher.Observer observer) {
        dispatcher.addObserver(observer);
    }

    public void stopObserving(Dispatcher.Observer observer) {
        dispatcher.removeObserver(observer);
    }

    /** Runs another command line through the same dispatcher (used by aliases and lessons). */
    public Result run(String line) {
        return dispatcher.execute(line);
    }

    /** Runs the line a fired trigger asked for, on the command thread, seen by every observer. */
    public Result runTriggered(String line) {
        return dispatcher.executeTriggered(line);
    }

    public boolean quitRequested() {
        return quit;
    }

    public void requestQuit() {
        quit = true;
    }
}
