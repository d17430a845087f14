package leaderlab.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import leaderlab.app.window.LeaderlabWindow;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.EventType;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;

/**
 * {@code leaderlab bench frames}: how long the window takes per frame on a large live cluster in a
 * failover storm, with software rendering and no display (Monocle's headless glass). A frame is one
 * JavaFX pulse as JavaFX itself times it: the window's frame loop (snapshot, journal, history, redraws),
 * CSS and layout, and rendering what changed, in software.
 */
public final class FrameBench {

    private int width = 1600;
    private int height = 1000;
    private boolean presenter;
    /** Nanoseconds from making the window to its first pulse: what a user waits for before seeing it. */
    private volatile long firstFrameNanos;
    /** From starting the JavaFX toolkit to the window's first pulse. */
    private volatile long toolkitToFirstFrameNanos;

    private long toolkitStartNanos;
    /** Frames drawn before measuring at the least, even with a settled compiler. */
    private static final int MIN_WARMUP_FRAMES = 150;
    /** The longest warm-up: a compiler still busy by then is reported as such, and frames are measured anyway. */
    private static final long MAX_WARMUP_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The compiler counts as settled once it is busy for less than 5% of a second. */
    private static final double SETTLED_COMPILER_SHARE = 0.05;

    private volatile long warmupNanos;
    private volatile int warmupFrames;
    private volatile boolean compilerSettled;

    private final PrintStream out;

    public FrameBench(PrintStream out) {
        this.out = out;
    }

    /** Must run before anything touches JavaFX: headless glass, the software pipeline, the window's settings. */
    public static void configureHeadlessSoftwareRendering() {
        System.setProperty("prism.order", "sw");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("headless.geometry", "1920x1200-32");
        leaderlab.app.window.WindowLauncher.configureRendering();
    }

    public void run(int brokers, int partitions, int frames) throws InterruptedException {
        run(brokers, partitions, frames, false);
    }

    /** @param present presenter mode at 1920x1080: the cluster view and headline in presenter type */
    public void run(int brokers, int partitions, int frames, boolean present) throws InterruptedException {
        presenter = present;
        if (present) {
            width = 1920;
            height = 1080;
        }
        configureHeadlessSoftwareRendering();
        PulseLog.enable();
        PrintStream originalErr = System.err;
        PulseLog pulses = new PulseLog(originalErr);
        System.setErr(new PrintStream(pulses, true, java.nio.charset.StandardCharsets.UTF_8));
        try (Cluster cluster = Cluster.start(new ClusterOptions(brokers, 0, 1, false, false));
                CommandRunner runner =
                        new CommandRunner(new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster)))) {
            runner.run("create topic storm --partitions " + partitions + " --replication-factor 3");
            runner.run("wait 3s");
            long electionsBefore = elections(cluster);
            CountDownLatch started = new CountDownLatch(1);
            toolkitStartNanos = System.nanoTime();
            Platform.startup(started::countDown);
            started.await();
            CompletableFuture<Void> measured = new CompletableFuture<>();
            Platform.runLater(() -> measure(runner, frames, pulses, measured));
            Thread storm = new Thread(() -> storm(runner, brokers, measured), "frame-bench-storm");
            storm.start();
            measured.join();
            storm.join(TimeUnit.SECONDS.toMillis(30));
            report(brokers, partitions, pulses.pulses(), elections(cluster) - electionsBefore);
        } finally {
            Platform.exit();
            System.setErr(originalErr);
        }
    }

    /** Kills two brokers, waits, restarts them, waits, and moves on, as long as frames are measured. */
    private static void storm(CommandRunner runner, int brokers, CompletableFuture<?> done) {
        for (int round = 0; !done.isDone(); round++) {
            int a = 1 + round % brokers;
            int b = 1 + (round + brokers / 2) % brokers;
            for (String line :
                    new String[] {"kill " + a, "kill " + b, "wait 2s", "restart " + a, "restart " + b, "wait 2s"}) {
                runner.run(line);
            }
        }
    }

    private static long elections(Cluster cluster) {
        return cluster.journal()
                .since(0, e -> e.type() == EventType.LEADER_ELECTED)
                .size();
    }

    /**
     * On the FX thread: shows the window as the app does, warms up until the JIT compiler has settled, then
     * records {@code frames} more pulses.
     */
    private void measure(CommandRunner runner, int frames, PulseLog pulses, CompletableFuture<Void> done) {
        long made = System.nanoTime();
        LeaderlabWindow window = new LeaderlabWindow(runner, false, width, height);
        if (presenter) {
            window.setPresenter(true);
        }
        Stage stage = new Stage();
        stage.setScene(window.scene());
        stage.show();
        window.start();
        JitSettling compiler = new JitSettling(SETTLED_COMPILER_SHARE);
        new AnimationTimer() {
            private int frame;
            private long warmupStartNanos;
            private int measuredFrames = -1;

            @Override
            public void handle(long now) {
                long nowNanos = System.nanoTime();
                if (frame == 0) {
                    firstFrameNanos = nowNanos - made;
                    toolkitToFirstFrameNanos = nowNanos - toolkitStartNanos;
                    warmupStartNanos = nowNanos;
                    pulses.record(PulseLog.Stage.WARMUP);
                }
                frame++;
                if (measuredFrames < 0) {
                    boolean settled = compiler.settled(nowNanos);
                    boolean timeUp = nowNanos - warmupStartNanos >= MAX_WARMUP_NANOS;
                    if (frame >= MIN_WARMUP_FRAMES && (settled || timeUp)) {
                        warmupNanos = nowNanos - warmupStartNanos;
                        warmupFrames = frame;
                        compilerSettled = settled;
                        measuredFrames = 0;
                        pulses.record(PulseLog.Stage.MEASURED);
                    }
                } else if (++measuredFrames > frames) {
                    pulses.record(PulseLog.Stage.OFF);
                    stop();
                    window.stop();
                    stage.close();
                    done.complete(null);
                }
            }
        }.start();
    }

    private void report(int brokers, int partitions, List<PulseLog.Pulse> pulses, long elections) {
        List<PulseLog.Pulse> measured = painted(pulses, PulseLog.Stage.MEASURED);
        if (measured.isEmpty()) {
            throw new IllegalStateException("JavaFX reported no painted pulses (is javafx.pulseLogger honoured?)");
        }
        long[] sorted = sortedDurations(measured);
        out.printf(
                Locale.ROOT,
                "frames: %d brokers x %,d partitions (RF 3), live, failover storm (%d elections "
                        + "during the run), window %dx%d%s, software rendering (prism.order=sw)%n",
                brokers,
                partitions,
                elections,
                width,
                height,
                presenter ? " in presenter mode" : "");
        out.println("frames: JVM options "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.printf(
                Locale.ROOT,
                "frames: first frame %d ms after the window was made, %d ms after the toolkit started%n",
                firstFrameNanos / 1_000_000,
                toolkitToFirstFrameNanos / 1_000_000);
        long[] warmup = sortedDurations(painted(pulses, PulseLog.Stage.WARMUP));
        out.printf(
                Locale.ROOT,
                "frames: warm-up %.1f s (%d frames) %s; while it ran, painted frames p95 %d ms%n",
                warmupNanos / 1e9,
                warmupFrames,
                compilerSettled
                        ? "until the JIT compiler settled (busy under " + Math.round(SETTLED_COMPILER_SHARE * 100)
                                + "% of a second)"
                        : "and the JIT compiler was still busy: measured anyway",
                warmup.length == 0 ? 0 : quantile(warmup, 0.95));
        long pulsesRun = measuredPulseCount(pulses);
        out.printf(
                Locale.ROOT,
                "frames: per painted frame p50 %d ms, p95 %d ms, max %d ms (%d painted frames; of the %d pulses"
                        + " measured, the others painted nothing)%n",
                quantile(sorted, 0.50),
                quantile(sorted, 0.95),
                sorted[sorted.length - 1],
                sorted.length,
                pulsesRun);
        List<PulseLog.Pulse> slowest = measured.stream()
                .sorted(Comparator.comparingLong(PulseLog.Pulse::durationMs).reversed())
                .limit(Math.max(1, sorted.length / 20))
                .toList();
        out.println("frames: where the time went (means: " + whereTimeWent(measured) + "; in the slowest 5%: "
                + whereTimeWent(slowest) + ")");
    }

    private static List<PulseLog.Pulse> painted(List<PulseLog.Pulse> pulses, PulseLog.Stage stage) {
        return pulses.stream().filter(p -> p.stage() == stage && p.painted()).toList();
    }

    private static long[] sortedDurations(List<PulseLog.Pulse> pulses) {
        return pulses.stream().mapToLong(PulseLog.Pulse::durationMs).sorted().toArray();
    }

    /** JavaFX numbers every pulse but reports only those of 1 ms or more: the span of numbers counts them all. */
    private static long measuredPulseCount(List<PulseLog.Pulse> pulses) {
        LongSummaryStatistics numbers = pulses.stream()
                .filter(p -> p.stage() == PulseLog.Stage.MEASURED)
                .mapToLong(PulseLog.Pulse::number)
                .summaryStatistics();
        return numbers.getMax() - numbers.getMin() + 1;
    }

    /**
     * Means of the pulses' parts: before layout (the window's frame loop in its animation timer), the FX
     * thread waiting for the previous frame's rendering, painting, and the pixels repainted.
     */
    private static String whereTimeWent(List<PulseLog.Pulse> pulses) {
        return String.format(
                Locale.ROOT,
                "frame %.1f ms = frame loop %.1f ms, waiting for previous rendering %.1f ms, painting %.1f ms"
                        + " over %,d dirty px",
                pulses.stream().mapToLong(PulseLog.Pulse::durationMs).average().orElse(0),
                pulses.stream().mapToLong(PulseLog.Pulse::timersMs).average().orElse(0),
                pulses.stream().mapToLong(PulseLog.Pulse::waitingMs).average().orElse(0),
                pulses.stream().mapToLong(PulseLog.Pulse::paintingMs).average().orElse(0),
                (long) pulses.stream()
                        .mapToLong(PulseLog.Pulse::dirtyPixels)
                        .average()
                        .orElse(0));
    }

    private static long quantile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
