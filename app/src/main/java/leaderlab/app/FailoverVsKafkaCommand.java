package leaderlab.app;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import leaderlab.app.bench.FailoverSides;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.ScriptRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code leaderlab bench failover-vs-kafka}: the same failover on real Kafka and on leaderlab live. */
@Command(
        name = "failover-vs-kafka",
        description = "Kill a broker leading 1/N of P partitions on a local real Kafka cluster and on leaderlab "
                + "live with the same timings; print the time until every one has a new leader, and the ratio.")
final class FailoverVsKafkaCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    private ClusterShapeOptions shape;

    @Option(
            names = "--partitions",
            paramLabel = "P",
            split = ",",
            description = "partition counts, RF 3, measured in this order on one cluster (default 1000,10000)")
    private List<Integer> partitions = List.of(1000, 10_000);

    @Option(names = "--repetitions", paramLabel = "R", description = "kills per partition count (default 3)")
    private int repetitions = 3;

    @Mixin
    private HelpOption help;

    FailoverVsKafkaCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (repetitions < 1
                || partitions.stream().anyMatch(p -> p < 1)
                || !partitions.equals(partitions.stream().sorted().distinct().toList())) {
            err.println(
                    "leaderlab: --repetitions must be at least 1 and --partitions increasing counts, e.g. 1000,10000");
            return ScriptRunner.ERROR;
        }
        ClusterOptions live;
        try {
            // Live: real threads and the wall clock, as Kafka runs.
            live = shape.simulator(1, false);
        } catch (IllegalArgumentException e) {
            err.println("leaderlab: " + e.getMessage());
            return ScriptRunner.ERROR;
        }
        try {
            new FailoverSides(out).run(live, partitions, repetitions);
            return ScriptRunner.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("leaderlab: failover bench interrupted");
            return ScriptRunner.ERROR;
        } catch (RuntimeException e) {
            err.println("leaderlab: failover bench failed: " + e.getMessage());
            return ScriptRunner.ERROR;
        }
    }
}
