package leaderlab.cluster.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The network between nodes, shared by both runtimes. It decides the fate of each message: lost, or
 * delivered after a delay. Faults are replaced as a whole (copy-on-write), so senders on any thread
 * read a consistent set without locking.
 */
public final class Network {

    private record State(List<NetworkFault> faults, Map<NetworkFault.Link, LinkRule> effective) {
    }

    private final long baseLatencyMs;
    private volatile State state = new State(List.of(), Map.of());

    public Network(long baseLatencyMs) {
        this.baseLatencyMs = baseLatencyMs;
    }

    /** Delivery delay for one message, or -1 if the network loses it. */
    public long deliveryDelayMs(Address from, Address to, Random random) {
        Map<NetworkFault.Link, LinkRule> effective = state.effective;
        if (effective.isEmpty()) {
            return baseLatencyMs;
        }
        LinkRule rule = effective.get(new NetworkFault.Link(from, to));
        if (rule == null) {
            return baseLatencyMs;
        }
        if (rule.cut() || (rule.dropProbability() > 0 && random.nextDouble() < rule.dropProbability())) {
            return -1;
        }
        return baseLatencyMs + rule.addedDelayMs();
    }

    /** True if messages from one to the other can currently get through at all. */
    public boolean isCut(Address from, Address to) {
        LinkRule rule = state.effective.get(new NetworkFault.Link(from, to));
        return rule != null && rule.cut();
    }

    public LinkRule rule(Address from, Address to) {
        return state.effective.getOrDefault(new NetworkFault.Link(from, to), LinkRule.HEALTHY);
    }

    public synchronized void add(NetworkFault fault) {
        List<NetworkFault> faults = new ArrayList<>(state.faults);
        faults.add(fault);
        state = compose(faults);
    }

    public synchronized void heal() {
        state = new State(List.of(), Map.of());
    }

    public List<NetworkFault> faults() {
        return state.faults;
    }

    private static State compose(List<NetworkFault> faults) {
        Map<NetworkFault.Link, LinkRule> effective = new HashMap<>();
        for (NetworkFault fault : faults) {
            fault.links().forEach((link, rule) -> effective.merge(link, rule, LinkRule::combine));
        }
        return new State(List.copyOf(faults), Map.copyOf(effective));
    }
}
