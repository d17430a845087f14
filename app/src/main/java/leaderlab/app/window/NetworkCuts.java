package leaderlab.app.window;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.LinkRule;
import leaderlab.cluster.runtime.NetworkFault;

/**
 * The network faults of a snapshot, reduced to what the cluster view draws: which brokers cannot
 * reach clients or the controller, and which broker pairs are cut. A link counts as cut if either
 * direction is (a one-way cut still breaks request and response).
 */
public final class NetworkCuts {

    /** An unordered broker pair, low id first. */
    public record Pair(int low, int high) {
        static Pair of(int a, int b) {
            return new Pair(Math.min(a, b), Math.max(a, b));
        }
    }

    public static final NetworkCuts NONE = new NetworkCuts(List.of());

    private final Set<Integer> fromClients = new TreeSet<>();
    private final Set<Integer> fromController = new TreeSet<>();
    private final Set<Pair> brokerPairs = new HashSet<>();

    public NetworkCuts(List<NetworkFault> faults) {
        for (NetworkFault fault : faults) {
            fault.links().forEach(this::add);
        }
    }

    private void add(NetworkFault.Link link, LinkRule rule) {
        if (!rule.cut()) {
            return;
        }
        Address from = link.from();
        Address to = link.to();
        if (from.isBroker() && to.isBroker()) {
            brokerPairs.add(Pair.of(from.id(), to.id()));
        } else if (from.isBroker() || to.isBroker()) {
            Address broker = from.isBroker() ? from : to;
            Address other = from.isBroker() ? to : from;
            (other.isClient() ? fromClients : fromController).add(broker.id());
        }
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
        Set<Integer> peers = new TreeSet<>();
        for (Pair pair : brokerPairs) {
            if (pair.low() == broker || pair.high() == broker) {
                peers.add(pair.low() == broker ? pair.high() : pair.low());
            }
        }
        if (!peers.isEmpty()) {
            from.add("brokers " + peers.toString().replaceAll("[\\[\\] ]", ""));
        }
        return from.isEmpty() ? "connected" : "isolated from " + String.join(" + ", from);
    }

    /** Cut off from clients or the controller, or from at least one other broker. */
    public boolean isolated(int broker) {
        return fromClients.contains(broker) || fromController.contains(broker)
                || brokerPairs.stream().anyMatch(p -> p.low() == broker || p.high() == broker);
    }
}
