package leaderlab.shell.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.check.Ledger;
import org.junit.jupiter.api.Test;

/** Randomized fault testing in the simulator: a thousand safe seeds, unsafe ones, and shrinking. */
@org.junit.jupiter.api.Tag("slow")
class ChaosTest {

    private static final int SAFE_SEEDS = 1000;
    private static final int UNSAFE_SEEDS = 200;

    @Test
    void aThousandSafeSeedsKeepEveryPromise() {
        ChaosRunner runner = new ChaosRunner(false, 40);
        ChaosReport report = new ChaosReport(false);
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= SAFE_SEEDS; seed++) {
            ChaosRunner.Outcome outcome = runner.run(seed);
            report.add(outcome);
            if (outcome.failed()) {
                failures.add("seed " + seed + ": " + outcome.failure() + "\n"
                        + outcome.plan().script(runner.minimize(outcome)));
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(
                0, report.lostRecords(), "no acknowledged record may be lost under acks=all, min ISR 2, unclean off");
        assertTrue(
                report.violationsByInvariant().isEmpty(),
                report.violationsByInvariant().toString());
    }

    @Test
    void unsafeSettingsLoseRecordsAndTheLedgerExplainsEveryLoss() {
        ChaosRunner runner = new ChaosRunner(true, 40);
        ChaosReport report = new ChaosReport(true);
        int uncleanLosses = 0;
        int acksOneLosses = 0;
        for (long seed = 1; seed <= UNSAFE_SEEDS; seed++) {
            ChaosRunner.Outcome outcome = runner.run(seed);
            report.add(outcome);
            assertFalse(
                    outcome.failed(),
                    "seed " + seed + ": protocol invariants hold even when unsafe: " + outcome.failure());
            for (Ledger.Loss loss : outcome.losses()) {
                assertFalse(loss.safe(), "seed " + seed + ": a loss under unsafe settings is not a violation");
                assertTrue(loss.eventSeq() >= 0, "every loss is a journal event");
                assertFalse(loss.explanation().isBlank(), "every loss is explained");
                if (loss.explanation().startsWith("an unclean election")) {
                    uncleanLosses++;
                } else if (loss.explanation().contains("acks=1")) {
                    acksOneLosses++;
                }
            }
        }
        assertTrue(report.lostRecords() > 0, "unsafe settings must lose acknowledged records");
        assertTrue(uncleanLosses > 0, "some losses come from unclean elections");
        assertTrue(acksOneLosses > 0, "some losses come from acks=1 leaders that crashed");
    }

    @Test
    void theSameSeedRunsTheSameWay() {
        ChaosRunner runner = new ChaosRunner(true, 40);
        ChaosRunner.Outcome first = runner.run(7);
        ChaosRunner.Outcome second = runner.run(7);
        assertEquals(first.events(), second.events());
        assertEquals(first.acknowledged(), second.acknowledged());
        assertEquals(first.losses().size(), second.losses().size());
    }

    @Test
    void minimizingKeepsOnlyWhatTheFailureNeeds() {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            steps.add("wait " + i + "ms");
        }
        steps.set(11, "kill 2");
        steps.set(30, "kill 3");
        List<String> minimal = ChaosRunner.minimize(steps, s -> s.contains("kill 2") && s.contains("kill 3"));
        assertEquals(List.of("kill 2", "kill 3"), minimal);
    }
}
