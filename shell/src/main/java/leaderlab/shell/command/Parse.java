package leaderlab.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parsers for the values commands take, each failing with a message that says what would be right. */
public final class Parse {

    private Parse() {}

    public static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandException(what + " must be a whole number, got '" + text + "'");
        }
    }

    /** Durations like 500ms, 3s, 1.5s, 2m (a bare number is milliseconds). */
    public static long durationMs(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        double factor;
        String number;
        if (value.endsWith("ms")) {
            factor = 1;
            number = value.substring(0, value.length() - 2);
        } else if (value.endsWith("s")) {
            factor = 1000;
            number = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m")) {
            factor = 60_000;
            number = value.substring(0, value.length() - 1);
        } else {
            factor = 1;
            number = value;
        }
        try {
            double amount = Double.parseDouble(number);
            if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount) || amount * factor > 86_400_000) {
                throw new NumberFormatException();
            }
            return Math.round(amount * factor);
        } catch (NumberFormatException e) {
            throw new CommandException("malformed duration '" + text + "': use e.g. 500ms, 3s or 2m (at most 24h)");
        }
    }

    /** A comma-separated list of broker ids, e.g. {@code 2,3,1}. */
    public static int[] brokerList(String text, String what) {
        List<Integer> ids = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new CommandException(what + " must be comma-separated broker ids like 1,2,3, got '" + text + "'");
            }
            ids.add(integer(part, what));
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    public static Set<Integer> brokerSet(String text, String what) {
        Set<Integer> out = new LinkedHashSet<>();
        for (int id : brokerList(text, what)) {
            out.add(id);
        }
        return out;
    }

    /** {@code acks} as the wire value: 0, 1 or -1 for all. */
    public static int acks(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "0" -> 0;
            case "1" -> 1;
            case "all", "-1" -> -1;
            default -> throw new CommandException("--acks must be 0, 1 or all, got '" + text + "'");
        };
    }

    public static String acksName(int acks) {
        return acks == -1 ? "all" : Integer.toString(acks);
    }

    public static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3fs", ms / 1000.0);
    }
}
