package leaderlab.lessons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Plays a lesson in the terminal: narration, the step's questions (before any of its commands run, so
 * what is on the screen is the state before the step), then its commands with their output, and the
 * answers revealed after the step. Between steps: Enter plays the
 * next one, {@code back} goes to the previous one (by replay), {@code quit} leaves.
 */
final class TerminalPlayer implements PlayerListener {

    private static final String RULE = "-".repeat(72);

    private final LessonPlayer player;
    private final BufferedReader in;
    private final PrintStream out;

    TerminalPlayer(LessonPlayer player, BufferedReader in, PrintStream out) {
        this.player = player;
        this.in = in;
        this.out = out;
    }

    void run() {
        Lesson lesson = player.lesson();
        out.println(lesson.title());
        out.println(lesson.steps().size() + " steps. Enter plays the next step; 'back' goes to the previous one; "
                + "'quit' leaves.");
        boolean play = true;
        while (true) {
            if (play && !player.finished()) {
                show(player.upcoming());
                player.next(this);
                if (player.finished()) {
                    showEnd();
                }
            }
            String choice = prompt(player.finished() ? "[back, quit]> " : "[Enter = next, back, quit]> ");
            play = true;
            if (choice == null
                    || choice.equals("quit")
                    || choice.equals("q")
                    || choice.isEmpty() && player.finished()) {
                return;
            }
            if (choice.equals("back") || choice.equals("b")) {
                // The state before the previous step; the loop then plays that step again.
                int target = Math.max(0, player.position() - 2);
                out.println(
                        target == 0
                                ? "(back: a fresh cluster from the lesson's seed)"
                                : "(back: a fresh cluster replays steps 1-" + target + " from the lesson's seed)");
                player.goTo(target);
            } else if (!choice.isEmpty()) {
                out.println("Enter plays the next step; back and quit are the other choices.");
                play = false;
            }
        }
    }

    private void showEnd() {
        out.println(RULE);
        if (!player.lesson().epilogue().isEmpty()) {
            out.println(indent(player.lesson().epilogue()));
        }
        out.println("End of the lesson. 'back' steps back; Enter or 'quit' leaves.");
    }

    private void show(Step step) {
        out.println(RULE);
        out.println("Step " + step.number() + "/" + player.stepCount());
        if (!step.narration().isEmpty()) {
            out.println(indent(step.narration()));
        }
        out.println();
    }

    @Override
    public void command(StepLine line) {
        out.println("  > " + line.text());
    }

    @Override
    public void output(String line) {
        out.println("    " + line);
    }

    @Override
    public void failure(String message) {
        out.println("  !! " + message);
    }

    @Override
    public void pause(StepLine line) {
        prompt("  (paused: Enter continues) ");
    }

    @Override
    public String predict(Prediction prediction) {
        out.println("  ? " + prediction.question());
        for (int i = 0; i < prediction.choices().size(); i++) {
            out.println("      " + Prediction.letter(i) + ") "
                    + prediction.choices().get(i));
        }
        String letters = Prediction.letter(0) + "-"
                + Prediction.letter(prediction.choices().size() - 1);
        while (true) {
            String typed = prompt("    your prediction (a letter " + letters + " or the choice's text; Enter skips): ");
            if (typed == null || typed.isEmpty()) {
                return null;
            }
            String choice = prediction.resolve(typed);
            if (choice != null) {
                return choice;
            }
            out.println("    type a letter " + letters + ", or one of: " + String.join(", ", prediction.choices()));
        }
    }

    @Override
    public void reveal(Reveal reveal) {
        out.println("  = " + reveal.prediction().question());
        out.println("    " + reveal.text());
    }

    @Override
    public void focus(Focus focus) {
        // The focus command's own output already says what to look at.
    }

    private String prompt(String text) {
        out.print(text);
        out.flush();
        try {
            String line = in.readLine();
            return line == null ? null : line.strip().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
