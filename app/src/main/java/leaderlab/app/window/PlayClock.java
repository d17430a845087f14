package leaderlab.app.window;

import java.util.concurrent.CompletableFuture;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Result;

/**
 * Pause, play, step and speed, as commands. Live, they are the shell's {@code time} commands. In the
 * simulator time moves only with commands, so while playing the clock keeps one {@code wait} in
 * flight per tick of wall time (scaled by the speed) and never queues more, so a slow cluster is
 * never flooded; the ticks are not logged, the play and pause are.
 */
public final class PlayClock {

    /** Cluster time one step (and one play tick at speed 1) moves. */
    static final long STEP_MS = 100;

    private static final long TICK_NANOS = STEP_MS * 1_000_000L;

    /** Said when a time control is used on real Kafka, whose time nobody can pause, step or speed up. */
    static final String REAL_TIME =
            "real Kafka runs on the wall clock: it cannot be paused, stepped or sped up (History replays what was polled)";

    private final CommandRunner runner;
    /** Driving a real Kafka cluster: its time runs by itself and the session has no simulated cluster. */
    private final boolean real;

    private boolean simulatedPlaying;
    private double speed = 1.0;
    private volatile CompletableFuture<Result> tick;
    private long lastTickNanos;

    public PlayClock(CommandRunner runner, boolean playing) {
        this(runner, playing, false);
    }

    /** @param real the session drives a real Kafka cluster */
    PlayClock(CommandRunner runner, boolean playing, boolean real) {
        this.runner = runner;
        this.simulatedPlaying = playing;
        this.real = real;
        // The shell's time speed sets this clock's speed when the session is simulated (followTimeSpeed).
        runner.session().setSimulatorPlayed(!real);
    }

    private boolean simulated() {
        return !real && runner.session().cluster().runtime().isSimulated();
    }

    /** True when cluster time runs by itself (live and not paused, or real) or the window plays the simulator. */
    public boolean playing() {
        if (real) {
            return true;
        }
        return simulated()
                ? simulatedPlaying
                : !runner.session().cluster().runtime().isPaused();
    }

    public void toggle() {
        if (real) {
            announce(REAL_TIME);
        } else if (playing()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (simulated()) {
            simulatedPlaying = true;
            announce("playing the simulator: each 100 ms of wall time runs wait " + tickMs() + "ms");
        } else {
            runner.submit("time resume");
        }
    }

    /**
     * A lesson moves its own (simulated) cluster's time: the window stops playing the simulator, whatever
     * the cluster before it was, and runs no command for it (that cluster is being replaced).
     */
    void leaveTimeToLesson() {
        simulatedPlaying = false;
    }

    public void pause() {
        if (simulated()) {
            simulatedPlaying = false;
            announce("paused the simulator");
        } else {
            runner.submit("time pause");
        }
    }

    /** Moves cluster time one step and stops there. */
    public void step() {
        if (real) {
            announce(REAL_TIME);
            return;
        }
        if (playing()) {
            pause();
        }
        if (simulated()) {
            runner.submit("wait " + STEP_MS + "ms");
        } else {
            runner.submit("time resume");
            runner.submit("wait " + STEP_MS + "ms");
            runner.submit("time pause");
        }
    }

    public double speed() {
        return speed;
    }

    public void setSpeed(double newSpeed) {
        if (real) {
            announce(REAL_TIME);
            return;
        }
        speed = newSpeed;
        if (!simulated()) {
            runner.submit("time speed " + newSpeed);
        }
    }

    /** Takes a speed set elsewhere ({@code time speed} in the shell) without setting it again. */
    void followSpeed(double newSpeed) {
        speed = newSpeed;
    }

    private long tickMs() {
        return Math.max(1, Math.round(STEP_MS * speed));
    }

    /** Called every frame: while the simulator plays, keeps one wait in flight. */
    void onFrame(long nowNanos) {
        if (!simulatedPlaying || !simulated()) {
            return;
        }
        CompletableFuture<Result> inFlight = tick;
        if ((inFlight == null || inFlight.isDone()) && nowNanos - lastTickNanos >= TICK_NANOS) {
            lastTickNanos = nowNanos;
            tick = runner.submitUnannounced("wait " + tickMs() + "ms");
        }
    }

    /** Play and pause of the simulator are window state, not commands; the log still says so. */
    private void announce(String what) {
        runner.submit("# " + what);
    }

    /**
     * Follows {@code time speed X} run from any source (the shell, a lesson, the command bar), so the
     * window's speed box and clock never contradict the shell.
     */
    void followTimeSpeed(CommandRunner commands, java.util.function.DoubleConsumer showSpeed) {
        commands.addListener((line, result) -> {
            java.util.List<String> words = leaderlab.shell.command.Tokenizer.split(line.strip());
            if (result.isOk()
                    && words.size() == 3
                    && words.get(0).equals("time")
                    && words.get(1).equals("speed")) {
                try {
                    double speed = Double.parseDouble(words.get(2));
                    javafx.application.Platform.runLater(() -> {
                        followSpeed(speed);
                        showSpeed.accept(speed);
                    });
                } catch (NumberFormatException e) {
                    // A speed the command accepted is a number; nothing to follow otherwise.
                }
            }
        });
    }
}
