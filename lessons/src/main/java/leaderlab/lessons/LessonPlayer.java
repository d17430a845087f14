package leaderlab.lessons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import leaderlab.cluster.Cluster;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * Plays a lesson step by step on its own cluster: the API the terminal, the window and the verifier
 * share. {@link #position()} is the number of steps played; {@link #upcoming()} is the step Next plays;
 * {@link #lastRun()} is what the last played step showed. {@link #back()} is a deterministic replay: a
 * fresh cluster from the lesson's seed replays the earlier steps silently, so state after Back is the
 * state the class saw the first time (exactly so in the simulated runtime).
 *
 * <p>Predictions open their step (the parser insists), so they are asked before any of the step's commands
 * run: the class answers looking at the state before the step.
 *
 * <p>Its methods are called from one thread (a window's worker, since {@link #next} blocks while commands
 * run and while its listener waits for a pause). Other threads read {@link #state()}, an immutable value
 * published after every change. After {@link #back()} the cluster is a new object: read it again.
 */
public final class LessonPlayer implements AutoCloseable {

    private final Lesson lesson;
    private final PlayMode mode;
    private final CommandRegistry registry;
    private final boolean stopAtFailure;
    private final PredictionLog predictionLog;
    /** Answers given so far, by step number then prediction line, so a replay reveals the same answers. */
    private final Map<Integer, Map<Integer, String>> answers = new HashMap<>();

    private final List<StepRun> runs = new ArrayList<>();
    private final LessonHost.Factory hosts;
    private LessonHost host;
    private volatile PlayerState state;

    /**
     * @param stopAtFailure stop a step at its first failure (verification) instead of going on (a class)
     * @param predictionLog where answered predictions go, or null to keep them in memory only
     */
    public LessonPlayer(Lesson lesson, PlayMode mode, boolean stopAtFailure, PredictionLog predictionLog) {
        this(lesson, mode, stopAtFailure, predictionLog, null);
    }

    /**
     * @param hosts where each fresh cluster's commands run (a window's session and runner), or null for a
     *              dispatcher of the player's own
     */
    public LessonPlayer(
            Lesson lesson,
            PlayMode mode,
            boolean stopAtFailure,
            PredictionLog predictionLog,
            LessonHost.Factory hosts) {
        this.lesson = lesson;
        this.mode = mode;
        this.registry = LessonCommands.registry();
        this.stopAtFailure = stopAtFailure;
        this.predictionLog = predictionLog;
        this.hosts = hosts != null ? hosts : cluster -> LessonHost.own(new Dispatcher(registry, new Session(cluster)));
        this.host = freshCluster();
        publish();
    }

    /** The player as of its last change; safe to read from any thread. */
    public PlayerState state() {
        return state;
    }

    private void publish() {
        state = new PlayerState(
                lesson,
                runs.size(),
                finished() ? null : lesson.steps().get(runs.size()),
                lastRun(),
                host.session().cluster());
    }

    public Lesson lesson() {
        return lesson;
    }

    public PlayMode mode() {
        return mode;
    }

    public int stepCount() {
        return lesson.steps().size();
    }

    /** Steps played so far, 0..stepCount(). */
    public int position() {
        return runs.size();
    }

    public boolean finished() {
        return position() == stepCount();
    }

    /** The step Next plays, or null when the lesson is finished. */
    public Step upcoming() {
        return finished() ? null : lesson.steps().get(position());
    }

    /** What the last played step showed, or null before the first step. */
    public StepRun lastRun() {
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }

    /** Every step played so far, in order. */
    public List<StepRun> runs() {
        return List.copyOf(runs);
    }

    /** The cluster the lesson is playing on now (a new one after Back). */
    public Cluster cluster() {
        return host.session().cluster();
    }

    /** Runs another command line on the lesson's cluster; it is not replayed by Back. */
    public Result run(String line) {
        return host.run(line);
    }

    /** Plays the upcoming step. */
    public StepRun next(PlayerListener listener) {
        if (finished()) {
            throw new IllegalStateException("the lesson is finished; back or goTo(0) to play it again");
        }
        StepRun run = play(lesson.steps().get(position()), listener, false);
        runs.add(run);
        publish();
        return run;
    }

    /** Un-plays the last step: the state and {@link #lastRun()} are as they were before it. */
    public StepRun back() {
        return goTo(Math.max(0, position() - 1));
    }

    /** Replays from a fresh cluster to {@code target} steps played; returns the last run, or null at 0. */
    public StepRun goTo(int target) {
        if (target < 0 || target > stepCount()) {
            throw new IllegalArgumentException("a lesson position is 0.." + stepCount() + ", not " + target);
        }
        LessonHost old = host;
        host = freshCluster();
        old.retire();
        runs.clear();
        for (int i = 0; i < target; i++) {
            runs.add(play(lesson.steps().get(i), PlayerListener.SILENT, true));
        }
        publish();
        return lastRun();
    }

    private LessonHost freshCluster() {
        Cluster cluster = Cluster.start(lesson.clusterOptions(mode.simulated()));
        if (!mode.simulated()) {
            cluster.runtime().setSpeed(mode.speed());
        }
        LessonHost fresh = hosts.start(cluster);
        for (Lesson.Setting setting : lesson.configs()) {
            Result result = fresh.run(setting.command());
            if (!result.isOk()) {
                fresh.retire();
                throw new IllegalStateException(lesson.source() + ": config " + setting.key() + "=" + setting.value()
                        + " was refused: " + String.join(" ", result.lines()));
            }
        }
        return fresh;
    }

    private StepRun play(Step step, PlayerListener listener, boolean replay) {
        List<String> transcript = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<Integer, String> given = answers.computeIfAbsent(step.number(), n -> new HashMap<>());
        for (StepLine line : step.lines()) {
            switch (line.kind()) {
                case PAUSE -> listener.pause(line);
                case PREDICT -> {
                    if (!replay) {
                        String choice = listener.predict(line.prediction());
                        given.put(
                                line.line(),
                                choice == null ? null : line.prediction().resolve(choice));
                    }
                }
                default -> runCommand(line, listener, transcript, failures);
            }
            if (stopAtFailure && !failures.isEmpty()) {
                break;
            }
        }
        List<Reveal> reveals = new ArrayList<>();
        for (StepLine line : step.lines()) {
            if (line.prediction() != null && (failures.isEmpty() || !stopAtFailure)) {
                reveals.add(reveal(step, line, given.get(line.line()), listener, replay, failures));
            }
        }
        return new StepRun(step, transcript, failures, reveals);
    }

    private void runCommand(StepLine line, PlayerListener listener, List<String> transcript, List<String> failures) {
        listener.command(line);
        transcript.add("> " + line.text());
        Result result = host.run(line.text());
        if (result.isOk()) {
            result.lines().forEach(listener::output);
            transcript.addAll(result.lines());
            if (line.focus() != null) {
                listener.focus(line.focus());
            }
            return;
        }
        for (String message : result.lines()) {
            String failure = lesson.source() + ":" + line.line() + ": " + message;
            failures.add(failure);
            transcript.add(failure);
            listener.failure(failure);
        }
    }

    private Reveal reveal(
            Step step, StepLine line, String choice, PlayerListener listener, boolean replay, List<String> failures) {
        Prediction prediction = line.prediction();
        if (prediction.checkLine() != null) {
            Result check = host.run(prediction.checkLine());
            if (!check.isOk()) {
                String failure = lesson.source() + ":" + line.line() + ": the stated --answer " + prediction.answer()
                        + " is not what happened: " + String.join(" ", check.lines());
                failures.add(failure);
                listener.failure(failure);
            }
        }
        Reveal reveal = new Reveal(step.number(), prediction, choice);
        if (!replay && choice != null && predictionLog != null) {
            predictionLog.record(lesson.name(), reveal);
        }
        listener.reveal(reveal);
        return reveal;
    }

    @Override
    public void close() {
        host.retire();
    }
}
