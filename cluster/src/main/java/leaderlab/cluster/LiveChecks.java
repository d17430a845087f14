package leaderlab.cluster;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import leaderlab.cluster.check.SafetyChecker;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.runtime.SimulatedRuntime;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What watches the cluster while it runs: the safety checker and the armed {@code when} triggers.
 * Simulated, both look at a snapshot after every event (as Kafka's own Raft simulation tests check
 * their invariants); live, a checker thread looks at the newest snapshot every few milliseconds,
 * never blocking the nodes. Fired triggers only queue their actions; the command thread runs them.
 */
final class LiveChecks implements AutoCloseable {

    private static final long LIVE_CHECK_INTERVAL_NANOS = 20_000_000;

    private final SafetyChecker checker;
    private final Triggers triggers = new Triggers();
    private final Supplier<ClusterSnapshot> snapshots;
    private final boolean exact;
    /** Whether the active controller's view is the newest metadata (see {@link #viewsAtOneInstant}). */
    private final BooleanSupplier controllerViewCurrent;

    private final Thread liveChecker;

    /**
     * @param ready false until the cluster has a snapshot to check (an active controller has published)
     * @param controllerViewCurrent whether the active controller leads the newest epoch any controller knows
     */
    LiveChecks(
            NodeRuntime runtime,
            SafetyChecker checker,
            Supplier<ClusterSnapshot> snapshots,
            BooleanSupplier ready,
            BooleanSupplier controllerViewCurrent) {
        this.checker = checker;
        this.snapshots = snapshots;
        this.controllerViewCurrent = controllerViewCurrent;
        this.exact = runtime.isSimulated();
        runtime.betweenSteps(this::runDueTriggers);
        if (runtime instanceof SimulatedRuntime simulated) {
            simulated.afterEachEvent(this::checkOnce);
            liveChecker = null;
        } else {
            liveChecker = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            if (ready.getAsBoolean()) {
                                checkOnce();
                            }
                            LockSupport.parkNanos(LIVE_CHECK_INTERVAL_NANOS);
                        }
                    },
                    "leaderlab-checker");
            liveChecker.setDaemon(true);
            liveChecker.start();
        }
    }

    private void checkOnce() {
        checkNow();
        if (triggers.pending()) {
            triggers.fire(snapshots.get());
        }
    }

    /** Checks the newest snapshot now (live, the checker thread may be a few milliseconds behind). */
    void checkNow() {
        if (checker.enabled()) {
            ClusterSnapshot snapshot = snapshots.get();
            checker.check(snapshot, exact && viewsAtOneInstant(snapshot));
        }
    }

    /**
     * Whether the snapshot's metadata is as new as anything a node acts on: the active controller's
     * committed view, and no broker has replayed past it. Between a failover and the new leader's first
     * commit, or while records are committed but the leader has newer uncommitted ones (its view waits
     * for them), a broker can be ahead; the checks that compare views at one instant wait for then.
     */
    private boolean viewsAtOneInstant(ClusterSnapshot snapshot) {
        if (!controllerViewCurrent.getAsBoolean()) {
            return false;
        }
        long offset = snapshot.metadata().offset();
        return snapshot.brokers().stream()
                .allMatch(
                        b -> b.view().metadata() == null || b.view().metadata().offset() <= offset);
    }

    void arm(String description, Predicate<ClusterSnapshot> condition, Runnable action) {
        triggers.add(description, condition, action);
    }

    List<String> pendingTriggers() {
        return triggers.descriptions();
    }

    void runDueTriggers() {
        if (triggers.anyDue()) {
            triggers.runDue();
        }
    }

    void onTriggersDue(Runnable wake) {
        triggers.onDue(wake);
    }

    @Override
    public void close() {
        if (liveChecker != null) {
            liveChecker.interrupt();
        }
    }
}
