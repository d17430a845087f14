package leaderlab.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions' high watermarks one observer poll asks for. A listOffsets of every partition on every
 * poll grows with the cluster (at 10,000 partitions it is most of a poll, see the README); instead each
 * poll asks for every partition whose leader changed since its high watermark was last read (what a
 * failover moved comes first), then for those read longest ago, at most {@code perPoll} in all, and reports for
 * the rest what their leader last answered. How old the oldest such answer is goes to the window's status
 * line. Used on the observer's thread only; with no bound (a command's own read) it asks for all.
 */
final class HighWatermarkSlice {

    /** A poll's high-watermark budget: about a fifth of a 10,000-partition cluster a poll. */
    static final int OBSERVER_PER_POLL = 2_000;

    /** What a partition's leader last answered, and when (cluster time). */
    record Answer(int leader, long highWatermark, int leaderEpoch, long readMs) {}

    private final int perPoll;
    private final Map<TopicPartition, Answer> known = new HashMap<>();
    private int ledLastPoll;
    /** Led partitions this poll with no answer from their current leader yet (counted by {@link #latest}). */
    private int unknownLastPoll;

    /** @param perPoll the most partitions one poll asks for */
    HighWatermarkSlice(int perPoll) {
        if (perPoll < 1) {
            throw new IllegalArgumentException("a poll must ask for at least one high watermark, got " + perPoll);
        }
        this.perPoll = perPoll;
    }

    /** No bound: every led partition, every read. */
    static HighWatermarkSlice all() {
        return new HighWatermarkSlice(Integer.MAX_VALUE);
    }

    /**
     * The partitions to ask this poll.
     *
     * @param led every partition with a leader now, with its leader, in the poll's own fixed order
     */
    List<TopicPartition> choose(Map<TopicPartition, Integer> led) {
        known.keySet().retainAll(led.keySet());
        ledLastPoll = led.size();
        unknownLastPoll = 0;
        if (led.size() <= perPoll) {
            return new ArrayList<>(led.keySet());
        }
        Set<TopicPartition> chosen = new LinkedHashSet<>();
        for (Map.Entry<TopicPartition, Integer> entry : led.entrySet()) {
            Answer last = known.get(entry.getKey());
            if (last == null || last.leader() != entry.getValue()) {
                chosen.add(entry.getKey());
                if (chosen.size() == perPoll) {
                    return new ArrayList<>(chosen);
                }
            }
        }
        List<TopicPartition> byAge = new ArrayList<>(led.keySet());
        byAge.removeAll(chosen);
        // Stable: among answers of the same poll, the poll's own order.
        byAge.sort(Comparator.comparingLong(tp -> known.get(tp).readMs()));
        for (TopicPartition tp : byAge) {
            if (chosen.size() == perPoll) {
                break;
            }
            chosen.add(tp);
        }
        return new ArrayList<>(chosen);
    }

    /** Takes one answer of this poll. */
    void answered(TopicPartition partition, int leader, long highWatermark, int leaderEpoch, long nowMs) {
        known.put(partition, new Answer(leader, highWatermark, leaderEpoch, nowMs));
    }

    /**
     * The latest answer from this partition's current leader, this poll's or an earlier one's; null when
     * that leader has not answered yet (a new leader's high watermark is unknown until it does).
     */
    Answer latest(TopicPartition partition, int leader) {
        Answer last = known.get(partition);
        if (last == null || last.leader() != leader) {
            unknownLastPoll++;
            return null;
        }
        return last;
    }

    /** Led partitions whose current leader had not answered by the last poll (its high watermark unknown). */
    int unknown() {
        return unknownLastPoll;
    }

    /** Whether the last poll asked for fewer high watermarks than there were led partitions. */
    boolean partial() {
        return ledLastPoll > perPoll;
    }

    int perPoll() {
        return perPoll;
    }

    /** Led partitions at the last poll. */
    int led() {
        return ledLastPoll;
    }

    /** How old the oldest high watermark reported is, in milliseconds (0 when all were read just now). */
    long oldestAgeMs(long nowMs) {
        long oldest = nowMs;
        for (Answer answer : known.values()) {
            oldest = Math.min(oldest, answer.readMs());
        }
        return nowMs - oldest;
    }
}
