package leaderlab.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.controller.Controller;
import leaderlab.cluster.controller.ControllerView;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.quorum.QuorumStorage;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.view.BrokerView;

/**
 * The cluster's controllers, for {@link Cluster}: starts them (each with a log and quorum state that
 * survive its restarts, as on disk), and finds the active one's view for snapshots. When no controller
 * leads the quorum (or the new leader has not committed yet), readers see the newest committed metadata
 * anyone still holds: the last view an active controller published, or a broker's newer replay. It is
 * never older than what readers saw before: committed metadata is not lost, so neither is its view. The
 * process map is replaced whole on a restart (on the command thread), so snapshots may read it from any
 * thread.
 */
final class ControllerQuorum {

    private final NodeRuntime runtime;
    private final Configs configs;
    private final List<Integer> ids;
    private volatile SortedMap<Integer, Controller> controllers = Collections.emptySortedMap();
    private final Map<Integer, QuorumStorage> storages = new TreeMap<>();
    /**
     * The newest committed metadata an active controller published. Without it, killing the broker that
     * had replayed the most while no controller leads made the snapshot's metadata go back in time.
     */
    private final AtomicReference<MetadataView> newestCommitted = new AtomicReference<>();

    ControllerQuorum(NodeRuntime runtime, Configs configs, List<Integer> ids) {
        this.runtime = runtime;
        this.configs = configs;
        this.ids = List.copyOf(ids);
        for (int id : ids) {
            storages.put(id, new QuorumStorage(id, ids));
        }
    }

    List<Integer> ids() {
        return ids;
    }

    boolean isController(int id) {
        return storages.containsKey(id);
    }

    void start(int id) {
        Controller controller = new Controller(configs, storages.get(id));
        SortedMap<Integer, Controller> next = new TreeMap<>(controllers);
        next.put(id, controller);
        controllers = Collections.unmodifiableSortedMap(next);
        runtime.start(Address.controller(id), controller);
    }

    void startAll() {
        ids.forEach(this::start);
    }

    boolean isRunning(int id) {
        return runtime.isRunning(Address.controller(id));
    }

    void requireRunning(int id, boolean running) {
        if (isRunning(id) != running) {
            throw new IllegalArgumentException("controller " + id
                    + (running
                            ? " is already stopped; restart " + id + " starts it"
                            : " is already running; kill " + id + " first"));
        }
    }

    /** The active controller's id; while there is none, the first controller's (whose links still matter). */
    int activeId() {
        Controller active = active();
        return active == null ? ids.get(0) : active.quorumView().id();
    }

    /** The active controller's view, or null while the quorum has no leader. */
    ControllerView activeView() {
        Controller active = active();
        return active == null ? null : active.view();
    }

    /** Whether the active controller has all {@code brokers} registered and unfenced. */
    boolean allBrokersUnfenced(int brokers) {
        ControllerView view = activeView();
        return view != null
                && view.metadata().brokers().size() >= brokers
                && view.metadata().brokers().values().stream().allMatch(BrokerRegistration::active);
    }

    /** The running controller that leads the highest epoch, or null while the quorum has no leader. */
    Controller active() {
        Controller best = null;
        int bestEpoch = -1;
        for (Map.Entry<Integer, Controller> entry : controllers.entrySet()) {
            QuorumView quorum = entry.getValue().quorumView();
            if (quorum != null
                    && quorum.isLeader()
                    && quorum.epoch() > bestEpoch
                    && isRunning(entry.getKey())
                    && entry.getValue().view() != null) {
                best = entry.getValue();
                bestEpoch = quorum.epoch();
            }
        }
        return best;
    }

    /**
     * Whether the active controller's view is the newest truth: it leads the highest epoch any running
     * controller knows. Otherwise (no leader, or a new leader that has not committed yet) readers see
     * older metadata than some broker may act on, so checks that compare views at one instant must wait.
     */
    boolean viewIsCurrent() {
        Controller active = active();
        if (active == null) {
            return false;
        }
        int epoch = active.quorumView().epoch();
        return views().stream().noneMatch(view -> view.epoch() > epoch);
    }

    /** The paused controllers, by id, to the cluster time their pause ends. */
    Map<Integer, Long> stalls() {
        Map<Integer, Long> stalls = new TreeMap<>();
        for (int id : ids) {
            long until = runtime.stalledUntil(Address.controller(id));
            if (until > 0) {
                stalls.put(id, until);
            }
        }
        return Collections.unmodifiableMap(stalls);
    }

    /** Each running controller's quorum state, by id; stopped ones are left out. */
    List<QuorumView> views() {
        List<QuorumView> views = new ArrayList<>(controllers.size());
        for (Map.Entry<Integer, Controller> entry : controllers.entrySet()) {
            QuorumView view = entry.getValue().quorumView();
            if (view != null && isRunning(entry.getKey())) {
                views.add(view);
            }
        }
        return List.copyOf(views);
    }

    /**
     * The active controller's view; without one, the newest committed metadata: the last an active
     * controller published or a running broker's newer replay (both are prefixes of the one committed
     * log), with no sessions (nobody tracks them), or null before any metadata exists.
     */
    ControllerView view(Iterable<BrokerView> brokers) {
        ControllerView activeView = activeView();
        if (activeView != null) {
            newestCommitted.accumulateAndGet(activeView.metadata(), ControllerQuorum::newer);
            return activeView;
        }
        MetadataView newest = newestCommitted.get();
        for (BrokerView broker : brokers) {
            newest = newer(newest, broker.metadata());
        }
        return newest == null ? null : new ControllerView(newest, new TreeMap<>());
    }

    private static MetadataView newer(MetadataView a, MetadataView b) {
        return b != null && (a == null || b.offset() > a.offset()) ? b : a;
    }
}
