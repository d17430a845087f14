package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.shell.command.CommandException;

/**
 * A question asked before students see what happens:
 * {@code predict "Who leads orders-0 now?" 1 2 3 --answer 2 --check "leader orders-0"}.
 *
 * @param answer the right choice, as spelled in {@link #choices}
 * @param check  optional condition subject; the player checks {@code expect CHECK is ANSWER} when it
 *               reveals the answer, so verification proves the stated answer is what really happens
 */
public record Prediction(String question, List<String> choices, String answer, String check) {

    static final String USAGE = "predict \"QUESTION\" CHOICE CHOICE... --answer CHOICE [--check \"SUBJECT\"], "
            + "e.g. predict \"Who leads orders-0 now?\" 1 2 3 --answer 2 --check \"leader orders-0\"";

    public Prediction {
        choices = List.copyOf(choices);
    }

    /** Parses the words after {@code predict}; a CommandException says what is wrong. */
    static Prediction parse(List<String> words) {
        String question = null;
        String answer = null;
        String check = null;
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--answer") || word.equals("--check")) {
                if (i + 1 >= words.size()) {
                    throw new CommandException(word + " needs a value; usage: " + USAGE);
                }
                if (word.equals("--answer")) {
                    answer = words.get(++i);
                } else {
                    check = words.get(++i);
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
            throw new CommandException("--answer " + answer + " is not one of the choices " + String.join(", ", choices));
        }
        if (check != null && check.isBlank()) {
            throw new CommandException("--check needs a condition subject, e.g. --check \"leader orders-0\"");
        }
        return new Prediction(question, choices, right, check);
    }

    /**
     * The choice a student means: the text of a choice (any case), or else its number in the list.
     *
     * @return null if it matches nothing
     */
    public String resolve(String typed) {
        String text = typed.strip();
        String byText = find(choices, text);
        if (byText != null || text.isEmpty()) {
            return byText;
        }
        try {
            int index = Integer.parseInt(text);
            return index >= 1 && index <= choices.size() ? choices.get(index - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
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
