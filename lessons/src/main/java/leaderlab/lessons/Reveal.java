package leaderlab.lessons;

/**
 * A prediction's answer shown after its step ran.
 *
 * @param given the student's choice, or null if they skipped it
 */
public record Reveal(int step, Prediction prediction, String given) {

    public boolean answered() {
        return given != null;
    }

    public boolean correct() {
        return given != null && prediction.isRight(given);
    }

    /** The verdict: "Right", "Not quite" or, when nobody voted, "Answer". */
    public String verdict() {
        return given == null ? "Answer" : correct() ? "Right" : "Not quite";
    }

    /** One line for a terminal, e.g. "Not quite: you said 3. The answer is 2." and the lesson's why. */
    public String text() {
        String answer = "The answer is " + prediction.answer() + ".";
        String said = given == null ? "" : (correct() ? "Right: " : "Not quite: you said " + given + ". ");
        return said + answer + (prediction.why() == null ? "" : " Why: " + prediction.why());
    }
}
