package leaderlab.cluster.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The simulator's queue of deliveries, ordered by (time, sequence). Most timers are timeouts that are
 * never needed (a node ignores them when they fire), so far-future items wait unsorted in buckets of
 * {@value #BUCKET_MS} ms. When the clock reaches a bucket it is sorted once and read in order beside a
 * small heap that holds what was scheduled into the current bucket after that. The order is exactly
 * that of one priority queue; only the cost differs.
 */
final class EventQueue {

    private static final long BUCKET_MS = 16;

    private final PriorityQueue<Delivery> heap = new PriorityQueue<>();
    private final TreeMap<Long, ArrayList<Delivery>> far = new TreeMap<>();
    private ArrayList<Delivery> run = new ArrayList<>();
    private int runIndex;
    /** Every item due before this time is in {@link #heap} or {@link #run}; every later one in {@link #far}. */
    private long horizonMs = BUCKET_MS;

    void add(Delivery delivery) {
        if (delivery.timeMs < horizonMs) {
            heap.add(delivery);
        } else {
            far.computeIfAbsent(delivery.timeMs / BUCKET_MS, bucket -> new ArrayList<>())
                    .add(delivery);
        }
    }

    /** The next item in order, without removing it; null if there is none. */
    Delivery peek() {
        if (heap.isEmpty() && runIndex == run.size()) {
            Map.Entry<Long, ArrayList<Delivery>> bucket = far.pollFirstEntry();
            if (bucket == null) {
                return null;
            }
            run = bucket.getValue();
            Collections.sort(run);
            runIndex = 0;
            horizonMs = (bucket.getKey() + 1) * BUCKET_MS;
        }
        Delivery fromHeap = heap.peek();
        Delivery fromRun = runIndex < run.size() ? run.get(runIndex) : null;
        if (fromRun == null || (fromHeap != null && fromHeap.compareTo(fromRun) < 0)) {
            return fromHeap;
        }
        return fromRun;
    }

    Delivery poll() {
        Delivery next = peek();
        if (next != null) {
            if (next == heap.peek()) {
                heap.poll();
            } else {
                run.set(runIndex++, null);
            }
        }
        return next;
    }

    void clear() {
        heap.clear();
        far.clear();
        run = new ArrayList<>();
        runIndex = 0;
    }
}
