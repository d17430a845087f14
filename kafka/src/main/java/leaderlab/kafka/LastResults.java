package leaderlab.kafka;

import java.util.List;
import java.util.Map;

/**
 * What the last {@code produce} and the last {@code elect} on a real cluster came to, as data rather
 * than the lines they printed: what {@code compare} holds against the simulator's results. Written on
 * the command thread, read there after the command.
 */
public final class LastResults {

    /**
     * One partition's produce outcome.
     *
     * @param outcome     "acked", or Kafka's error name (NOT_ENOUGH_REPLICAS)
     * @param firstOffset the first acknowledged offset, -1 unless acknowledged with acks 1 or all
     * @param leader      the leader the producer names for the partition after the answer, -1 if none
     * @param retries     how often the producer resent the batch (see {@link Clients.Batch})
     */
    public record Produced(
            String partition, String outcome, long firstOffset, long lastOffset, int count, int leader, int retries) {}

    private List<Produced> produced = List.of();
    private Map<String, String> elected = Map.of();

    public List<Produced> produced() {
        return produced;
    }

    void setProduced(List<Produced> outcomes) {
        produced = List.copyOf(outcomes);
    }

    /** Partition name to "elected", "not needed" or Kafka's error name, for the partitions Kafka answered. */
    public Map<String, String> elected() {
        return elected;
    }

    void setElected(Map<String, String> outcomes) {
        elected = Map.copyOf(outcomes);
    }
}
