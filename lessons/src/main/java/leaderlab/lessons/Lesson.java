package leaderlab.lessons;

import java.util.List;
import leaderlab.cluster.ClusterOptions;

/**
 * A parsed lesson: where it came from, the cluster it starts (front matter), and its steps. Immutable;
 * it has been checked line by line against the command registry, so every step can at least be tried.
 *
 * @param name     the name it is played by, e.g. {@code 01-leaders-and-followers}
 * @param source   what error messages call it (a file path, or the resource name)
 * @param configs  cluster-wide settings applied before the first step, as {@code config set KEY VALUE}
 *                 (feature levels as {@code feature set KEY VALUE})
 * @param epilogue narration after the last step (may be empty)
 */
public record Lesson(
        String name,
        String source,
        String title,
        int brokers,
        int controllers,
        int racks,
        long seed,
        List<Setting> configs,
        List<Step> steps,
        String epilogue) {

    /** One {@code KEY=VALUE} of the front matter's {@code config} or {@code feature}. */
    public record Setting(String key, String value) {
        String command() {
            boolean feature = leaderlab.cluster.config.ConfigKey.byName(key)
                    .map(k -> k.scope() == leaderlab.cluster.config.ConfigKey.Scope.FEATURE)
                    .orElse(false);
            return (feature ? "feature set " : "config set ") + key + " " + value;
        }
    }

    public Lesson {
        configs = List.copyOf(configs);
        steps = List.copyOf(steps);
    }

    ClusterOptions clusterOptions(boolean simulated) {
        return new ClusterOptions(brokers, racks, seed, simulated, false, controllers);
    }

    /** How many things a verification checks: expects, waits for a condition, and predictions with --check. */
    public int checkCount() {
        return steps.stream().mapToInt(Step::checkCount).sum();
    }

    public int predictionCount() {
        return steps.stream().mapToInt(step -> step.predictions().size()).sum();
    }
}
