package leaderlab.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Network;
import leaderlab.cluster.runtime.NetworkFault;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What is really happening to a broker, whatever the controller believes: the one computation of who
 * is cut off from whom. A link counts as cut when either direction is cut at this moment (a one-way
 * cut still breaks every request and its response), and a flapping fault counts only while it is on.
 * The shell's describe and the window's drawing both read the result from the snapshot.
 */
final class BrokerReality {

    private BrokerReality() {
    }

    static ClusterSnapshot.Reality of(int id, NodeRuntime runtime, Map<Integer, Long> slowDisks, Collection<Integer> brokers) {
        Network network = runtime.network();
        Address broker = Address.broker(id);
        if (network.faults().isEmpty() && slowDisks.isEmpty() && runtime.stalledUntil(broker) == 0) {
            return ClusterSnapshot.Reality.HEALTHY;
        }
        long now = runtime.nowMs();
        List<Integer> cutFrom = new ArrayList<>();
        for (int other : brokers) {
            if (other != id && cut(network, broker, Address.broker(other), now)) {
                cutFrom.add(other);
            }
        }
        boolean flapping = network.faults().stream().anyMatch(f -> f.flapPeriodMs() > 0 && touches(f, broker));
        return new ClusterSnapshot.Reality(runtime.stalledUntil(broker), slowDisks.getOrDefault(id, 0L),
                cut(network, Address.client(0), broker, now), cut(network, broker, Address.CONTROLLER, now),
                List.copyOf(cutFrom), flapping);
    }

    private static boolean cut(Network network, Address a, Address b, long nowMs) {
        return network.isCutAt(a, b, nowMs) || network.isCutAt(b, a, nowMs);
    }

    private static boolean touches(NetworkFault fault, Address broker) {
        return fault.links().keySet().stream().anyMatch(l -> l.from().equals(broker) || l.to().equals(broker));
    }
}
