package leaderlab.kafka.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How compare prints: a line per observation, a line per differing field, and the tally. */
final class CompareReport {

    private CompareReport() {}

    static List<String> lines(Comparison c) {
        List<String> lines = new ArrayList<>();
        lines.add(head(c.sim().line(), c.sim().command()) + verdict(c));
        for (Comparison.FieldDiff d : c.diffs()) {
            lines.add("      " + d.field() + ": sim=" + d.sim() + " kafka=" + d.kafka()
                    + (d.timingOnly() ? " (timing)" : ""));
        }
        if (c.note() != null && c.verdict() != Comparison.Verdict.NOT_COMPARED) {
            lines.add("      kafka: " + c.note());
        }
        return lines;
    }

    /** A line about a script line that is not an observation (a wait Kafka needed longer for, a skipped line). */
    static String note(ScriptLine line, String what) {
        return head(line.number(), line.text()) + what;
    }

    private static String head(int line, String command) {
        return String.format(Locale.ROOT, "line %-3d %s: ", line, command);
    }

    private static String verdict(Comparison c) {
        return switch (c.verdict()) {
            case AGREE -> "agree";
            case TIMING ->
                "timing only" + (c.settled() >= 0 ? " (kafka agreed after " + seconds(c.settled()) + ")" : "");
            case DIFFER -> "DIFFER";
            case NOT_COMPARED -> "not compared: " + c.note();
        };
    }

    /** "4/6 observations agree, 1 differs by timing only, 1 disagrees; 3 not compared". */
    static String summary(List<Comparison> comparisons) {
        long agree = count(comparisons, Comparison.Verdict.AGREE);
        long timing = count(comparisons, Comparison.Verdict.TIMING);
        long differ = count(comparisons, Comparison.Verdict.DIFFER);
        long notCompared = count(comparisons, Comparison.Verdict.NOT_COMPARED);
        return agree + "/" + (agree + timing + differ) + " observations agree, " + timing + " differ"
                + (timing == 1 ? "s" : "") + " by timing only, " + differ + " disagree" + (differ == 1 ? "s" : "")
                + (notCompared == 0 ? "" : "; " + notCompared + " not compared");
    }

    private static long count(List<Comparison> comparisons, Comparison.Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).count();
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
