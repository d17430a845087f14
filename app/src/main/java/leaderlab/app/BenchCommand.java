package leaderlab.app;

import java.io.PrintStream;
import leaderlab.app.bench.EngineBench;
import leaderlab.shell.ScriptRunner;

/**
 * {@code leaderlab bench [fence|throughput|heap|startup|frames|all] [--partitions N] [--seconds S]
 * [--brokers B] [--frames F] [--present]}. {@code all} leaves out frames, which needs JavaFX's headless glass.
 */
final class BenchCommand {

    static final String USAGE = "usage: leaderlab bench [fence|throughput|heap|startup|frames|all] [--partitions N] [--seconds S] "
            + "[--brokers B] [--frames F] [--present]";

    private BenchCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String which = "all";
        Integer partitions = null;
        double seconds = 20;
        int brokers = 12;
        int frames = 600;
        boolean present = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "fence", "throughput", "heap", "startup", "frames", "all" -> which = args[i];
                    case "--brokers" -> brokers = Integer.parseInt(args[++i]);
                    case "--frames" -> frames = Integer.parseInt(args[++i]);
                    case "--present" -> present = true;
                    case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    default -> throw new IllegalArgumentException("unknown bench argument '" + args[i] + "'");
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            err.println("leaderlab: " + USAGE);
            return ScriptRunner.ERROR;
        } catch (IllegalArgumentException e) {
            err.println("leaderlab: " + e.getMessage() + "; " + USAGE);
            return ScriptRunner.ERROR;
        }
        if (which.equals("frames")) {
            try {
                new leaderlab.app.bench.FrameBench(out).run(brokers, partitions == null ? 1200 : partitions, frames, present);
                return ScriptRunner.OK;
            } catch (InterruptedException | RuntimeException e) {
                err.println("leaderlab: frame bench failed: " + e.getMessage());
                return ScriptRunner.ERROR;
            }
        }
        EngineBench bench = new EngineBench(out);
        if (which.equals("startup") || which.equals("all")) {
            try {
                new leaderlab.app.bench.StartupBench(out).run(10);
            } catch (java.io.IOException | InterruptedException | IllegalStateException e) {
                err.println("leaderlab: startup bench failed: " + e.getMessage());
                return ScriptRunner.ERROR;
            }
        }
        if (which.equals("throughput") || which.equals("all")) {
            new leaderlab.app.bench.RuntimeCoreBench(out).run(50_000_000);
            bench.throughput(seconds);
        }
        if (which.equals("heap") || which.equals("all")) {
            bench.heap(partitions == null ? 100_000 : partitions);
        }
        if (which.equals("fence") || which.equals("all")) {
            bench.fence(partitions == null ? 1_000_000 : partitions);
        }
        return ScriptRunner.OK;
    }
}
