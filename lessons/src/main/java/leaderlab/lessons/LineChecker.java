package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /** Commands that make no sense inside a lesson: they would leave it, nest it, or change its cluster shape. */
    private static final Set<String> NOT_IN_LESSONS = Set.of("quit", "reset", "lesson", "record");

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
        if (NOT_IN_LESSONS.contains(name)) {
            throw new CommandException("'" + name + "' cannot be used in a lesson; the front matter sets up the cluster");
        }
        Command command = registry.find(name);
        if (command == null) {
            List<String> close = registry.suggestions(name);
            throw new CommandException("unknown command '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                    + " (steps hold leaderlab commands and pause, predict, focus; narration is the prose outside the blocks)");
        }
        for (String word : rest) {
            if (word.startsWith("--") && word.length() > 2) {
                String option = word.substring(2).split("=", 2)[0];
                if (!command.options().contains(option) && !command.flags().contains(option)) {
                    throw new CommandException("unknown option --" + option + " for " + name + optionList(command));
                }
            }
        }
    }

    private static String optionList(Command command) {
        List<String> all = new ArrayList<>();
        command.options().forEach(o -> all.add("--" + o));
        command.flags().forEach(f -> all.add("--" + f));
        return all.isEmpty() ? " (it takes no options)" : "; options: " + String.join(", ", all.stream().sorted().toList());
    }
}
