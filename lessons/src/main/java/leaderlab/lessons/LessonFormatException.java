package leaderlab.lessons;

import java.util.List;

/** A lesson that cannot be played: every problem found, each as one {@code FILE:LINE: message} line. */
public final class LessonFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public LessonFormatException(List<String> errors) {
        super(String.join("\n", errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
