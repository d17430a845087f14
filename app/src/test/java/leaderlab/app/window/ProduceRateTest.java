package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The produce rates' memory of event times: counted in any second it still holds, bounded, sorted. */
class ProduceRateTest {

    @Test
    void countsTheTimesInTheSecondBeforeAMoment() {
        ProduceRate.Times times = new ProduceRate.Times();
        for (long t = 0; t < 10_000; t += 10) {
            times.add(t);
        }
        assertEquals(1000, times.size(), "the ring grew past its first capacity");
        assertEquals(100, times.countIn(4000, 5000), "(4000, 5000] holds 4010..5000");
        assertEquals(0, times.countIn(20_000, 21_000));
        times.dropBefore(9000);
        assertEquals(100, times.size(), "9000..9990 kept");
        assertEquals(0, times.countIn(4000, 5000), "what was dropped is not counted");
    }

    @Test
    void countsRecordsNotEntries() {
        ProduceRate.Times times = new ProduceRate.Times();
        times.add(100, 10);
        times.add(200, 5);
        times.add(1500, 3);
        assertEquals(15, times.countIn(0, 1000), "a batch of 10 and one of 5");
        assertEquals(3, times.countIn(1000, 2000));
        times.dropBefore(150);
        assertEquals(8, times.countIn(0, 2000), "the batch of 10 dropped");
    }

    @Test
    void aTimeEarlierThanTheLastIsKeptAsTheLastSoTheRingStaysSorted() {
        ProduceRate.Times times = new ProduceRate.Times();
        times.add(500);
        times.add(499);
        times.add(700);
        assertEquals(2, times.countIn(499, 500));
        assertEquals(3, times.countIn(0, 700));
    }

    @Test
    void theOldestGoFirstOnceTheRingIsFull() {
        ProduceRate.Times times = new ProduceRate.Times();
        for (int i = 0; i < ProduceRate.Times.MAX + 5; i++) {
            times.add(i);
        }
        assertEquals(ProduceRate.Times.MAX, times.size());
        assertEquals(0, times.countIn(-1, 4), "times 0..4 went first");
        assertEquals(1, times.countIn(4, 5));
    }
}
