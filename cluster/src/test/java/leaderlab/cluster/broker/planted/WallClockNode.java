package leaderlab.cluster.broker.planted;

import java.time.Clock;
import java.time.Instant;

/** Breaks NO_WALL_CLOCK four ways. */
public final class WallClockNode {

    public long millis() {
        return System.currentTimeMillis();
    }

    public long nanos() {
        return System.nanoTime();
    }

    public Instant instant() {
        return Instant.now();
    }

    public long clock(Clock clock) {
        return clock.millis();
    }
}
