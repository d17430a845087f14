package leaderlab.kafka;

import java.util.Arrays;

/**
 * What one observer poll of a real cluster costs, for {@code bench failover-vs-kafka}: the median time of
 * a read of everything with every high watermark (what a command reads, and what the observer read before
 * it read them a slice a poll), and of the observer's own bounded read. Wall-clock times of Admin calls on
 * the calling thread; the cluster is not changed.
 *
 * @param partitions   partitions in the cluster when measured
 * @param fullMs       median of the reads of every high watermark
 * @param boundedMs    median of the observer's polls, {@link HighWatermarkSlice#OBSERVER_PER_POLL} a poll
 */
public record PollCost(int partitions, double fullMs, double boundedMs) {

    /** How many high watermarks the observer reads a poll. */
    public static final int OBSERVER_HIGH_WATERMARKS_PER_POLL = HighWatermarkSlice.OBSERVER_PER_POLL;

    /** Reads the cluster {@code polls} times each way, the two ways taking turns. */
    public static PollCost measure(RealCluster cluster, int polls) {
        HighWatermarkSlice slice = new HighWatermarkSlice(OBSERVER_HIGH_WATERMARKS_PER_POLL);
        double[] full = new double[polls];
        double[] bounded = new double[polls];
        int partitions = 0;
        for (int i = 0; i < polls; i++) {
            long start = System.nanoTime();
            RealState state = cluster.state();
            full[i] = (System.nanoTime() - start) / 1e6;
            partitions =
                    state.topics().stream().mapToInt(t -> t.partitions().size()).sum();
            start = System.nanoTime();
            cluster.state(slice, state);
            bounded[i] = (System.nanoTime() - start) / 1e6;
        }
        return new PollCost(partitions, median(full), median(bounded));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
