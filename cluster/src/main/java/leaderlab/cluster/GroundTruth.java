package leaderlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Network;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What is actually happening to each broker, whatever the controller believes: a stalled process,
 * a slow disk, who it is cut off from (flapping links and one-way cuts included). The one place that
 * answers "who is cut off from whom": a link counts as cut when either direction is cut at this moment
 * (a one-way cut still breaks every request or its response), and a flapping fault counts only while
 * it is on; "the controller" is the active one (the quorum's leader). The shell's describe and the window's drawing both read the result from the snapshot.
 * Safe from any thread (it reads only what the runtime and the network publish).
 */
final class GroundTruth {

    private final NodeRuntime runtime;
    /** The active controller's id. */
    private final IntSupplier activeController;
    /** Broker id to append latency of its slow disk: hardware, so it outlives restarts. */
    private final Map<Integer, Long> slowDisks = new ConcurrentHashMap<>();

    GroundTruth(NodeRuntime runtime, IntSupplier activeController) {
        this.runtime = runtime;
        this.activeController = activeController;
    }

    long slowDiskMs(int broker) {
        return slowDisks.getOrDefault(broker, 0L);
    }

    /** @param latencyMs 0 for a healthy disk */
    void setSlowDisk(int broker, long latencyMs) {
        if (latencyMs > 0) {
            slowDisks.put(broker, latencyMs);
        } else {
            slowDisks.remove(broker);
        }
    }

    /** Hosts whose power went with the broker (kill --power-loss): connections to them time out. */
    private final Set<Integer> hostsDown = ConcurrentHashMap.newKeySet();

    boolean hostDown(int broker) {
        return hostsDown.contains(broker);
    }

    void setHostDown(int broker, boolean down) {
        if (down) {
            hostsDown.add(broker);
        } else {
            hostsDown.remove(broker);
        }
    }

    /** The broker's reality now, among {@code brokers} (every broker id). */
    ClusterSnapshot.Reality of(int id, Set<Integer> brokers) {
        Network network = runtime.network();
        if (network.faults().isEmpty() && slowDisks.isEmpty() && runtime.stalledUntil(Address.broker(id)) == 0) {
            return ClusterSnapshot.Reality.HEALTHY;
        }
        Address broker = Address.broker(id);
        long now = runtime.nowMs();
        List<Integer> cutFrom = new ArrayList<>();
        for (int other : brokers) {
            if (other != id && cut(network, broker, Address.broker(other), now)) {
                cutFrom.add(other);
            }
        }
        boolean flapping = network.faults().stream()
                .anyMatch(f -> f.flapPeriodMs() > 0
                        && f.links().keySet().stream().anyMatch(l -> l.from().equals(broker) || l.to().equals(broker)));
        return new ClusterSnapshot.Reality(
                runtime.stalledUntil(broker),
                slowDiskMs(id),
                cut(network, Address.client(0), broker, now),
                cut(network, broker, Address.controller(activeController.getAsInt()), now),
                List.copyOf(cutFrom),
                flapping);
    }

    private static boolean cut(Network network, Address a, Address b, long nowMs) {
        return network.isCutAt(a, b, nowMs) || network.isCutAt(b, a, nowMs);
    }
}
