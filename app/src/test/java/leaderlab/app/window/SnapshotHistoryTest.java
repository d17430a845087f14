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
        assertEquals(
                List.of(5L, 6L, 7L),
                List.of(
                        history.get(0).timeMs(),
                        history.get(1).timeMs(),
                        history.get(2).timeMs()));
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
}
