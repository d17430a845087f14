package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The chips of one card that just changed state pulse: a ring in the gap around the chip that thins
 * away, so the class sees where a leader moved or a replica fell out of sync. Wall time, as it is an
 * animation of the view, not of the cluster (a paused simulator still lets a pulse finish).
 */
final class ChipPulses {

    static final long PULSE_NANOS = 900_000_000L;

    /** When each pulsing chip's pulse began, by chip index (ordered, so chips repaint in a fixed order). */
    private final TreeMap<Integer, Long> started = new TreeMap<>();

    void changed(int chip, long nowNanos) {
        started.put(chip, nowNanos);
    }

    void clear() {
        started.clear();
    }

    boolean pulsing() {
        return !started.isEmpty();
    }

    /** How much of the pulse is left, 1 at its start to 0 at its end; 0 when the chip does not pulse. */
    double left(int chip, long nowNanos) {
        Long start = started.get(chip);
        return start == null ? 0 : Math.max(0, 1 - (nowNanos - start) / (double) PULSE_NANOS);
    }

    /** The chips pulsing or just ended (not yet forgotten by {@link #due}), ascending. */
    java.util.Set<Integer> chips() {
        return started.keySet();
    }

    /** The chips that pulse at {@code nowNanos}, the ended ones a last time (they are forgotten then). */
    List<Integer> due(long nowNanos) {
        List<Integer> due = new ArrayList<>(started.keySet());
        started.values().removeIf(start -> nowNanos - start >= PULSE_NANOS);
        return due;
    }
}
