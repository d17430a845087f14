package leaderlab.app.window;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import leaderlab.cluster.Cluster;
import leaderlab.lessons.Lesson;
import leaderlab.lessons.LessonHost;
import leaderlab.lessons.LessonPlayer;
import leaderlab.lessons.PlayMode;
import leaderlab.lessons.PlayerListener;
import leaderlab.lessons.PlayerState;
import leaderlab.lessons.PredictionLog;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * Runs the lesson panel's player on a worker thread of its own (a step blocks on commands and pauses),
 * and keeps every callback to the lesson it belongs to: each load or end starts a new generation, and
 * work or FX updates of an older generation are dropped. The FX thread gets only published
 * {@link PlayerState}s.
 */
final class LessonWorker {

    private final CommandRunner runner;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "leaderlab-lesson");
        thread.setDaemon(true);
        return thread;
    });
    /** Touched only on the worker thread. */
    private LessonPlayer player;
    /** The cluster the lesson put in the session; any other cluster there means the lesson is over. */
    private volatile Cluster lessonCluster;
    /** Which lesson the worker's callbacks belong to: a new lesson or an end makes older ones stale. */
    private volatile int generation;

    private volatile CompletableFuture<String> pausing;
    /** Completes when the running lesson's generation ends: a step waiting for a line gives up then. */
    private volatile CompletableFuture<Void> ended = new CompletableFuture<>();

    LessonWorker(CommandRunner runner) {
        this.runner = runner;
    }

    /** The generation of the running lesson. */
    int generation() {
        return generation;
    }

    Cluster lessonCluster() {
        return lessonCluster;
    }

    /** Makes every callback of the running lesson stale and frees a worker blocked on a pause; returns the new generation. */
    int stopWaits() {
        int mine = ++generation;
        CompletableFuture<Void> over = ended;
        ended = new CompletableFuture<>();
        over.complete(null);
        CompletableFuture<String> pause = pausing;
        if (pause != null) {
            pause.completeExceptionally(new CancellationException("the lesson ended"));
        }
        return mine;
    }

    /**
     * Loads {@code lesson} on a fresh cluster put into {@code session}, then lands on the FX thread.
     * {@code installed} completes once the lesson's cluster is the session's (or the load failed before).
     */
    void load(
            int mine,
            Lesson lesson,
            Session session,
            CompletableFuture<Void> installed,
            BiConsumer<PlayerState, String> landed) {
        CompletableFuture<Void> over = ended;
        work(
                mine,
                () -> {
                    try {
                        closePlayer();
                        player = new LessonPlayer(
                                lesson,
                                PlayMode.SIMULATED,
                                false,
                                PredictionLog.inHome(),
                                cluster -> host(session, cluster, mine, over, installed));
                    } finally {
                        installed.complete(null);
                    }
                },
                landed);
    }

    /** Plays the upcoming step, then lands on the FX thread. */
    void next(int mine, PlayerListener listener, BiConsumer<PlayerState, String> landed) {
        work(mine, () -> player.next(listener), landed);
    }

    /** Steps back, then lands on the FX thread. */
    void back(int mine, BiConsumer<PlayerState, String> landed) {
        work(mine, () -> player.back(), landed);
    }

    /** Forgets the lesson's cluster and closes its player (if no newer lesson came); returns the cluster it played on. */
    Cluster end(int mine) {
        Cluster ended = lessonCluster;
        lessonCluster = null;
        worker.execute(() -> {
            if (mine == generation) {
                closePlayer();
            }
        });
        return ended;
    }

    /** On the worker: blocks a step until {@link #resume()}, after {@code paused} has been told. */
    void awaitResume(Runnable paused) {
        CompletableFuture<String> pause = new CompletableFuture<>();
        pausing = pause;
        paused.run();
        try {
            pause.join();
        } catch (CompletionException e) {
            throw new CancellationException("the lesson ended");
        } finally {
            pausing = null;
        }
    }

    /** Continues a step blocked on a pause, if one is. */
    void resume() {
        CompletableFuture<String> pause = pausing;
        if (pause != null) {
            pause.complete("");
        }
    }

    /** Runs {@code work} on the FX thread if the lesson is still generation {@code mine} by then. */
    void later(int mine, Runnable work) {
        Platform.runLater(() -> {
            if (mine == generation) {
                work.run();
            }
        });
    }

    void close() {
        stopWaits();
        worker.shutdownNow();
    }

    private void closePlayer() {
        if (player != null) {
            player.close();
            player = null;
        }
    }

    /**
     * The window's session, its cluster swapped on the command thread, commands run by the shared runner;
     * a command of a lesson that has ended (a reset, a new lesson) is refused rather than run on a cluster
     * that is not the lesson's.
     */
    private LessonHost host(
            Session session,
            Cluster cluster,
            int mine,
            CompletableFuture<Void> over,
            CompletableFuture<Void> installed) {
        lessonCluster = cluster;
        runner.call(() -> {
            session.replaceCluster(cluster);
            return null;
        });
        installed.complete(null);
        return new LessonHost() {
            @Override
            public Session session() {
                return session;
            }

            @Override
            public Result run(String line) {
                // Asked again on the command thread: the lesson may end while the line waits in the queue, and
                // a step waiting for a line behind a new `present` gives up rather than hold up that lesson.
                CompletableFuture<Result> result =
                        runner.submitIf(() -> mine == generation && session.cluster() == cluster, line);
                CompletableFuture.anyOf(result, over).join();
                Result ran = result.getNow(null);
                if (ran == null) {
                    throw new CancellationException("the lesson ended");
                }
                return ran;
            }

            @Override
            public void retire() {
                // The next cluster replaces this one in the session, which closes it.
            }
        };
    }

    /**
     * Runs player work on the worker; then, if the lesson is still this one, hands the player's state and
     * any failure to {@code landed} on the FX thread.
     */
    private void work(int mine, Runnable job, BiConsumer<PlayerState, String> landed) {
        worker.execute(() -> {
            String failure = null;
            try {
                job.run();
            } catch (CancellationException e) {
                return;
            } catch (RuntimeException e) {
                failure = "the lesson could not go on: " + e.getMessage();
            }
            if (mine != generation) {
                return;
            }
            PlayerState now = player == null ? null : player.state();
            String problem = failure;
            later(mine, () -> landed.accept(now, problem));
        });
    }
}
