package leaderlab.app.window;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The network cuts of a snapshot, as the cluster view draws them: which brokers cannot reach clients or
 * the controller, and which broker pairs are cut. Read from each broker's {@link ClusterSnapshot.Reality}
 * (the cluster's one computation of who is cut off from whom, flapping and direction included), so the
 * window never disagrees with describe.
 */
public final class NetworkCuts {

    /** An unordered broker pair, low id first. */
    public record Pair(int low, int high) implements Comparable<Pair> {
        static Pair of(int a, int b) {
            return new Pair(Math.min(a, b), Math.max(a, b));
        }

        @Override
        public int compareTo(Pair other) {
            return low != other.low ? Integer.compare(low, other.low) : Integer.compare(high, other.high);
        }
    }

    public static final NetworkCuts NONE = new NetworkCuts(List.of());

    private final Set<Integer> fromClients = new TreeSet<>();
    private final Set<Integer> fromController = new TreeSet<>();
    private final Set<Pair> brokerPairs = new TreeSet<>();

    private NetworkCuts(List<ClusterSnapshot.BrokerState> brokers) {
        for (ClusterSnapshot.BrokerState broker : brokers) {
            ClusterSnapshot.Reality reality = broker.reality();
            if (reality.cutFromClients()) {
                fromClients.add(broker.id());
            }
            if (reality.cutFromController()) {
                fromController.add(broker.id());
            }
            reality.cutFromBrokers().forEach(other -> brokerPairs.add(Pair.of(broker.id(), other)));
        }
    }

    /** What tells two snapshots' cuts apart: equal keys draw the same cuts. */
    Object key() {
        return List.of(fromClients, fromController, brokerPairs);
    }

    public static NetworkCuts of(ClusterSnapshot snapshot) {
        return new NetworkCuts(snapshot.brokers());
    }

    public boolean cutFromClients(int broker) {
        return fromClients.contains(broker);
    }

    public boolean cutFromController(int broker) {
        return fromController.contains(broker);
    }

    public Set<Pair> brokerPairs() {
        return brokerPairs;
    }

    /** From what a broker is cut off, in words: "isolated from clients", "isolated from brokers 1,3". */
    public String isolation(int broker) {
        List<String> from = new java.util.ArrayList<>();
        if (fromClients.contains(broker)) {
            from.add("clients");
        }
        if (fromController.contains(broker)) {
            from.add("controller");
        }
        List<String> peers = peers(broker).stream().map(String::valueOf).toList();
        if (!peers.isEmpty()) {
            from.add((peers.size() == 1 ? "broker " : "brokers ") + String.join(",", peers));
        }
        return from.isEmpty() ? "connected" : "isolated from " + String.join(" + ", from);
    }

    /** Cut off from clients or the controller, or from at least one other broker. */
    public boolean isolated(int broker) {
        return fromClients.contains(broker)
                || fromController.contains(broker)
                || !peers(broker).isEmpty();
    }

    private Set<Integer> peers(int broker) {
        Set<Integer> peers = new TreeSet<>();
        for (Pair pair : brokerPairs) {
            if (pair.low() == broker || pair.high() == broker) {
                peers.add(pair.low() == broker ? pair.high() : pair.low());
            }
        }
        return peers;
    }
}
