package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import leaderlab.cluster.Cluster;
import leaderlab.lessons.Focus;
import leaderlab.lessons.Lesson;
import leaderlab.lessons.PlayerListener;
import leaderlab.lessons.PlayerState;
import leaderlab.lessons.Prediction;
import leaderlab.lessons.Reveal;
import leaderlab.lessons.StepLine;
import leaderlab.lessons.StepRun;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Session;

/**
 * A lesson in the window. A step's questions are asked before any of its commands run, so the class
 * votes looking at the state before the step; the vote (a click, or a key a/b/c) plays the step, and
 * its reveal stays up, big, on the same step until Next. The player lives on a {@link LessonWorker};
 * the FX thread reads only the player's published {@link PlayerState}.
 */
final class LessonPanel extends VBox {

    /** Where the panel is between steps; only the FX thread reads or writes it. */
    private enum Phase {
        IDLE,
        ASKING,
        READY,
        PLAYING,
        PAUSED,
        REVEAL
    }

    private final LessonWorker worker;
    private final Consumer<Focus> focus;
    private final Consumer<Cluster> onEnd;
    private final Label title = new Label();
    private final Label progress = new Label();
    private final MarkdownView narration = new MarkdownView();
    private final Label question = new Label();
    private final FlowPane choices = new FlowPane(10, 10);
    private final RevealBox reveal = new RevealBox();
    private final Label feedback = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button end = new Button("End lesson");
    private volatile PlayerState state;
    private Phase phase = Phase.IDLE;
    private final List<String> answers = new ArrayList<>();

    LessonPanel(CommandRunner runner, Consumer<Focus> focus, Consumer<Cluster> onEnd) {
        this.worker = new LessonWorker(runner);
        this.focus = focus;
        this.onEnd = onEnd;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setSpacing(8);
        setPadding(new Insets(10));
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        for (Label label : new Label[] {title, question, feedback}) {
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        progress.setId("lesson-progress");
        progress.getStyleClass().add("lesson-progress");
        narration.setId("lesson-narration");
        narration.getStyleClass().add("lesson-narration");
        question.setId("lesson-question");
        question.setWrapText(true);
        question.getStyleClass().add("lesson-question");
        feedback.setId("lesson-feedback");
        feedback.setWrapText(true);
        next.setId("lesson-next");
        back.setId("lesson-back");
        end.setId("lesson-end");
        next.setDefaultButton(true);
        next.setOnAction(e -> next());
        back.setOnAction(e -> back());
        end.setOnAction(e -> end());
        // The narration scrolls inside the panel, so a long step never pushes the question, its choices,
        // the reveal or the buttons out of reach; it gives up height first where the window is short.
        VBox text = new VBox(8, narration, feedback);
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setMinViewportHeight(60);
        // It asks for the whole text, so that a window with the room shows a step without a scroll. The
        // text's height is known only as the panel is laid out, when a new request for layout is lost: the
        // column lays out again on the next pulse (it had kept the height of the step before).
        text.heightProperty()
                .addListener((obs, was, now) -> Platform.runLater(() -> {
                    scroll.setPrefViewportHeight(now.doubleValue());
                    requestLayout();
                }));
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(title, progress, scroll, question, choices, reveal, new HBox(8, back, next, grow, end));
        setVisible(false);
        setManaged(false);
    }

    boolean active() {
        return phase != Phase.IDLE;
    }

    /** The cluster the running lesson plays on, or null without one. */
    Cluster lessonCluster() {
        return active() ? worker.lessonCluster() : null;
    }

    /**
     * Loads a lesson on a fresh cluster (replacing the window's), ending any lesson that is running;
     * {@code installed} completes once the lesson's cluster is the session's.
     */
    void load(Lesson lesson, Session session, java.util.concurrent.CompletableFuture<Void> installed) {
        int mine = worker.stopWaits();
        setVisible(true);
        setManaged(true);
        title.setText(lesson.title());
        answers.clear();
        feedback.setText("");
        reveal.clear();
        phase = Phase.PLAYING;
        refresh();
        worker.load(mine, lesson, session, installed, (now, problem) -> landed(now, problem, Phase.READY));
    }

    /** Ends the lesson: the panel goes, and {@code onEnd} gives the window back its normal layout (it gets the lesson's cluster). */
    void end() {
        if (!active()) {
            return;
        }
        int mine = worker.stopWaits();
        phase = Phase.IDLE;
        setVisible(false);
        setManaged(false);
        onEnd.accept(worker.end(mine));
    }

    /** Next: continues a pause, skips an open question, leaves a reveal, or plays the upcoming step. */
    void next() {
        switch (phase) {
            case PAUSED -> worker.resume();
            case ASKING -> {
                while (answers.size() < state.upcoming().predictions().size()) {
                    answers.add(null);
                }
                play();
            }
            case REVEAL -> {
                reveal.clear();
                phase = Phase.READY;
                showUpcoming();
            }
            case READY -> {
                if (!state.finished()) {
                    play();
                }
            }
            default -> {}
        }
    }

    /** Picks choice {@code index} of the open question (a click, or the key of its letter). */
    boolean choose(int index) {
        if (phase != Phase.ASKING) {
            return false;
        }
        Prediction open = state.upcoming().predictions().get(answers.size());
        if (index < 0 || index >= open.choices().size()) {
            return false;
        }
        answers.add(open.choices().get(index));
        if (answers.size() < state.upcoming().predictions().size()) {
            showUpcoming();
        } else {
            play();
        }
        return true;
    }

    void back() {
        if (phase != Phase.ASKING && phase != Phase.READY && phase != Phase.REVEAL || state.position() == 0) {
            return;
        }
        reveal.clear();
        feedback.setText("");
        phase = Phase.PLAYING;
        refresh();
        worker.back(worker.generation(), (now, problem) -> landed(now, problem, Phase.READY));
    }

    private void play() {
        List<String> given = List.copyOf(answers);
        answers.clear();
        feedback.setText("");
        feedback.getStyleClass().remove("lesson-failure");
        phase = Phase.PLAYING;
        question.setText("");
        choices.getChildren().clear();
        refresh();
        int mine = worker.generation();
        worker.next(mine, listener(mine, given), (now, problem) -> landed(now, problem, Phase.REVEAL));
    }

    /** Shows where the player got to after its work: the step's reveals if {@code after} asks for them and it has some. */
    private void landed(PlayerState now, String problem, Phase after) {
        state = now;
        if (problem != null) {
            fail(problem);
        }
        StepRun last = now == null ? null : now.lastRun();
        if (after == Phase.REVEAL && last != null && !last.reveals().isEmpty()) {
            phase = Phase.REVEAL;
            reveal.show(last.reveals());
            refresh();
        } else {
            phase = Phase.READY;
            showUpcoming();
        }
    }

    /** Shows the upcoming step's narration and, if it asks something, its next open question. */
    private void showUpcoming() {
        if (state != null
                && !state.finished()
                && answers.size() < state.upcoming().predictions().size()) {
            phase = Phase.ASKING;
        }
        refresh();
    }

    private void refresh() {
        question.setText("");
        choices.getChildren().clear();
        if (state == null) {
            progress.setText("starting...");
            narration.show("");
            updateButtons();
            return;
        }
        boolean showingPlayed = phase == Phase.REVEAL || phase == Phase.PLAYING || phase == Phase.PAUSED;
        int stepNumber = showingPlayed && state.lastRun() != null && phase == Phase.REVEAL
                ? state.position()
                : Math.min(state.position() + 1, state.stepCount());
        progress.setText("Step " + stepNumber + " of " + state.stepCount()
                + (state.finished() && !showingPlayed ? " - finished" : "")
                + (phase == Phase.PLAYING ? " (playing)" : ""));
        if (phase == Phase.REVEAL) {
            narration.show(state.lastRun().step().narration());
        } else if (phase != Phase.PLAYING && phase != Phase.PAUSED) {
            narration.show(
                    state.finished()
                            ? state.lesson().epilogue()
                            : state.upcoming().narration());
        }
        if (phase == Phase.ASKING) {
            Prediction open = state.upcoming().predictions().get(answers.size());
            question.setText(open.question());
            for (int i = 0; i < open.choices().size(); i++) {
                int index = i;
                Button choice =
                        new Button(Prediction.letter(i) + ")  " + open.choices().get(i));
                // A choice such as REQUEST_TIMED_OUT is text, not a mnemonic.
                choice.setMnemonicParsing(false);
                choice.getStyleClass().add("lesson-choice");
                choice.setUserData(open.choices().get(i));
                choice.setOnAction(e -> choose(index));
                choices.getChildren().add(choice);
            }
        }
        updateButtons();
    }

    private void updateButtons() {
        boolean idle = phase == Phase.ASKING || phase == Phase.READY || phase == Phase.REVEAL;
        next.setText(phase == Phase.ASKING ? "Skip question" : phase == Phase.PAUSED ? "Continue" : "Next");
        next.setDisable(!(idle || phase == Phase.PAUSED) || phase == Phase.READY && state != null && state.finished());
        back.setDisable(!idle || state == null || state.position() == 0);
    }

    private void fail(String message) {
        if (!feedback.getStyleClass().contains("lesson-failure")) {
            feedback.getStyleClass().add("lesson-failure");
        }
        feedback.setText((feedback.getText().isEmpty() ? "" : feedback.getText() + "\n") + message);
    }

    /** What the worker hears while a step plays; answers were given before it started. */
    private PlayerListener listener(int mine, List<String> given) {
        return new PlayerListener() {
            private int asked;

            @Override
            public void failure(String message) {
                worker.later(mine, () -> fail(message));
            }

            @Override
            public void pause(StepLine line) {
                worker.awaitResume(() -> worker.later(mine, () -> {
                    phase = Phase.PAUSED;
                    feedback.setText("Paused: press Next to go on.");
                    updateButtons();
                }));
                worker.later(mine, () -> {
                    phase = Phase.PLAYING;
                    feedback.setText("");
                    updateButtons();
                });
            }

            @Override
            public String predict(Prediction prediction) {
                return asked < given.size() ? given.get(asked++) : null;
            }

            @Override
            public void reveal(Reveal shown) {
                // The panel shows every reveal of the step together once it has played.
            }

            @Override
            public void focus(Focus where) {
                worker.later(mine, () -> focus.accept(where));
            }
        };
    }

    /** The reveals on screen, for tests. */
    RevealBox reveal() {
        return reveal;
    }

    MarkdownView narration() {
        return narration;
    }

    void close() {
        worker.close();
    }
}
