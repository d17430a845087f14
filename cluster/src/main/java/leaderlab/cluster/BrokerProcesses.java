package leaderlab.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import leaderlab.cluster.broker.Broker;
import leaderlab.cluster.broker.BrokerStorage;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.view.BrokerView;

/**
 * The broker processes, for {@link Cluster}: each broker's disk (which outlives its restarts) and its
 * current process. The process map is replaced whole on a restart, so snapshots may iterate it from
 * any thread; starting and validating run on the command thread.
 */
final class BrokerProcesses {

    private final ClusterOptions options;
    private final NodeRuntime runtime;
    private final GroundTruth truth;
    private volatile SortedMap<Integer, Broker> current = Collections.emptySortedMap();
    private final Map<Integer, BrokerStorage> storages = new TreeMap<>();

    BrokerProcesses(ClusterOptions options, NodeRuntime runtime, GroundTruth truth) {
        this.options = options;
        this.runtime = runtime;
        this.truth = truth;
        for (int id = 1; id <= options.brokers(); id++) {
            storages.put(id, new BrokerStorage());
        }
    }

    Map<Integer, BrokerStorage> storages() {
        return storages;
    }

    /** The current processes by id (immutable). */
    SortedMap<Integer, Broker> current() {
        return current;
    }

    /** What every running broker publishes. */
    List<BrokerView> runningViews(SortedMap<Integer, Broker> processes) {
        List<BrokerView> views = new ArrayList<>(processes.size());
        processes.forEach((id, broker) -> {
            if (runtime.isRunning(Address.broker(id))) {
                views.add(broker.view());
            }
        });
        return views;
    }

    /** Starts a new process on the broker's disk; a slow disk stays slow. */
    void start(int id) {
        Broker broker = new Broker(
                id,
                options.rackOf(id),
                storages.get(id),
                Configs.defaults(options.kafkaTimings()),
                options.controllerIds());
        SortedMap<Integer, Broker> next = new TreeMap<>(current);
        next.put(id, broker);
        current = Collections.unmodifiableSortedMap(next);
        runtime.start(Address.broker(id), broker);
        long latency = truth.slowDiskMs(id);
        if (latency > 0) {
            setAppendLatency(id, latency);
        }
    }

    /** Sets a running broker's append latency on its own thread. */
    void setAppendLatency(int id, long latencyMs) {
        Broker broker = current.get(id);
        runtime.submit(Address.broker(id), () -> broker.setAppendLatencyMs(latencyMs));
    }

    void startControlledShutdown(int id) {
        runtime.submit(Address.broker(id), current.get(id)::beginControlledShutdown);
    }

    boolean contains(int id) {
        return current.containsKey(id);
    }

    void require(int id) {
        if (!contains(id)) {
            throw new IllegalArgumentException("no broker " + id + ": brokers are 1.." + options.brokers());
        }
    }

    /** @param problem what is wrong when the broker is not {@code running}, after "broker N " */
    void requireRunning(int id, boolean running, String problem) {
        require(id);
        if (runtime.isRunning(Address.broker(id)) != running) {
            throw new IllegalArgumentException("broker " + id + " " + problem);
        }
    }
}
