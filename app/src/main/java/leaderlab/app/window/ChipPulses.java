package leaderlab.app.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chips that just changed state pulse: a ring in the gap around the chip that thins away, so the class
 * sees where a leader moved or a replica fell out of sync. Wall time, as it is an animation of the view,
 * not of the cluster (a paused simulator still lets a pulse finish).
 */
final class ChipPulses {

    static final long PULSE_NANOS = 900_000_000L;

    /** When each pulsing chip's pulse began, by card index and chip index. */
    private final Map<Long, Long> started = new HashMap<>();

    void changed(int card, int chip, long nowNanos) {
        started.put(key(card, chip), nowNanos);
    }

    void clear() {
        started.clear();
    }

    boolean pulsing() {
        return !started.isEmpty();
    }

    /** How much of the pulse is left, 1 at its start to 0 at its end; 0 when the chip does not pulse. */
    double left(int card, int chip, long nowNanos) {
        Long start = started.get(key(card, chip));
        return start == null ? 0 : Math.max(0, 1 - (nowNanos - start) / (double) PULSE_NANOS);
    }

    /** The chips to repaint this frame as {card, chip}: every pulsing one, the ended ones a last time. */
    List<int[]> due(long nowNanos) {
        List<int[]> due = new ArrayList<>();
        started.entrySet().removeIf(entry -> {
            due.add(new int[] {(int) (entry.getKey() >>> 32), (int) (long) entry.getKey()});
            return nowNanos - entry.getValue() >= PULSE_NANOS;
        });
        due.sort(java.util.Comparator.<int[]>comparingInt(k -> k[0]).thenComparingInt(k -> k[1]));
        return due;
    }

    private static long key(int card, int chip) {
        return ((long) card << 32) | (chip & 0xFFFFFFFFL);
    }
}
