package leaderlab.shell.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import leaderlab.cluster.ClusterOptions;

/**
 * A saved simulated run as small diffable text: the cluster options and seed, every command with the
 * cluster time it started at and the journal's size and digest after it, and the final digest.
 * {@link #format} and {@link #parse} are inverses, so a replayed run saves to the same bytes.
 */
public record RunBundle(ClusterOptions options, List<Entry> entries, long events, String digest) {

    /**
     * One command: when it started, and the journal (size, digest) once it had run; {@code fileLine} is
     * where it was read from (0 when it was not read from a file).
     */
    public record Entry(long startMs, String line, long eventsAfter, String digestAfter, int fileLine) {
        public Entry(long startMs, String line, long eventsAfter, String digestAfter) {
            this(startMs, line, eventsAfter, digestAfter, 0);
        }
    }

    static final String MAGIC = "leaderlab-run 1";
    private static final Pattern OPTION = Pattern.compile("(brokers|racks|seed|kafka-timings) (\\S+)");
    private static final Pattern ENTRY = Pattern.compile("at (\\d+)\\.(\\d{3})s +(\\d+) ([0-9a-f]{16})  (\\S.*)");
    private static final Pattern END = Pattern.compile("end +(\\d+) ([0-9a-f]{16})");

    public RunBundle {
        entries = List.copyOf(entries);
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(MAGIC).append('\n');
        out.append("# a leaderlab run: replay it with ./leaderlab replay FILE\n");
        out.append("brokers ").append(options.brokers()).append('\n');
        out.append("racks ").append(options.racks()).append('\n');
        out.append("seed ").append(options.seed()).append('\n');
        out.append("kafka-timings ").append(options.kafkaTimings()).append('\n');
        out.append("# cluster time, journal events and digest after the command, command\n");
        for (Entry entry : entries) {
            out.append(String.format(
                    Locale.ROOT,
                    "at %d.%03ds %6d %s  %s%n",
                    entry.startMs() / 1000,
                    entry.startMs() % 1000,
                    entry.eventsAfter(),
                    entry.digestAfter(),
                    entry.line()));
        }
        out.append(String.format(Locale.ROOT, "end %6d %s%n", events, digest));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    /** Reads a bundle; a malformed one is an IllegalArgumentException naming the line. */
    public static RunBundle parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(MAGIC)) {
            throw new IllegalArgumentException("not a leaderlab run bundle (line 1 should be '" + MAGIC + "')");
        }
        int brokers = -1;
        int racks = -1;
        Long seed = null;
        Boolean kafkaTimings = null;
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher option = OPTION.matcher(line);
            Matcher entry = ENTRY.matcher(line);
            Matcher end = END.matcher(line);
            try {
                if (option.matches()) {
                    String value = option.group(2);
                    switch (option.group(1)) {
                        case "brokers" -> brokers = Integer.parseInt(value);
                        case "racks" -> racks = Integer.parseInt(value);
                        case "seed" -> seed = Long.parseLong(value);
                        default -> kafkaTimings = parseBoolean(value);
                    }
                } else if (entry.matches()) {
                    entries.add(new Entry(
                            Long.parseLong(entry.group(1)) * 1000 + Integer.parseInt(entry.group(2)),
                            entry.group(5),
                            Long.parseLong(entry.group(3)),
                            entry.group(4),
                            i + 1));
                } else if (end.matches()) {
                    if (brokers < 0 || racks < 0 || seed == null || kafkaTimings == null) {
                        throw new IllegalArgumentException(
                                "brokers, racks, seed and kafka-timings must come before 'end'");
                    }
                    ClusterOptions options = new ClusterOptions(brokers, racks, seed, true, kafkaTimings);
                    return new RunBundle(options, entries, Long.parseLong(end.group(1)), end.group(2));
                } else {
                    throw new IllegalArgumentException("expected 'at TIME EVENTS DIGEST  COMMAND', an option or 'end'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("the bundle has no 'end EVENTS DIGEST' line (cut short?)");
    }

    private static boolean parseBoolean(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("kafka-timings must be true or false, got '" + value + "'");
        }
        return value.equals("true");
    }
}
