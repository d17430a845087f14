package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import leaderlab.cluster.view.ClusterSnapshot;
import org.junit.jupiter.api.Test;

/** The scrubber's memory: sampled by cluster time, bounded, restarted by a reset. */
class SnapshotHistoryTest {

    private static ClusterSnapshot at(long timeMs) {
        return new ClusterSnapshot(timeMs, false, null, List.of(), List.of());
    }

    @Test
    void keepsOneSnapshotPerSampleInterval() {
        SnapshotHistory history = new SnapshotHistory(10, 100);
        for (long t = 0; t <= 1000; t += 25) {
            history.offer(at(t));
        }
        assertEquals(10, history.size());
        assertEquals(100, history.get(0).timeMs(), "the oldest dropped off when the ring filled");
        assertEquals(1000, history.get(9).timeMs());
    }

    @Test
    void keepsTheOrderWhenTheRingWraps() {
        SnapshotHistory history = new SnapshotHistory(3, 1);
        for (long t = 1; t <= 7; t++) {
            history.offer(at(t));
        }
        assertEquals(List.of(5L, 6L, 7L), times(history));
        assertThrows(IndexOutOfBoundsException.class, () -> history.get(3));
    }

    @Test
    void timeGoingBackwardsMeansANewClusterAndStartsOver() {
        SnapshotHistory history = new SnapshotHistory(10, 100);
        history.offer(at(500));
        history.offer(at(700));
        history.offer(at(50));
        assertEquals(1, history.size());
        assertEquals(50, history.get(0).timeMs());
    }

    @Test
    void aCommandLinesMomentIsKeptBetweenSamplesInItsPlaceByTimeAndNeverTwice() {
        SnapshotHistory history = new SnapshotHistory(10, 100);
        history.offer(at(500));
        history.keep(at(520));
        history.offer(at(560));
        history.offer(at(620));
        // A line's moment that reaches the window after a frame kept a later one goes in between.
        history.keep(at(610));
        history.keep(at(610));
        history.keep(at(620));
        assertEquals(List.of(500L, 520L, 610L, 620L), times(history));
    }

    @Test
    void aLateMomentInAFullRingPushesTheOldestOut() {
        SnapshotHistory history = new SnapshotHistory(3, 1);
        for (long t : new long[] {10, 20, 30}) {
            history.offer(at(t));
        }
        history.keep(at(25));
        assertEquals(List.of(20L, 25L, 30L), times(history));
        history.keep(at(5));
        assertEquals(List.of(20L, 25L, 30L), times(history), "older than all a full ring holds");
        history.keep(at(15));
        assertEquals(List.of(20L, 25L, 30L), times(history), "it would be the oldest, which drops off");
    }

    private static List<Long> times(SnapshotHistory history) {
        List<Long> times = new java.util.ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            times.add(history.get(i).timeMs());
        }
        return times;
    }
}
