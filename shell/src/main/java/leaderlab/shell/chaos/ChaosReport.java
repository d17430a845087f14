package leaderlab.shell.chaos;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.check.Ledger;
import leaderlab.cluster.check.Violation;

/** Adds up chaos outcomes and prints the summary, with a minimal replay script for each failure. */
public final class ChaosReport {

    private final boolean unsafe;
    private int seeds;
    private int failed;
    private long events;
    private long faults;
    private long acknowledged;
    private long lostRecords;
    private int seedsWithLoss;
    private final Map<String, Integer> violationsByInvariant = new TreeMap<>();
    private final Map<String, Integer> lossCauses = new TreeMap<>();

    public ChaosReport(boolean unsafe) {
        this.unsafe = unsafe;
    }

    public void add(ChaosRunner.Outcome outcome) {
        seeds++;
        events += outcome.events();
        faults += outcome.faults();
        acknowledged += outcome.acknowledged();
        if (!outcome.losses().isEmpty()) {
            seedsWithLoss++;
        }
        for (Ledger.Loss loss : outcome.losses()) {
            lostRecords += loss.records().size();
            String cause = loss.explanation().startsWith("an unclean election")
                    ? "unclean election"
                    : loss.explanation().contains("acks=") ? "acks=1 leader lost" : "other";
            lossCauses.merge(cause, loss.records().size(), Integer::sum);
        }
        for (Violation violation : outcome.violations()) {
            violationsByInvariant.merge(violation.invariant(), 1, Integer::sum);
        }
        if (outcome.failed()) {
            failed++;
        }
    }

    public int failed() {
        return failed;
    }

    public long lostRecords() {
        return lostRecords;
    }

    public Map<String, Integer> violationsByInvariant() {
        return violationsByInvariant;
    }

    public void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "chaos: %,d seed(s), %s configurations, %,d simulated events, %,d faults injected%n",
                seeds,
                unsafe
                        ? "unsafe (random acks, min.insync.replicas, unclean)"
                        : "safe (acks=all, min.insync.replicas=2, unclean off)",
                events,
                faults);
        int violations = violationsByInvariant.values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        out.printf(Locale.ROOT, "violations: %d%s%n", violations, violations == 0 ? "" : " " + violationsByInvariant);
        out.printf(
                Locale.ROOT,
                "acknowledged records: %,d; lost: %,d in %d seed(s)%s%n",
                acknowledged,
                lostRecords,
                seedsWithLoss,
                lossCauses.isEmpty() ? "" : " " + lossCauses);
        out.printf(Locale.ROOT, "failed seeds: %d%n", failed);
    }
}
