package leaderlab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import leaderlab.cluster.ClusterOptions;
import leaderlab.kafka.compare.Compare;
import leaderlab.kafka.compare.ScriptLine;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.command.Parse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leaderlab compare SCRIPT}: runs a script on the simulator and on a real local Kafka cluster of
 * the same shape and prints, per describe, produce, elect and expect, the fields that differ. Exit 0
 * when nothing disagrees (timing-only differences allowed), 1 when something does, 2 for bad input.
 */
@Command(
        name = "compare",
        description = {
            "Run a script on the simulator (seeded) and on a real local Kafka 4.4 cluster with the same brokers,",
            "racks, controllers and timings, and print for each describe/produce/elect/expect the fields that",
            "differ (leader, replicas, ISR, ELR, HW, produce outcome and offsets, election result), then",
            "\"N/M observations agree\". Kafka is compared at checkpoints: it gets --settle to reach the",
            "simulator's state before each produce and elect, and a differing describe or expect is looked at",
            "again until it agrees (a timing difference) or --settle runs out (a disagreement)."
        })
final class CompareCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "SCRIPT", description = "a leaderlab script, e.g. scripts/failover.ll")
    private Path script;

    @Mixin
    private ClusterShapeOptions shape;

    @Option(
            names = "--seed",
            paramLabel = "N",
            converter = LaunchOptions.WholeNumber.class,
            description = "the simulator's seed (default 1)")
    private long seed = 1;

    @Option(
            names = "--settle",
            paramLabel = "DURATION",
            description = "how long real Kafka may take to reach a checkpoint (default 30s)")
    private String settle = "30s";

    @Mixin
    private HelpOption help;

    CompareCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        List<ScriptLine> lines;
        ClusterOptions simulator;
        long settleMs;
        try {
            lines = Compare.read(script);
            settleMs = Parse.durationMs(settle);
            simulator = shape.simulator(seed, true);
        } catch (NoSuchFileException e) {
            err.println("leaderlab: compare: no such script file: " + script);
            return ScriptRunner.ERROR;
        } catch (IOException | RuntimeException e) {
            err.println("leaderlab: compare: " + e.getMessage());
            return ScriptRunner.ERROR;
        }
        try {
            Compare.Outcome outcome = Compare.onLocalKafka(lines, simulator, settleMs, line -> {
                out.println(line);
                out.flush();
            });
            return outcome.anyDisagree() ? ScriptRunner.FAILED : ScriptRunner.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("leaderlab: compare: interrupted");
            return ScriptRunner.ERROR;
        } catch (RuntimeException e) {
            err.println("leaderlab: compare: " + script + ": " + e.getMessage());
            return ScriptRunner.ERROR;
        }
    }
}
