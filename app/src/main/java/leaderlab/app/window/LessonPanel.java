package leaderlab.app.window;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import leaderlab.lessons.Focus;
import leaderlab.lessons.Lesson;
import leaderlab.lessons.LessonHost;
import leaderlab.lessons.LessonPlayer;
import leaderlab.lessons.PlayMode;
import leaderlab.lessons.PlayerListener;
import leaderlab.lessons.Prediction;
import leaderlab.lessons.PredictionLog;
import leaderlab.lessons.Reveal;
import leaderlab.lessons.StepLine;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * A lesson in the window: its narration, Next and Back, progress, predictions to answer with a click,
 * and what each step showed, failures in red. The lesson plays on the window's own session through the
 * shared command runner, so the cluster view follows it. The player runs on a worker thread (its steps
 * block on commands and on the presenter); the FX thread only shows what it reports.
 */
final class LessonPanel extends VBox {

    private final CommandRunner runner;
    private final Consumer<Focus> focus;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "leaderlab-lesson");
        thread.setDaemon(true);
        return thread;
    });
    private final Label title = new Label();
    private final Label progress = new Label();
    private final Label narration = new Label();
    private final Label question = new Label();
    private final FlowPane choices = new FlowPane(8, 8);
    private final Label feedback = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private LessonPlayer player;
    private volatile CompletableFuture<String> waiting;
    private volatile boolean busy;

    LessonPanel(CommandRunner runner, Consumer<Focus> focus) {
        this.runner = runner;
        this.focus = focus;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        // Narration is the point of the panel: it takes the height it needs, never an ellipsis.
        for (Label label : new Label[] {title, narration, question, feedback}) {
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        progress.setId("lesson-progress");
        narration.setId("lesson-narration");
        narration.setWrapText(true);
        narration.getStyleClass().add("lesson-narration");
        question.setWrapText(true);
        question.getStyleClass().add("lesson-question");
        feedback.setId("lesson-feedback");
        feedback.setWrapText(true);
        next.setId("lesson-next");
        back.setId("lesson-back");
        next.setDefaultButton(true);
        next.setOnAction(e -> next());
        back.setOnAction(e -> back());
        // The narration scrolls inside the panel, so a long step never pushes the question, its choices,
        // Next or Back out of reach.
        VBox text = new VBox(6, narration, feedback);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(200);
        scroll.setMinViewportHeight(150);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        getChildren().addAll(title, progress, scroll, question, choices, new HBox(8, back, next));
        setVisible(false);
        setManaged(false);
    }

    boolean active() {
        return player != null;
    }

    /** Loads a lesson on a fresh cluster (this replaces the window's cluster) and shows its first narration. */
    void load(Lesson lesson, Session session) {
        setVisible(true);
        setManaged(true);
        title.setText(lesson.title());
        feedback.setText("");
        run(() -> {
            if (player != null) {
                player.close();
            }
            player = new LessonPlayer(lesson, PlayMode.SIMULATED, false, PredictionLog.inHome(), cluster -> host(session, cluster));
        });
    }

    /** The window's session, its cluster swapped on the command thread, commands run by the shared runner. */
    private LessonHost host(Session session, leaderlab.cluster.Cluster cluster) {
        runner.call(() -> {
            session.replaceCluster(cluster);
            return null;
        });
        return new LessonHost() {
            @Override
            public Session session() {
                return session;
            }

            @Override
            public Result run(String line) {
                return runner.run(line);
            }

            @Override
            public void retire() {
                // The next cluster replaces this one in the session, which closes it.
            }
        };
    }

    /** Next: answers a waiting pause, or plays the upcoming step. */
    void next() {
        CompletableFuture<String> pending = waiting;
        if (pending != null && question.getText().isEmpty()) {
            pending.complete("");
            return;
        }
        if (player == null || busy || player.finished()) {
            return;
        }
        feedback.setText("");
        feedback.getStyleClass().remove("lesson-failure");
        run(() -> player.next(listener()));
    }

    void back() {
        if (player == null || busy || waiting != null) {
            return;
        }
        feedback.setText("");
        run(() -> player.back());
    }

    private void run(Runnable work) {
        busy = true;
        refresh();
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Platform.runLater(() -> fail("the lesson could not go on: " + e.getMessage()));
            } finally {
                busy = false;
                Platform.runLater(this::refresh);
            }
        });
    }

    private void refresh() {
        if (player == null) {
            progress.setText("starting...");
            return;
        }
        int position = player.position();
        progress.setText("Step " + Math.min(position + 1, player.stepCount()) + " of " + player.stepCount()
                + (player.finished() ? " - finished" : "") + (busy ? " (playing)" : ""));
        narration.setText(plain(player.finished() ? player.lesson().epilogue() : player.upcoming().narration()));
        next.setDisable(busy && waiting == null || player.finished());
        back.setDisable(busy || position == 0);
    }

    /** Markdown narration as plain text for the panel: headings lose their #, emphasis its marks. */
    static String plain(String markdown) {
        return markdown == null ? "" : markdown.replaceAll("(?m)^#+\\s*", "").replace("**", "").replace("`", "").strip();
    }

    private void fail(String message) {
        if (!feedback.getStyleClass().contains("lesson-failure")) {
            feedback.getStyleClass().add("lesson-failure");
        }
        feedback.setText((feedback.getText().isEmpty() ? "" : feedback.getText() + "\n") + message);
    }

    private PlayerListener listener() {
        return new PlayerListener() {
            @Override
            public void failure(String message) {
                Platform.runLater(() -> fail(message));
            }

            @Override
            public void pause(StepLine line) {
                ask("Paused: press Next to go on.", List.of());
            }

            @Override
            public String predict(Prediction prediction) {
                return ask(prediction.question(), prediction.choices());
            }

            @Override
            public void reveal(Reveal reveal) {
                Platform.runLater(() -> feedback.setText((feedback.getText().isEmpty() ? "" : feedback.getText() + "\n")
                        + reveal.text()));
            }

            @Override
            public void focus(Focus where) {
                Platform.runLater(() -> focus.accept(where));
            }
        };
    }

    /** Shows a question (or a pause) and blocks the worker until the presenter answers. */
    private String ask(String text, List<String> options) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        waiting = answer;
        Platform.runLater(() -> {
            question.setText(options.isEmpty() ? "" : text);
            if (options.isEmpty()) {
                feedback.setText(text);
            }
            choices.getChildren().clear();
            for (String option : options) {
                Button choice = new Button(option);
                choice.getStyleClass().add("lesson-choice");
                choice.setOnAction(e -> answer.complete(option));
                choices.getChildren().add(choice);
            }
            next.setDisable(!options.isEmpty());
        });
        String given = answer.join();
        waiting = null;
        Platform.runLater(() -> {
            question.setText("");
            choices.getChildren().clear();
        });
        return given.isEmpty() ? null : given;
    }

    void close() {
        worker.shutdownNow();
    }
}
