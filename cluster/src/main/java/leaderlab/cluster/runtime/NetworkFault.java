package leaderlab.cluster.runtime;

import java.util.Map;

/**
 * One named fault the operator injected, as the set of directed links it affects. Faults add up;
 * {@code heal} removes them all.
 *
 * @param description what the operator asked for, e.g. "isolate broker 2 from clients"
 * @param links       directed link (from, to) to the rule applied on it
 */
public record NetworkFault(String description, Map<Link, LinkRule> links) {

    public record Link(Address from, Address to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }
}
