package leaderlab.app;

import java.io.PrintStream;
import java.util.List;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.chaos.ChaosReport;
import leaderlab.shell.chaos.ChaosRunner;

/**
 * {@code leaderlab chaos --seeds N [--unsafe] [--seed S] [--steps K]}: randomized fault testing in the
 * simulator, with a minimal replay script for every failing seed.
 */
final class ChaosCommand {

    static final String USAGE = "usage: leaderlab chaos [--seeds N | --seed S] [--unsafe] [--steps K]";

    /** Failing seeds whose schedule is shrunk and printed; more only add noise. */
    private static final int MINIMIZED_FAILURES = 3;

    private ChaosCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long first = 1;
        long count = 100;
        boolean unsafe = false;
        int steps = 40;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seeds" -> count = Long.parseLong(args[++i]);
                    case "--seed" -> {
                        first = Long.parseLong(args[++i]);
                        count = 1;
                    }
                    case "--unsafe" -> unsafe = true;
                    case "--steps" -> steps = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown chaos argument '" + args[i] + "'");
                }
            }
            if (count < 1 || steps < 1) {
                throw new IllegalArgumentException("--seeds and --steps must be at least 1");
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            err.println("leaderlab: " + USAGE);
            return ScriptRunner.ERROR;
        } catch (IllegalArgumentException e) {
            err.println("leaderlab: " + e.getMessage() + "; " + USAGE);
            return ScriptRunner.ERROR;
        }
        ChaosRunner runner = new ChaosRunner(unsafe, steps);
        ChaosReport report = new ChaosReport(unsafe);
        int shown = 0;
        for (long seed = first; seed < first + count; seed++) {
            ChaosRunner.Outcome outcome = runner.run(seed);
            report.add(outcome);
            if (outcome.failed() && shown++ < MINIMIZED_FAILURES) {
                List<String> minimal = runner.minimize(outcome);
                out.println("seed " + seed + " FAILED: " + outcome.failure());
                out.println("minimal script (" + minimal.size() + " of " + outcome.steps().size() + " steps):");
                out.print(outcome.plan().script(minimal));
            }
        }
        report.print(out);
        return report.failed() == 0 ? ScriptRunner.OK : ScriptRunner.FAILED;
    }
}
