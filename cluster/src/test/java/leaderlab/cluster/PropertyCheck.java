package leaderlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-based test runner: checks a property on many seeded random inputs (lists of
 * steps), and on a failure shrinks the steps (delta debugging) and fails with the seed, the shrunk steps
 * and the original error. The seeds are fixed, so the build is deterministic; search wider with
 * {@code -Dproperty.tries=N}, replay one case with {@code -Dproperty.seed=S}.
 */
public final class PropertyCheck {

    private PropertyCheck() {}

    /**
     * @param tries     how many seeds to check (overridden by -Dproperty.tries)
     * @param generator the steps for one seed; it draws only from the given Random
     * @param property  runs the steps from a fresh start and throws (an AssertionError) if the property fails
     */
    public static <T> void forAll(
            String name, int tries, Function<Random, List<T>> generator, Consumer<List<T>> property) {
        String one = System.getProperty("property.seed");
        long first = one != null ? Long.parseLong(one) : 1;
        long count = one != null ? 1 : Long.getLong("property.tries", tries);
        for (long seed = first; seed < first + count; seed++) {
            List<T> steps = generator.apply(new Random(seed));
            Throwable failure = failureOf(property, steps);
            if (failure != null) {
                List<T> shrunk = shrink(steps, property);
                Throwable shrunkFailure = failureOf(property, shrunk);
                StringBuilder report = new StringBuilder();
                report.append("property '")
                        .append(name)
                        .append("' failed for seed ")
                        .append(seed)
                        .append(" (replay: -Dproperty.seed=")
                        .append(seed)
                        .append("); ")
                        .append(steps.size())
                        .append(" steps shrunk to ")
                        .append(shrunk.size())
                        .append(":\n");
                for (int i = 0; i < shrunk.size(); i++) {
                    report.append("  ")
                            .append(i)
                            .append(": ")
                            .append(shrunk.get(i))
                            .append('\n');
                }
                report.append("error: ").append(shrunkFailure);
                throw new AssertionError(report.toString(), shrunkFailure);
            }
        }
    }

    private static <T> Throwable failureOf(Consumer<List<T>> property, List<T> steps) {
        try {
            property.accept(steps);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    /** Drops chunks of steps, halving the chunk size, keeping every removal after which it still fails. */
    private static <T> List<T> shrink(List<T> steps, Consumer<List<T>> property) {
        List<T> current = new ArrayList<>(steps);
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int start = 0; start < current.size(); start += chunk) {
                    List<T> candidate = new ArrayList<>(current.subList(0, start));
                    candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                    if (failureOf(property, candidate) != null) {
                        current = candidate;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }
}
