package leaderlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * Event-triggered faults ({@code when hw orders-0 >= 50 do kill 1}): conditions checked right after
 * every event (simulated) or continuously (live), each firing its action once. Faults that wait for
 * the right moment always bite, unlike random ones.
 */
final class Triggers {

    private record Trigger(String description, Predicate<ClusterSnapshot> condition, Runnable action) {
    }

    private final List<Trigger> armed = new ArrayList<>();
    private volatile boolean pending;

    synchronized void add(String description, Predicate<ClusterSnapshot> condition, Runnable action) {
        armed.add(new Trigger(description, condition, action));
        pending = true;
    }

    boolean pending() {
        return pending;
    }

    /** Fires (and disarms) every trigger whose condition holds now. */
    void fire(ClusterSnapshot snapshot) {
        List<Trigger> due = new ArrayList<>();
        synchronized (this) {
            for (Trigger trigger : List.copyOf(armed)) {
                if (trigger.condition().test(snapshot)) {
                    armed.remove(trigger);
                    due.add(trigger);
                }
            }
            pending = !armed.isEmpty();
        }
        due.forEach(trigger -> trigger.action().run());
    }

    synchronized List<String> descriptions() {
        return armed.stream().map(Trigger::description).toList();
    }
}
