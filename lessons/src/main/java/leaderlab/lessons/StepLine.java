package leaderlab.lessons;

import leaderlab.shell.command.Tokenizer;

/**
 * One line of a step. Ordinary commands run through the shared dispatcher; {@code pause} and
 * {@code predict} are handled by the player; {@code focus} does both (it prints, and points the window).
 *
 * @param line       line number in the lesson file
 * @param text       the line as written, without a trailing comment
 * @param prediction set for {@link Kind#PREDICT}
 * @param focus      set for {@link Kind#FOCUS}
 */
public record StepLine(int line, Kind kind, String text, Prediction prediction, Focus focus) {

    public enum Kind {
        COMMAND,
        PAUSE,
        PREDICT,
        FOCUS
    }

    static StepLine command(int line, String text) {
        return new StepLine(line, Kind.COMMAND, text, null, null);
    }

    /** An expect or a wait until: a line whose failure means the lesson no longer teaches what it says. */
    boolean isCheck() {
        if (kind != Kind.COMMAND) {
            return false;
        }
        java.util.List<String> words = Tokenizer.split(text);
        return words.get(0).equals("expect")
                || words.get(0).equals("wait")
                        && words.size() > 1
                        && words.get(1).equals("until");
    }
}
