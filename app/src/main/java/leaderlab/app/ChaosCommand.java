package leaderlab.app;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.chaos.ChaosReport;
import leaderlab.shell.chaos.ChaosRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code leaderlab chaos --seeds N [--unsafe] [--seed S] [--steps K]}: randomized fault testing in the
 * simulator, with a minimal replay script for every failing seed.
 */
@Command(
        name = "chaos",
        description = "Randomized fault schedules in the simulator; every failing seed is shrunk to "
                + "a minimal replay script. Exits 1 if any seed broke an invariant.")
final class ChaosCommand implements Callable<Integer> {

    /** Failing seeds whose schedule is shrunk and printed; more only add noise. */
    private static final int MINIMIZED_FAILURES = 3;

    private final PrintStream out;

    @Option(names = "--seeds", paramLabel = "N", description = "run N seeds, from 1 or from --seed (default 100)")
    private Long seeds;

    @Option(names = "--seed", paramLabel = "S", description = "run one seed")
    private Long seed;

    @Option(names = "--unsafe", description = "unsafe settings (acks=1, unclean elections): losses are expected")
    private boolean unsafe;

    @Option(names = "--steps", paramLabel = "K", description = "faults per schedule (default 40)")
    private int steps = 40;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    private boolean help;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    ChaosCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        // --seed S alone runs one seed; with --seeds N it runs N seeds from S.
        long first = seed != null ? seed : 1;
        long count = seeds != null ? seeds : seed != null ? 1 : 100;
        if (count < 1 || steps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds and --steps must be at least 1");
        }
        ChaosRunner runner = new ChaosRunner(unsafe, steps);
        ChaosReport report = new ChaosReport(unsafe);
        int shown = 0;
        for (long current = first; current < first + count; current++) {
            ChaosRunner.Outcome outcome = runner.run(current);
            report.add(outcome);
            if (outcome.failed() && shown++ < MINIMIZED_FAILURES) {
                List<String> minimal = runner.minimize(outcome);
                out.println("seed " + current + " FAILED: " + outcome.failure());
                out.println("minimal script (" + minimal.size() + " of "
                        + outcome.steps().size() + " steps):");
                out.print(outcome.plan().script(minimal));
            }
        }
        report.print(out);
        return report.failed() == 0 ? ScriptRunner.OK : ScriptRunner.FAILED;
    }
}
