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

    private record State(
            List<NetworkFault> faults, Map<NetworkFault.Link, LinkRule> effective, List<NetworkFault> flapping) {}

    /** Salt that keeps the network's stream apart from every node's (which are seeded from the same seed). */
    private static final long NETWORK_STREAM = 0x6E6574776F726BL;

    private final long baseLatencyMs;
    /**
     * The network's own seeded stream, for lossy links: drawing from the sender's would shift what
     * that node draws next (the controller's placement, say) whenever a link loses messages.
     */
    private final Random random;

    private volatile State state = new State(List.of(), Map.of(), List.of());

    public Network(long baseLatencyMs, long seed) {
        this.baseLatencyMs = baseLatencyMs;
        this.random = new Random(seed ^ NETWORK_STREAM);
    }

    /** Delivery delay for one message sent at {@code nowMs}, or -1 if the network loses it. */
    public long deliveryDelayMs(Address from, Address to, long nowMs) {
        State current = state;
        if (current.effective.isEmpty() && current.flapping.isEmpty()) {
            return baseLatencyMs;
        }
        NetworkFault.Link link = new NetworkFault.Link(from, to);
        LinkRule rule = current.effective.get(link);
        for (NetworkFault fault : current.flapping) {
            LinkRule flap = fault.activeAt(nowMs) ? fault.links().get(link) : null;
            if (flap != null) {
                rule = rule == null ? flap : rule.combine(flap);
            }
        }
        if (rule == null) {
            return baseLatencyMs;
        }
        if (rule.cut() || (rule.dropProbability() > 0 && random.nextDouble() < rule.dropProbability())) {
            return -1;
        }
        return baseLatencyMs + rule.addedDelayMs();
    }

    /** Whether messages from one to the other are cut at {@code nowMs}, flapping faults included. */
    public boolean isCutAt(Address from, Address to, long nowMs) {
        State current = state;
        LinkRule rule = current.effective.get(new NetworkFault.Link(from, to));
        if (rule != null && rule.cut()) {
            return true;
        }
        for (NetworkFault fault : current.flapping) {
            LinkRule flap = fault.links().get(new NetworkFault.Link(from, to));
            if (flap != null && flap.cut() && fault.activeAt(nowMs)) {
                return true;
            }
        }
        return false;
    }

    public synchronized void add(NetworkFault fault) {
        List<NetworkFault> faults = new ArrayList<>(state.faults);
        faults.add(fault);
        state = compose(faults);
    }

    public synchronized void heal() {
        state = new State(List.of(), Map.of(), List.of());
    }

    public List<NetworkFault> faults() {
        return state.faults;
    }

    private static State compose(List<NetworkFault> faults) {
        Map<NetworkFault.Link, LinkRule> effective = new HashMap<>();
        List<NetworkFault> flapping = new ArrayList<>();
        for (NetworkFault fault : faults) {
            if (fault.flapPeriodMs() > 0) {
                flapping.add(fault);
            } else {
                fault.links().forEach((link, rule) -> effective.merge(link, rule, LinkRule::combine));
            }
        }
        return new State(List.copyOf(faults), Map.copyOf(effective), List.copyOf(flapping));
    }
}
