package leaderlab.cluster.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cluster time for the threaded runtime: the wall clock scaled by a speed factor, frozen while paused.
 * Changing speed or pausing wakes every waiting node thread so it recomputes its wait.
 */
final class ScaledClock {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long baseClusterMs;
    private long baseWallNanos = System.nanoTime();
    private double speed = 1.0;
    private boolean paused;

    synchronized long nowMs() {
        if (paused) {
            return baseClusterMs;
        }
        return baseClusterMs + (long) ((System.nanoTime() - baseWallNanos) / 1_000_000.0 * speed);
    }

    /** Wall nanoseconds until cluster time reaches {@code clusterMs}; Long.MAX_VALUE while paused. */
    synchronized long wallNanosUntil(long clusterMs) {
        if (paused) {
            return Long.MAX_VALUE;
        }
        long remaining = clusterMs - nowMs();
        return remaining <= 0 ? 0 : (long) Math.ceil(remaining * 1_000_000.0 / speed);
    }

    void setSpeed(double newSpeed) {
        synchronized (this) {
            rebase();
            speed = newSpeed;
        }
        wakeAll();
    }

    synchronized double speed() {
        return speed;
    }

    void pause() {
        synchronized (this) {
            rebase();
            paused = true;
        }
        wakeAll();
    }

    void resume() {
        synchronized (this) {
            rebase();
            paused = false;
        }
        wakeAll();
    }

    synchronized boolean isPaused() {
        return paused;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void rebase() {
        baseClusterMs = nowMs();
        baseWallNanos = System.nanoTime();
    }

    private void wakeAll() {
        listeners.forEach(Runnable::run);
    }
}
