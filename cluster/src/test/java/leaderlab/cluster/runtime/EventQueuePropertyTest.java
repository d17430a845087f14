package leaderlab.cluster.runtime;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import leaderlab.cluster.PropertyCheck;
import org.junit.jupiter.api.Test;

/**
 * EventQueue (a heap beside unsorted far-future buckets) hands out exactly what one PriorityQueue
 * ordered by (time, sequence) would, whatever mix of near, same-bucket and far items is added between
 * polls. Items are added at or after the current time, as the simulator does.
 */
class EventQueuePropertyTest {

    private sealed interface Step {}

    /** Adds an item due {@code delayMs} after the time of the last item polled. */
    private record Add(long delayMs) implements Step {}

    private record Poll() implements Step {}

    private record Peek() implements Step {}

    private record Clear() implements Step {}

    @Test
    void ordersExactlyLikeOnePriorityQueue() {
        PropertyCheck.forAll("EventQueue = PriorityQueue", 1_000, EventQueuePropertyTest::steps, steps -> {
            EventQueue queue = new EventQueue();
            PriorityQueue<Delivery> model = new PriorityQueue<>();
            long now = 0;
            long sequence = 0;
            for (Step step : steps) {
                if (step instanceof Add add) {
                    Delivery d = new Delivery(now + add.delayMs(), sequence++, Address.broker(1), 0, null, "x");
                    queue.add(d);
                    model.add(d);
                } else if (step instanceof Poll) {
                    Delivery expected = model.poll();
                    assertSame(expected, queue.poll());
                    if (expected != null) {
                        now = expected.timeMs;
                    }
                } else if (step instanceof Peek) {
                    assertSame(model.peek(), queue.peek());
                } else if (step instanceof Clear) {
                    queue.clear();
                    model.clear();
                }
            }
            // Drained, the rest comes out in model order too.
            for (Delivery expected = model.poll(); expected != null; expected = model.poll()) {
                assertSame(expected, queue.poll());
            }
            assertNull(queue.poll());
            assertNull(queue.peek());
        });
    }

    private static List<Step> steps(Random random) {
        List<Step> steps = new ArrayList<>();
        int count = 20 + random.nextInt(200);
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(100);
            if (dice < 50) {
                steps.add(new Add(delay(random)));
            } else if (dice < 80) {
                steps.add(new Poll());
            } else if (dice < 98) {
                steps.add(new Peek());
            } else {
                steps.add(new Clear());
            }
        }
        return steps;
    }

    /** Same instant, inside the current 16 ms bucket, a few buckets on, or a far-future timeout. */
    private static long delay(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(16);
            case 2 -> random.nextInt(100);
            case 3 -> random.nextInt(5_000);
            default -> 30_000 + random.nextInt(60_000);
        };
    }
}
