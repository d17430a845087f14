package leaderlab.app.bench;

import java.util.concurrent.TimeUnit;

/**
 * Times one failover the same way on both sides of {@code bench failover-vs-kafka}: from the kill until
 * every partition the victim led shows a new leader, by reading the leaders again and again. Each read
 * is one observation; the answer is known only to within the time between two reads, which is printed
 * beside it.
 */
final class FailoverWatch {

    /** Between reads, so the watcher does not take a core from the cluster it watches (two cores here). */
    static final long PAUSE_MS = 5;

    /** One read of the leaders of the watched partitions, in a fixed order. */
    interface LeaderRead {
        /**
         * @return each watched partition's leader now, or null when this read failed (tried again)
         */
        int[] leaders() throws InterruptedException;
    }

    /**
     * @param firstMs  kill to the first read that showed any watched partition with a new leader
     * @param allMs    kill to the first read that showed every one with a new leader
     * @param reads    reads made
     * @param failedReads reads that got no answer (Kafka's Admin asked the dead broker, or timed out)
     * @param readMs   the longest time between two reads around the end: the resolution of {@code allMs}
     */
    record Timing(int partitions, double firstMs, double allMs, int reads, int failedReads, double readMs) {}

    private FailoverWatch() {}

    /**
     * Reads until no watched partition is led by {@code victim} or leaderless.
     *
     * @param killNanos {@link System#nanoTime()} just before the kill
     */
    static Timing watch(int victim, int partitions, long killNanos, LeaderRead read, long timeoutMs)
            throws InterruptedException {
        long deadline = killNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        double firstMs = -1;
        int reads = 0;
        int failedReads = 0;
        int moved = 0;
        long previousNanos = killNanos;
        while (true) {
            int[] leaders = read.leaders();
            long now = System.nanoTime();
            reads++;
            if (leaders == null) {
                failedReads++;
            } else {
                moved = moved(leaders, victim);
                if (moved > 0 && firstMs < 0) {
                    firstMs = (now - killNanos) / 1e6;
                }
                if (moved == partitions) {
                    return new Timing(
                            partitions,
                            firstMs,
                            (now - killNanos) / 1e6,
                            reads,
                            failedReads,
                            (now - previousNanos) / 1e6);
                }
            }
            if (now > deadline) {
                throw new IllegalStateException("after " + timeoutMs / 1000 + " s only " + moved + " of the "
                        + partitions + " partitions broker " + victim + " led had a new leader (" + failedReads
                        + " of " + reads + " reads unanswered)");
            }
            previousNanos = now;
            Thread.sleep(PAUSE_MS);
        }
    }

    private static int moved(int[] leaders, int victim) {
        int moved = 0;
        for (int leader : leaders) {
            if (leader != victim && leader >= 0) {
                moved++;
            }
        }
        return moved;
    }
}
