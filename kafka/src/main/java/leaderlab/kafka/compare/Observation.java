package leaderlab.kafka.compare;

import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one side (the simulator or real Kafka) saw at one line of a script, as named fields, e.g.
 * {@code "orders-0 leader" -> "2"}, {@code "orders-0 isr" -> "2,3"}: the data two sides are compared by,
 * never the text they printed.
 *
 * @param line   the script line
 * @param fields field name to value; ISR and ELR ascending (they are sets), replicas in their order
 */
public record Observation(int line, String command, Kind kind, SortedMap<String, String> fields) {

    /** The commands whose results are compared. */
    public enum Kind {
        DESCRIBE,
        PRODUCE,
        ELECT,
        EXPECT;

        /** The kind a command line observes, or null for a line that is not compared. */
        static Kind of(List<String> words) {
            if (words.isEmpty()) {
                return null;
            }
            return switch (words.get(0)) {
                case "describe" -> DESCRIBE;
                case "produce" -> PRODUCE;
                case "elect" -> ELECT;
                case "expect" -> EXPECT;
                default -> null;
            };
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A field suffix whose values depend on how long things took, not on what the cluster decided. */
    static final String RETRIES = "retries";

    public Observation {
        fields = new TreeMap<>(fields);
    }

    static boolean timingOnly(String field) {
        return field.endsWith(" " + RETRIES);
    }

    /** A broker id, or "none" for -1. */
    static String leader(int id) {
        return id < 0 ? "none" : Integer.toString(id);
    }

    /** Broker ids in the order given ("1,2,3"), "none" when empty. */
    static String ordered(List<Integer> ids) {
        return ids.isEmpty() ? "none" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Broker ids ascending: ISR and ELR are sets, and each side lists them in its own order. */
    static String set(List<Integer> ids) {
        return ordered(ids.stream().sorted().toList());
    }

    /** One partition's state fields, as {@code describe} observes them on either side. */
    static void partition(
            SortedMap<String, String> fields,
            String name,
            int leader,
            List<Integer> replicas,
            List<Integer> isr,
            List<Integer> elr,
            long highWatermark) {
        fields.put(name + " leader", leader(leader));
        fields.put(name + " replicas", ordered(replicas));
        fields.put(name + " isr", set(isr));
        fields.put(name + " elr", set(elr));
        // Without a leader there is no high watermark to read on real Kafka.
        fields.put(name + " hw", leader < 0 ? "none" : Long.toString(highWatermark));
    }

    /** One partition's produce outcome; offsets and leader only for acknowledged writes. */
    static void produced(
            SortedMap<String, String> fields,
            String name,
            String outcome,
            long firstOffset,
            long lastOffset,
            int leader,
            int retries) {
        fields.put(name + " outcome", outcome);
        if (outcome.equals("acked") && firstOffset >= 0) {
            fields.put(
                    name + " offsets",
                    firstOffset == lastOffset ? Long.toString(firstOffset) : firstOffset + "-" + lastOffset);
            fields.put(name + " leader", leader(leader));
        }
        fields.put(name + " " + RETRIES, Integer.toString(retries));
    }
}
