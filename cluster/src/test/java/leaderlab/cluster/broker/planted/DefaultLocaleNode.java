package leaderlab.cluster.broker.planted;

import java.util.Locale;

/** Breaks NO_DEFAULT_LOCALE four ways; the {@code Locale.ROOT} forms are allowed. */
public final class DefaultLocaleNode {

    public String format(double seconds) {
        return String.format("%.3fs", seconds);
    }

    public String formatted(double seconds) {
        return "%.3fs".formatted(seconds);
    }

    public String lower(String name) {
        return name.toLowerCase();
    }

    public String upper(String name) {
        return name.toUpperCase();
    }

    public String allowed(String name, double seconds) {
        return String.format(Locale.ROOT, "%.3fs", seconds) + name.toLowerCase(Locale.ROOT);
    }
}
