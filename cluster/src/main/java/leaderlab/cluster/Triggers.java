package leaderlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * Event-triggered faults ({@code when hw orders-0 >= 50 do kill 1}): conditions checked right after
 * every event (simulated) or continuously (live), each firing once. Firing only queues the action:
 * actions run on the command thread ({@link #runDue}), never on the checker thread or inside a
 * simulator step, so a triggered line is an ordinary line that every listener sees.
 */
final class Triggers {

    private record Trigger(String description, Predicate<ClusterSnapshot> condition, Runnable action) {}

    private final List<Trigger> armed = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> due = new ConcurrentLinkedQueue<>();
    private volatile boolean pending;
    private volatile Runnable onDue = () -> {};

    synchronized void add(String description, Predicate<ClusterSnapshot> condition, Runnable action) {
        armed.add(new Trigger(description, condition, action));
        pending = true;
    }

    boolean pending() {
        return pending;
    }

    /** Called whenever actions become due, from the thread that found them due. */
    void onDue(Runnable wake) {
        onDue = wake;
    }

    /** Disarms every trigger whose condition holds now and queues its action; true if any fired. */
    boolean fire(ClusterSnapshot snapshot) {
        boolean fired = false;
        synchronized (this) {
            for (Trigger trigger : List.copyOf(armed)) {
                if (trigger.condition().test(snapshot)) {
                    armed.remove(trigger);
                    due.add(trigger.action());
                    fired = true;
                }
            }
            pending = !armed.isEmpty();
        }
        if (fired) {
            onDue.run();
        }
        return fired;
    }

    boolean anyDue() {
        return !due.isEmpty();
    }

    /** Runs the queued actions, oldest first; on the command thread only. */
    void runDue() {
        Runnable action;
        while ((action = due.poll()) != null) {
            action.run();
        }
    }

    synchronized List<String> descriptions() {
        return armed.stream().map(Trigger::description).toList();
    }
}
