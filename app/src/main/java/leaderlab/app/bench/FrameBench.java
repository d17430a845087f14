package leaderlab.app.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
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
    private static final int WARMUP_FRAMES = 150;

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

    /** On the FX thread: shows the window as the app does and records pulses after a warm-up. */
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
        new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                if (frame == 0) {
                    firstFrameNanos = System.nanoTime() - made;
                    toolkitToFirstFrameNanos = System.nanoTime() - toolkitStartNanos;
                }
                frame++;
                pulses.record(frame > WARMUP_FRAMES);
                if (frame > WARMUP_FRAMES + frames) {
                    pulses.record(false);
                    stop();
                    window.stop();
                    stage.close();
                    done.complete(null);
                }
            }
        }.start();
    }

    private void report(int brokers, int partitions, List<PulseLog.Pulse> pulses, long elections) {
        long[] sorted =
                pulses.stream().mapToLong(PulseLog.Pulse::durationMs).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("JavaFX reported no pulses (is javafx.pulseLogger honoured?)");
        }
        out.printf(
                Locale.ROOT,
                "frames: %d brokers x %,d partitions (RF 3), live, failover storm (%d elections "
                        + "during the run), window %dx%d%s, software rendering (prism.order=sw), %d frames%n",
                brokers,
                partitions,
                elections,
                width,
                height,
                presenter ? " in presenter mode" : "",
                sorted.length);
        out.printf(
                Locale.ROOT,
                "frames: first frame %d ms after the window was made, %d ms after the toolkit started%n",
                firstFrameNanos / 1_000_000,
                toolkitToFirstFrameNanos / 1_000_000);
        out.printf(
                Locale.ROOT,
                "frames: per frame p50 %d ms, p95 %d ms, max %d ms%n",
                quantile(sorted, 0.50),
                quantile(sorted, 0.95),
                sorted[sorted.length - 1]);
        List<PulseLog.Pulse> slowest = pulses.stream()
                .sorted(java.util.Comparator.comparingLong(PulseLog.Pulse::durationMs)
                        .reversed())
                .limit(Math.max(1, sorted.length / 20))
                .toList();
        out.println("frames: where the time went (means: " + whereTimeWent(pulses) + "; in the slowest 5%: "
                + whereTimeWent(slowest) + ")");
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
