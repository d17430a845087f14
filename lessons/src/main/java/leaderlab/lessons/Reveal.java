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

    /** One line for a terminal or a panel, e.g. "You said 3. The answer is 2." */
    public String text() {
        String answer = "The answer is " + prediction.answer() + ".";
        if (given == null) {
            return answer;
        }
        return "You said " + given + (correct() ? ": right. " : ". ") + answer;
    }
}
