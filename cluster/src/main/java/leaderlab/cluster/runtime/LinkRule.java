package leaderlab.cluster.runtime;

/**
 * What the network does to messages on one directed link.
 *
 * @param cut             every message is lost
 * @param dropProbability each message is lost with this probability (0..1)
 * @param addedDelayMs    extra latency on top of the network's base latency
 */
public record LinkRule(boolean cut, double dropProbability, long addedDelayMs) {

    public static final LinkRule HEALTHY = new LinkRule(false, 0, 0);

    public LinkRule combine(LinkRule other) {
        return new LinkRule(
                cut || other.cut,
                1 - (1 - dropProbability) * (1 - other.dropProbability),
                addedDelayMs + other.addedDelayMs);
    }

    public boolean isHealthy() {
        return !cut && dropProbability == 0 && addedDelayMs == 0;
    }
}
