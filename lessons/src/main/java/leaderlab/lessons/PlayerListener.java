package leaderlab.lessons;

/**
 * What a front end (terminal, window, verifier) sees while a step plays, on the thread that called
 * {@link LessonPlayer#next}. {@link #pause} and {@link #predict} may block until the presenter or the
 * student acts; a window calls {@code next} from a worker thread for that reason.
 */
public interface PlayerListener {

    /** Hears nothing and answers no prediction: used for replays and verification. */
    PlayerListener SILENT = new PlayerListener() {};

    /** A command line is about to run. */
    default void command(StepLine line) {}

    /** A line a command printed. */
    default void output(String line) {}

    /** A command failed or an expect did not hold: {@code FILE:LINE: message}. */
    default void failure(String message) {}

    /** A {@code pause} line: return when the presenter continues. */
    default void pause(StepLine line) {}

    /**
     * A {@code predict} line: ask, and return the chosen choice (one of {@link Prediction#choices}), or
     * null to skip.
     */
    default String predict(Prediction prediction) {
        return null;
    }

    /** The end of a step that asked something: the answer, and whether the student had it right. */
    default void reveal(Reveal reveal) {}

    /** A {@code focus} line: point the view at a broker or a partition. */
    default void focus(Focus focus) {}
}
