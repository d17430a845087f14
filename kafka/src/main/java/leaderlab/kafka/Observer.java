package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Polls a real cluster on a thread of its own and turns what changed into {@link ObservedEvent}s: the
 * journal {@code events} and {@code why} read, and what the shell prints above the prompt. It backs off
 * (up to {@link #MAX_INTERVAL_MS}) while the cluster does not answer, so a slow cluster is not
 * hammered. The command thread never waits for it.
 */
public final class Observer implements AutoCloseable {

    static final long INTERVAL_MS = 500;
    static final long MAX_INTERVAL_MS = 8_000;

    private final RealCluster cluster;
    private final List<ObservedEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<ObservedEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile RealState latest;
    private volatile boolean running = true;

    public Observer(RealCluster cluster, RealState first) {
        this.cluster = cluster;
        this.latest = first;
        this.thread = new Thread(this::loop, "leaderlab-kafka-observer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The last state seen (what the prompt shows), at most one poll old. */
    public RealState latest() {
        return latest;
    }

    /** Every event seen so far, oldest first. */
    public List<ObservedEvent> events() {
        return new ArrayList<>(events);
    }

    public void onEvent(Consumer<ObservedEvent> listener) {
        listeners.add(listener);
    }

    /** Reads the cluster and records what changed since the last read (on the observer's thread only). */
    private void poll() {
        RealState now = cluster.state();
        for (ObservedEvent event : Changes.between(latest, now)) {
            events.add(event);
            listeners.forEach(listener -> listener.accept(event));
        }
        latest = now;
    }

    private void loop() {
        long interval = INTERVAL_MS;
        while (running) {
            try {
                Thread.sleep(interval);
                poll();
                interval = INTERVAL_MS;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The cluster did not answer in full: ask again, less often.
                interval = Math.min(MAX_INTERVAL_MS, interval * 2);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
