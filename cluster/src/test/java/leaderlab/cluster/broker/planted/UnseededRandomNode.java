package leaderlab.cluster.broker.planted;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Breaks NO_UNSEEDED_RANDOM four ways; {@link #seeded} is allowed. */
public final class UnseededRandomNode {

    public int unseeded() {
        return new Random().nextInt();
    }

    public int seeded(long seed) {
        return new Random(seed).nextInt();
    }

    public double mathRandom() {
        return Math.random();
    }

    public int threadLocal() {
        return ThreadLocalRandom.current().nextInt();
    }

    public UUID uuid() {
        return UUID.randomUUID();
    }
}
