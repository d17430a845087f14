package leaderlab.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The observer's bounded high-watermark read, as listOffsets answers would feed it: a poll asks for at most
 * its budget, new leaders first, the rest in turn, and reports a remembered answer only from the leader that
 * gave it.
 */
class HighWatermarkSliceTest {

    private static Map<TopicPartition, Integer> led(int partitions, int leaderOfEven) {
        Map<TopicPartition, Integer> led = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            led.put(new TopicPartition("t", p), p % 2 == 0 ? leaderOfEven : 2);
        }
        return led;
    }

    /** Answers every asked partition as its leader would: high watermark 10 times the partition, epoch 0. */
    private static void answerAll(
            HighWatermarkSlice slice, List<TopicPartition> asked, Map<TopicPartition, Integer> led, long nowMs) {
        for (TopicPartition tp : asked) {
            slice.answered(tp, led.get(tp), tp.partition() * 10L, 0, nowMs);
        }
    }

    @Test
    void aSmallClusterIsReadWholeEveryPoll() {
        HighWatermarkSlice slice = new HighWatermarkSlice(100);
        Map<TopicPartition, Integer> led = led(6, 1);

        assertEquals(List.copyOf(led.keySet()), slice.choose(led));
        assertFalse(slice.partial());
    }

    @Test
    void aLargeClusterIsReadInTurnsOfTheBudgetUntilEveryPartitionWasAsked() {
        HighWatermarkSlice slice = new HighWatermarkSlice(3);
        Map<TopicPartition, Integer> led = led(10, 1);
        Set<TopicPartition> seen = new HashSet<>();
        for (int poll = 0; poll < 4; poll++) {
            List<TopicPartition> asked = slice.choose(led);
            assertTrue(asked.size() <= 3, "poll " + poll + " asked " + asked);
            seen.addAll(asked);
            answerAll(slice, asked, led, 1_000L * poll);
        }
        assertEquals(led.keySet(), seen);
        assertTrue(slice.partial());
        assertEquals(3, slice.perPoll());
        assertEquals(10, slice.led());
    }

    @Test
    void newLeadersAreAskedFirstAndTheirOldLeadersAnswerIsNotReported() {
        HighWatermarkSlice slice = new HighWatermarkSlice(4);
        Map<TopicPartition, Integer> before = led(8, 1);
        for (int poll = 0; poll < 2; poll++) {
            answerAll(slice, slice.choose(before), before, poll * 500L);
        }
        // Every partition answered once; now broker 1 fails and broker 3 leads the even partitions.
        Map<TopicPartition, Integer> after = led(8, 3);

        List<TopicPartition> asked = slice.choose(after);

        assertEquals(
                List.of(
                        new TopicPartition("t", 0),
                        new TopicPartition("t", 2),
                        new TopicPartition("t", 4),
                        new TopicPartition("t", 6)),
                asked);
        assertNull(slice.latest(new TopicPartition("t", 0), 3), "broker 1's answer is not broker 3's");
        assertEquals(10, slice.latest(new TopicPartition("t", 1), 2).highWatermark());
        assertEquals(1, slice.unknown());
    }

    @Test
    void theOldestAnswerShownSaysHowStaleTheSliceIs() {
        HighWatermarkSlice slice = new HighWatermarkSlice(2);
        Map<TopicPartition, Integer> led = led(4, 1);
        answerAll(slice, slice.choose(led), led, 1_000);
        answerAll(slice, slice.choose(led), led, 1_500);

        assertEquals(1_000, slice.oldestAgeMs(2_000));
        // The next poll reads the two read longest ago again.
        answerAll(slice, slice.choose(led), led, 2_000);
        assertEquals(500, slice.oldestAgeMs(2_000));
    }

    @Test
    void aPartitionThatLostItsLeaderIsForgotten() {
        HighWatermarkSlice slice = new HighWatermarkSlice(10);
        Map<TopicPartition, Integer> led = led(2, 1);
        answerAll(slice, slice.choose(led), led, 0);
        led.remove(new TopicPartition("t", 0));

        slice.choose(led);

        assertNull(slice.latest(new TopicPartition("t", 0), 1));
    }
}
