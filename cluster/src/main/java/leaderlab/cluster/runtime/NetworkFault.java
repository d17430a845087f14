package leaderlab.cluster.runtime;

import java.util.Map;

/**
 * One named fault the operator injected, as the set of directed links it affects. Faults add up;
 * {@code heal} removes them all.
 *
 * @param description what the operator asked for, e.g. "isolate broker 2 from clients"
 * @param links       directed link (from, to) to the rule applied on it
 * @param flapPeriodMs 0 for a steady fault; else it switches on and off every this many ms
 */
public record NetworkFault(String description, Map<Link, LinkRule> links, long flapPeriodMs) {

    public NetworkFault(String description, Map<Link, LinkRule> links) {
        this(description, links, 0);
    }

    /** A flapping fault applies during every other period: off for one, on for the next. */
    public boolean activeAt(long nowMs) {
        return flapPeriodMs <= 0 || (nowMs / flapPeriodMs) % 2 == 1;
    }

    public record Link(Address from, Address to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }
}
