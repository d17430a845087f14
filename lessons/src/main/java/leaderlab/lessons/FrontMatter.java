package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.config.ConfigKey;

/**
 * The lines between the two {@code ---} at the top of a lesson: {@code title}, {@code brokers},
 * {@code controllers}, {@code racks}, {@code seed}, {@code config} (a list of {@code KEY=VALUE}, either {@code - K=V}
 * items on the following lines or comma-separated on the same line) and {@code feature} (feature levels
 * in the same form, e.g. {@code feature: eligible.leader.replicas.version=0}). Unknown keys are errors, so a typo
 * never silently changes the cluster a lesson starts.
 */
final class FrontMatter {

    private static final Set<String> KEYS =
            Set.of("title", "brokers", "controllers", "racks", "seed", "config", "feature");

    String title;
    int brokers = 3;
    int controllers = ClusterOptions.DEFAULT_CONTROLLERS;
    int racks;
    long seed = 1;
    final List<Lesson.Setting> configs = new ArrayList<>();

    private final Errors errors;
    private final Set<String> seen = new java.util.HashSet<>();
    private boolean inConfigList;
    private boolean featureList;

    FrontMatter(Errors errors) {
        this.errors = errors;
    }

    /** Reads one line of the front matter. */
    void read(String raw, int line) {
        String text = raw.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        if (text.startsWith("- ") && inConfigList) {
            setting(text.substring(2).strip(), line);
            return;
        }
        inConfigList = false;
        int colon = text.indexOf(':');
        if (colon <= 0) {
            errors.add(
                    line,
                    "front matter lines are KEY: VALUE (keys: title, brokers, controllers, racks, seed, config, feature); got '"
                            + text + "'");
            return;
        }
        String key = text.substring(0, colon).strip();
        String value = text.substring(colon + 1).strip();
        if (!KEYS.contains(key)) {
            errors.add(
                    line,
                    "unknown front matter key '" + key
                            + "'; keys are title, brokers, controllers, racks, seed, config, feature");
            return;
        }
        if (!seen.add(key)) {
            errors.add(line, "front matter key '" + key + "' is given twice");
            return;
        }
        switch (key) {
            case "title" -> title = unquote(value);
            case "brokers" -> brokers = (int) number(value, key, line, 1, ClusterOptions.MAX_BROKERS);
            case "controllers" -> controllers = (int) number(value, key, line, 1, ClusterOptions.MAX_CONTROLLERS);
            case "racks" -> racks = (int) number(value, key, line, 0, ClusterOptions.MAX_BROKERS);
            case "seed" -> seed = number(value, key, line, Long.MIN_VALUE, Long.MAX_VALUE);
            default -> {
                inConfigList = value.isEmpty();
                featureList = key.equals("feature");
                for (String item : value.isEmpty() ? new String[0] : value.split(",")) {
                    setting(item.strip(), line);
                }
            }
        }
    }

    /** Checks what needs the whole front matter; {@code line} is the closing {@code ---}. */
    void finish(int line) {
        if (title == null || title.isBlank()) {
            errors.add(line, "the front matter needs a title: line, e.g. title: A broker dies");
        }
        if (racks > brokers) {
            errors.add(line, "racks (" + racks + ") cannot exceed brokers (" + brokers + ")");
        }
    }

    private void setting(String item, int line) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            errors.add(
                    line, "config entries are KEY=VALUE, e.g. auto.leader.rebalance.enable=false; got '" + item + "'");
            return;
        }
        String key = item.substring(0, eq).strip();
        String value = item.substring(eq + 1).strip();
        ConfigKey configKey = ConfigKey.byName(key).orElse(null);
        if (configKey == null) {
            errors.add(line, "unknown config '" + key + "'; known: " + String.join(", ", ConfigKey.names()));
            return;
        }
        if (featureList != (configKey.scope() == ConfigKey.Scope.FEATURE)) {
            errors.add(
                    line,
                    featureList
                            ? "'" + key + "' is a config, not a feature: put it under config:"
                            : "'" + key + "' is a feature level: put it under feature:, e.g. feature: " + key + "=0");
            return;
        }
        try {
            configKey.parse(value);
        } catch (IllegalArgumentException e) {
            errors.add(line, e.getMessage());
            return;
        }
        configs.add(new Lesson.Setting(key, value));
    }

    private long number(String value, String key, int line, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        errors.add(
                line,
                key + " must be a whole number" + (max == Long.MAX_VALUE ? "" : " from " + min + " to " + max)
                        + ", got '" + value + "'");
        return Math.max(min, 0);
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
