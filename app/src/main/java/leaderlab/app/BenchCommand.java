package leaderlab.app;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import leaderlab.app.bench.EngineBench;
import leaderlab.shell.ScriptRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leaderlab bench [fence|throughput|heap|startup|frames|all] [--partitions N] [--seconds S]
 * [--brokers B] [--frames F] [--present]}. {@code all} leaves out frames, which needs JavaFX's headless glass,
 * and {@code bench failover-vs-kafka} (its own subcommand), which starts real Kafka.
 */
@Command(
        name = "bench",
        description = "Measure the engine: fence (failover at scale), throughput, heap, startup, "
                + "frames (the window's frame time); all runs every one but frames. "
                + "bench failover-vs-kafka --help: the same failover on real Kafka and on leaderlab.")
final class BenchCommand implements Callable<Integer> {

    /** The benchmarks, as typed. */
    enum Which {
        fence,
        throughput,
        heap,
        startup,
        frames,
        all
    }

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(
            arity = "0..1",
            paramLabel = "WHICH",
            description = "fence, throughput, heap, startup, frames or all " + "(default all)")
    private Which which = Which.all;

    @Option(names = "--partitions", paramLabel = "N", description = "partitions (default per benchmark)")
    private Integer partitions;

    @Option(names = "--seconds", paramLabel = "S", description = "throughput run time (default 20)")
    private double seconds = 20;

    @Option(names = "--brokers", paramLabel = "B", description = "brokers for frames (default 12)")
    private int brokers = 12;

    @Option(names = "--frames", paramLabel = "F", description = "frames to measure after the warm-up (default 1200)")
    private int frames = 1200;

    @Option(names = "--present", description = "frames: the window in presenter mode (full screen, narration)")
    private boolean present;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    private boolean help;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code bench} with its subcommand {@code failover-vs-kafka}. */
    static picocli.CommandLine commandLine(PrintStream out, PrintStream err) {
        return new picocli.CommandLine(new BenchCommand(out, err))
                .addSubcommand("failover-vs-kafka", new FailoverVsKafkaCommand(out, err));
    }

    @Override
    public Integer call() {
        if (which == Which.frames) {
            try {
                new leaderlab.app.bench.FrameBench(out)
                        .run(brokers, partitions == null ? 1200 : partitions, frames, present);
                return ScriptRunner.OK;
            } catch (InterruptedException | RuntimeException e) {
                err.println("leaderlab: frame bench failed: " + e.getMessage());
                return ScriptRunner.ERROR;
            }
        }
        boolean all = which == Which.all;
        EngineBench bench = new EngineBench(out);
        if (which == Which.startup || all) {
            try {
                new leaderlab.app.bench.StartupBench(out).run(10);
            } catch (java.io.IOException | InterruptedException | IllegalStateException e) {
                err.println("leaderlab: startup bench failed: " + e.getMessage());
                return ScriptRunner.ERROR;
            }
        }
        if (which == Which.throughput || all) {
            new leaderlab.app.bench.RuntimeCoreBench(out).run(50_000_000);
            bench.throughput(seconds);
        }
        if (which == Which.heap || all) {
            bench.heap(partitions == null ? 100_000 : partitions);
        }
        if (which == Which.fence || all) {
            bench.fence(partitions == null ? 1_000_000 : partitions);
        }
        return ScriptRunner.OK;
    }
}
