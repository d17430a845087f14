package leaderlab.shell.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.check.Ledger;
import leaderlab.cluster.check.Violation;
import leaderlab.cluster.journal.EventType;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;

/**
 * Runs chaos plans in the simulator with the safety checker on after every event, and shrinks a
 * failing schedule to a minimal script that still fails the same way.
 */
public final class ChaosRunner {

    /** What one seed did. {@code failure} is null when nothing went wrong. */
    public record Outcome(
            ChaosPlan plan,
            List<String> steps,
            long events,
            int faults,
            long acknowledged,
            List<Ledger.Loss> losses,
            List<Violation> violations,
            String failure) {

        public boolean failed() {
            return failure != null;
        }
    }

    private final boolean unsafe;
    private final int stepCount;

    public ChaosRunner(boolean unsafe, int stepCount) {
        this.unsafe = unsafe;
        this.stepCount = stepCount;
    }

    public Outcome run(long seed) {
        ChaosPlan plan = ChaosPlan.generate(seed, unsafe, stepCount);
        return run(plan, plan.steps());
    }

    Outcome run(ChaosPlan plan, List<String> steps) {
        try (Cluster cluster = Cluster.start(new ClusterOptions(plan.brokers(), 0, plan.seed(), true, false))) {
            Dispatcher shell = new Dispatcher(CoreCommands.registry(), new Session(cluster));
            String failure = null;
            List<String> all = new ArrayList<>(plan.setup());
            all.addAll(steps);
            all.addAll(plan.repair());
            for (String line : all) {
                Result result = shell.execute(line);
                String text = String.join(" ", result.lines());
                if (text.contains("internal error")) {
                    failure = "internal error on '" + line + "': " + text;
                    break;
                }
            }
            List<Violation> violations = cluster.checker().violations();
            // Unsafe settings may legitimately break log matching (an unclean election rewrites
            // committed offsets); every other invariant is the protocol's own and must hold regardless.
            List<Violation> unexpected = violations.stream()
                    .filter(v -> !(unsafe && v.invariant().equals("LogMatching")))
                    .toList();
            if (failure == null && !unexpected.isEmpty()) {
                failure = unexpected.get(0).toString();
            }
            int faults = cluster.journal()
                    .since(0, e -> e.type() == EventType.FAULT_INJECTED)
                    .size();
            return new Outcome(
                    plan,
                    steps,
                    cluster.runtime().eventsProcessed(),
                    faults,
                    cluster.ledger().acknowledgedCount(),
                    cluster.ledger().losses(),
                    violations,
                    failure);
        } catch (RuntimeException e) {
            return new Outcome(plan, steps, 0, 0, 0, List.of(), List.of(), "crashed: " + e);
        }
    }

    /**
     * Shrinks a failing schedule (delta debugging): drops chunks of steps, halving the chunk size,
     * keeping every removal after which the run still fails with the same kind of failure.
     */
    public List<String> minimize(Outcome failing) {
        String kind = kindOf(failing.failure());
        return minimize(failing.steps(), steps -> {
            Outcome outcome = run(failing.plan(), steps);
            return outcome.failed() && kindOf(outcome.failure()).equals(kind);
        });
    }

    static List<String> minimize(List<String> steps, Predicate<List<String>> stillFails) {
        List<String> current = new ArrayList<>(steps);
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
            boolean removedAny = true;
            while (removedAny) {
                removedAny = false;
                for (int start = 0; start < current.size(); start += chunk) {
                    List<String> candidate = new ArrayList<>(current.subList(0, start));
                    candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                    if (candidate.size() < current.size() && stillFails.test(candidate)) {
                        current = candidate;
                        removedAny = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private static String kindOf(String failure) {
        int space = failure.indexOf(' ');
        return space < 0 ? failure : failure.substring(0, space);
    }
}
