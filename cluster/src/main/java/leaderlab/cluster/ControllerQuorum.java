package leaderlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.controller.Controller;
import leaderlab.cluster.controller.ControllerView;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.quorum.QuorumStorage;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.view.BrokerView;

/**
 * The cluster's controllers, for {@link Cluster}: starts them (each with a log and quorum state that
 * survive its restarts, as on disk), and finds the active one's view for snapshots. When no controller
 * leads the quorum, the metadata readers see is the newest any broker has replayed: what the cluster
 * still acts on.
 */
final class ControllerQuorum {

    private final NodeRuntime runtime;
    private final Configs configs;
    private final List<Integer> ids;
    private final Map<Integer, Controller> controllers = new TreeMap<>();
    private final Map<Integer, QuorumStorage> storages = new TreeMap<>();

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
        controllers.put(id, controller);
        runtime.start(Address.controller(id), controller);
    }

    void startAll() {
        ids.forEach(this::start);
    }

    boolean isRunning(int id) {
        return runtime.isRunning(Address.controller(id));
    }

    /** The running controller that leads the highest epoch, or null while the quorum has no leader. */
    Controller active() {
        Controller best = null;
        int bestEpoch = -1;
        for (Map.Entry<Integer, Controller> entry : controllers.entrySet()) {
            QuorumView quorum = entry.getValue().quorumView();
            if (quorum != null && quorum.isLeader() && quorum.epoch() > bestEpoch && isRunning(entry.getKey())
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
     * The active controller's view; without one, the newest metadata a running broker has replayed,
     * with no sessions (nobody tracks them), or null before any metadata exists.
     */
    ControllerView view(Iterable<BrokerView> brokers) {
        Controller active = active();
        if (active != null) {
            return active.view();
        }
        MetadataView newest = null;
        for (BrokerView broker : brokers) {
            MetadataView metadata = broker.metadata();
            if (metadata != null && (newest == null || metadata.offset() > newest.offset())) {
                newest = metadata;
            }
        }
        return newest == null ? null : new ControllerView(newest, new TreeMap<>());
    }
}
