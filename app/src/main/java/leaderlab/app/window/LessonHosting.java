package leaderlab.app.window;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.lessons.Lesson;
import leaderlab.shell.command.CommandRunner;

/**
 * What the window does around a lesson it presents: it makes room for the narration, stops the
 * simulator playing by itself (the lesson moves time), and at the end gives the user back the mode they
 * started in. Runs on the FX thread; cluster swaps go through the one command thread.
 */
final class LessonHosting {

    /** How long {@code present} and {@code lesson end} wait for the window to start or end a lesson. */
    private static final long COMMAND_WAIT_S = 30;

    private final CommandRunner runner;
    private final LessonPanel panel;
    private final PlayClock playClock;
    private final MetricsPanel metrics;
    private final Runnable redrawAll;
    /** What the user had before the first lesson: a lesson's end gives it back. */
    private ClusterOptions userOptions;

    private boolean userPlaying;

    LessonHosting(
            CommandRunner runner, LessonPanel panel, PlayClock playClock, MetricsPanel metrics, Runnable redrawAll) {
        this.runner = runner;
        this.panel = panel;
        this.playClock = playClock;
        this.metrics = metrics;
        this.redrawAll = redrawAll;
    }

    /**
     * Presents a lesson: its narration panel appears, the simulator stops playing by itself, and the
     * lesson replaces the cluster the window and the shell share ({@code installed} completes then).
     */
    void present(Lesson lesson, CompletableFuture<Void> installed) {
        if (!panel.active()) {
            userOptions = runner.session().cluster().options();
            userPlaying = playClock.playing();
        }
        playClock.leaveTimeToLesson();
        // The narration needs the room more than the counters do while a class follows a lesson.
        metrics.setVisible(false);
        metrics.setManaged(false);
        panel.load(lesson, runner.session(), installed);
        // The lesson takes the keyboard: after `present N` typed in the command bar, a, b, c and space
        // answer and turn its steps instead of typing into the bar.
        panel.requestFocus();
    }

    /**
     * Presents a lesson from a command ({@code present}, on the command thread) and returns once the lesson's
     * cluster is the session's, so the prompt and whatever the shell prints next read the lesson's cluster,
     * never the one before. The wait is bounded: false when the window did not get that far in time.
     */
    boolean presentFromCommand(Lesson lesson) {
        CompletableFuture<Void> installed = new CompletableFuture<>();
        return onFxAndWait(() -> present(lesson, installed), installed);
    }

    /**
     * {@code lesson end}, on the command thread: ends the running lesson as End does and returns once it
     * has. The end hands the user's cluster back through the command thread, which runs that while it
     * waits here (a plain wait deadlocked: the command thread waited for the FX thread, which waited for it).
     *
     * @return false when no lesson ran, or the window did not answer within the wait
     */
    boolean endFromCommand() {
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        return onFxAndWait(() -> ended.complete(end()), ended) && ended.join();
    }

    /** On the command thread: runs {@code fx} on the FX thread and waits (bounded) until {@code done}; false if not. */
    private boolean onFxAndWait(Runnable fx, CompletableFuture<?> done) {
        Platform.runLater(fx);
        done.orTimeout(COMMAND_WAIT_S, TimeUnit.SECONDS);
        return runner.await(done) && !done.isCompletedExceptionally();
    }

    /** Ends the running lesson; false when none runs. */
    boolean end() {
        if (!panel.active()) {
            return false;
        }
        panel.end();
        return true;
    }

    /**
     * After a lesson: the normal layout, and, unless something else (a reset) already replaced the lesson's
     * cluster, a fresh cluster in the mode the user started in (live or simulated), playing as it was.
     */
    void ended(Cluster lessonCluster) {
        metrics.setVisible(true);
        metrics.setManaged(true);
        ClusterOptions options = userOptions;
        boolean playing = userPlaying;
        runner.call(() -> {
            if (options != null && runner.session().cluster() == lessonCluster) {
                runner.session().replaceCluster(Cluster.start(options));
            }
            return null;
        });
        if (playing) {
            playClock.play();
        }
        redrawAll.run();
    }

    /**
     * A new cluster is on screen (reset, present, a lesson's Back): a lesson whose cluster it is not has
     * ended. Every per-cluster view was rebuilt by the frame loop already.
     */
    void clusterChanged(Cluster cluster) {
        if (panel.active() && panel.lessonCluster() != null && panel.lessonCluster() != cluster) {
            panel.end();
        }
    }
}
