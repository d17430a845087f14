package leaderlab.cluster.broker.planted;

import java.util.concurrent.TimeUnit;

/** Breaks NO_SLEEP two ways. */
public final class SleepingNode {

    public void threadSleep() throws InterruptedException {
        Thread.sleep(10);
    }

    public void unitSleep() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(10);
    }
}
