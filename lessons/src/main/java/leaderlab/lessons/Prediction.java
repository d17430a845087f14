package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.shell.command.CommandException;

/**
 * A question asked before students see what happens, at the top of its step:
 * {@code predict "Who will lead orders-0?" 1 2 3 --answer 2 --check "leader orders-0" --why "..."}.
 *
 * @param answer the right choice, as spelled in {@link #choices}
 * @param check  optional condition subject; the player checks {@code expect CHECK is ANSWER} when it
 *               reveals the answer, so verification proves the stated answer is what really happens
 * @param why    one line the reveal shows under the answer, or null
 */
public record Prediction(String question, List<String> choices, String answer, String check, String why) {

    static final String USAGE = "predict \"QUESTION\" CHOICE CHOICE... --answer CHOICE [--check \"SUBJECT\"] "
            + "[--why \"ONE LINE\"], e.g. predict \"Who will lead orders-0?\" 1 2 3 --answer 2 --check \"leader orders-0\" "
            + "--why \"broker 2 is the first replica in the ISR\"";

    /** Options a predict line takes, each with a value. */
    static final List<String> OPTIONS = List.of("answer", "check", "why");

    public Prediction {
        choices = List.copyOf(choices);
    }

    /** A prediction without a why line. */
    public Prediction(String question, List<String> choices, String answer, String check) {
        this(question, choices, answer, check, null);
    }

    /** Parses the words after {@code predict}; a CommandException says what is wrong. */
    static Prediction parse(List<String> words) {
        String question = null;
        String answer = null;
        String check = null;
        String why = null;
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--") && OPTIONS.contains(word.substring(2))) {
                if (i + 1 >= words.size()) {
                    throw new CommandException(word + " needs a value; usage: " + USAGE);
                }
                String value = words.get(++i);
                switch (word) {
                    case "--answer" -> answer = value;
                    case "--check" -> check = value;
                    default -> why = value;
                }
            } else if (word.startsWith("--")) {
                throw new CommandException("unknown option " + word + " for predict; usage: " + USAGE);
            } else if (question == null) {
                question = word;
            } else if (find(choices, word) != null) {
                throw new CommandException("choice '" + word + "' is given twice");
            } else {
                choices.add(word);
            }
        }
        if (question == null || question.isBlank()) {
            throw new CommandException("predict needs a question in quotes; usage: " + USAGE);
        }
        if (choices.size() < 2) {
            throw new CommandException("predict needs at least two choices after the question; usage: " + USAGE);
        }
        if (answer == null) {
            throw new CommandException("predict needs --answer, one of " + String.join(", ", choices));
        }
        String right = find(choices, answer);
        if (right == null) {
            throw new CommandException(
                    "--answer " + answer + " is not one of the choices " + String.join(", ", choices));
        }
        if (check != null && check.isBlank()) {
            throw new CommandException("--check needs a condition subject, e.g. --check \"leader orders-0\"");
        }
        if (why != null && why.isBlank()) {
            throw new CommandException("--why needs one line saying why the answer is right");
        }
        return new Prediction(question, choices, right, check, why);
    }

    /**
     * The choice a student means: the text of a choice (any case), or else its letter (a, b, c...). A
     * number is only ever a choice's text: choices are often broker ids, so "2" must mean broker 2.
     *
     * @return null if it matches nothing
     */
    public String resolve(String typed) {
        String text = typed.strip();
        String byText = find(choices, text);
        if (byText != null || text.length() != 1) {
            return byText;
        }
        int index = Character.toLowerCase(text.charAt(0)) - 'a';
        return index >= 0 && index < choices.size() ? choices.get(index) : null;
    }

    /** The letter a choice is picked by: a for the first. */
    public static char letter(int index) {
        return (char) ('a' + index);
    }

    public boolean isRight(String choice) {
        return answer.equals(choice);
    }

    /** The expect line that proves the answer, or null without --check. */
    String checkLine() {
        return check == null ? null : "expect " + check + " is " + answer;
    }

    private static String find(List<String> choices, String text) {
        for (String choice : choices) {
            if (choice.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
                return choice;
            }
        }
        return null;
    }
}
