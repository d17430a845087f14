package leaderlab.kafka.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * One observation on both sides and how they relate: they agree, they differ by timing only (in a
 * field that measures how long things took, or Kafka got there once it had settled), they disagree, or
 * they could not be compared (Kafka cannot do or check that line).
 *
 * @param kafka   what Kafka showed last (after settling), null when not compared
 * @param diffs   the fields that differ: at first when Kafka agreed after settling, else at the end
 * @param settled how long Kafka took to agree after a first look that differed, -1 if it did not need to
 * @param note    why it was not compared, or what Kafka printed for a failed expect; may be null
 */
public record Comparison(
        Observation sim, Observation kafka, Verdict verdict, List<FieldDiff> diffs, long settled, String note) {

    public enum Verdict {
        AGREE,
        TIMING,
        DIFFER,
        NOT_COMPARED
    }

    /** A field whose values differ; "-" stands for a field one side does not have. */
    public record FieldDiff(String field, String sim, String kafka, boolean timingOnly) {}

    public Comparison {
        diffs = List.copyOf(diffs);
    }

    static Comparison notCompared(Observation sim, String why) {
        return new Comparison(sim, null, Verdict.NOT_COMPARED, List.of(), -1, why);
    }

    /**
     * Compares Kafka's first look, and (when that differed) its look after settling, with the simulator's.
     *
     * @param settled Kafka's observation once it agreed or the settling bound ran out, null without one
     * @param settledMs how long the settling took
     */
    static Comparison of(Observation sim, Observation first, Observation settled, long settledMs, String note) {
        List<FieldDiff> before = diff(sim.fields(), first.fields());
        if (before.isEmpty()) {
            return new Comparison(sim, first, Verdict.AGREE, List.of(), -1, note);
        }
        if (settled != null && diff(sim.fields(), settled.fields()).isEmpty()) {
            List<FieldDiff> timing = before.stream()
                    .map(d -> new FieldDiff(d.field(), d.sim(), d.kafka(), true))
                    .toList();
            return new Comparison(sim, settled, Verdict.TIMING, timing, settledMs, note);
        }
        Observation last = settled != null ? settled : first;
        List<FieldDiff> after = settled != null ? diff(sim.fields(), settled.fields()) : before;
        boolean timingOnly = after.stream().allMatch(FieldDiff::timingOnly);
        return new Comparison(sim, last, timingOnly ? Verdict.TIMING : Verdict.DIFFER, after, -1, note);
    }

    /** The fields whose values differ, in field order. */
    static List<FieldDiff> diff(SortedMap<String, String> sim, SortedMap<String, String> kafka) {
        TreeSet<String> names = new TreeSet<>(sim.keySet());
        names.addAll(kafka.keySet());
        List<FieldDiff> diffs = new ArrayList<>();
        for (String name : names) {
            String a = sim.getOrDefault(name, "-");
            String b = kafka.getOrDefault(name, "-");
            if (!a.equals(b)) {
                diffs.add(new FieldDiff(name, a, b, Observation.timingOnly(name)));
            }
        }
        return electedBySomeoneElse(diffs);
    }

    /**
     * An election one side ran and the other found not needed, with the same leader after it on both:
     * the automatic leader rebalance (its own timer on each side) got there first. Timing, not a decision.
     */
    private static List<FieldDiff> electedBySomeoneElse(List<FieldDiff> diffs) {
        List<String> leaderDiffs = diffs.stream()
                .map(FieldDiff::field)
                .filter(f -> f.endsWith(" leader"))
                .toList();
        List<String> outcomes = List.of("elected", "not needed");
        return diffs.stream()
                .map(d -> d.field().endsWith(" election")
                                && outcomes.contains(d.sim())
                                && outcomes.contains(d.kafka())
                                && !leaderDiffs.contains(d.field().replace(" election", " leader"))
                        ? new FieldDiff(d.field(), d.sim(), d.kafka(), true)
                        : d)
                .toList();
    }
}
