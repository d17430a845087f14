package leaderlab.lessons;

import java.util.List;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Tokenizer;

/**
 * Checks one line of a step before anything runs: the command exists in the registry, is allowed in a
 * lesson, and uses only options it declares; lesson-only commands are parsed in full. Arguments that
 * depend on the cluster (a topic that a step creates) can only be checked when the line runs.
 */
final class LineChecker {

    private final CommandRegistry registry;

    LineChecker(CommandRegistry registry) {
        this.registry = registry;
    }

    /**
     * @return the parsed line, or null for a blank or comment line
     * @throws CommandException saying what is wrong with the line
     */
    StepLine check(String raw, int line) {
        String text = Tokenizer.stripComment(raw).strip();
        List<String> words = Tokenizer.split(text);
        if (words.isEmpty()) {
            return null;
        }
        String name = words.get(0);
        List<String> rest = words.subList(1, words.size());
        switch (name) {
            case "pause":
                if (!rest.isEmpty()) {
                    throw new CommandException("pause takes nothing after it; it waits for the presenter");
                }
                return new StepLine(line, StepLine.Kind.PAUSE, text, null, null);
            case "predict":
                return new StepLine(line, StepLine.Kind.PREDICT, text, Prediction.parse(rest), null);
            case "focus":
                return new StepLine(line, StepLine.Kind.FOCUS, text, null, Focus.parse(rest));
            default:
                checkCommand(name, rest);
                return StepLine.command(line, text);
        }
    }

    private void checkCommand(String name, List<String> rest) {
        Command command = registry.find(name);
        if (command != null && !command.allowedInLessons()) {
            throw new CommandException(
                    "'" + name + "' cannot be used in a lesson; the front matter sets up the cluster");
        }
        if (command == null) {
            List<String> close = registry.suggestions(name);
            throw new CommandException(
                    "unknown command '" + name + "'"
                            + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                            + " (steps hold leaderlab commands and pause, predict, focus; narration is the prose outside the blocks)");
        }
        command.check(rest);
    }
}
