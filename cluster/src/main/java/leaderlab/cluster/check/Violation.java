package leaderlab.cluster.check;

/**
 * A safety invariant that did not hold.
 *
 * @param invariant its name, e.g. LeaderInIsr
 * @param partition the partition it concerns
 * @param message   the values involved, in one sentence
 */
public record Violation(String invariant, String partition, String message, long timeMs) {

    @Override
    public String toString() {
        return invariant + " on " + partition + ": " + message;
    }
}
