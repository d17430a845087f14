package leaderlab.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's words after its name, split into positionals, {@code --option value} pairs (also
 * {@code --option=value}) and flags, checked against what the command declares.
 */
public final class Args {

    private final String command;
    private final List<String> words;
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    /** @param raw every word is positional: the command runs another command's words (when ... do). */
    Args(String command, List<String> words, Set<String> knownOptions, Set<String> knownFlags, boolean raw) {
        this.command = command;
        this.words = List.copyOf(words);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!raw && word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (knownFlags.contains(name)) {
                    if (value != null) {
                        throw new CommandException("--" + name + " takes no value");
                    }
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (knownOptions.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= words.size()) {
                            throw new CommandException("--" + name + " needs a value");
                        }
                        value = words.get(++i);
                    }
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    List<String> all = new ArrayList<>();
                    knownOptions.forEach(o -> all.add("--" + o));
                    knownFlags.forEach(f -> all.add("--" + f));
                    throw new CommandException("unknown option --" + name + " for " + command
                            + (all.isEmpty() ? " (it takes no options)" : "; options: " + String.join(", ", all)));
                }
            } else {
                positionals.add(word);
            }
        }
    }

    public String command() {
        return command;
    }

    /** The words as typed, options included, in order. */
    public List<String> words() {
        return words;
    }

    public List<String> positionals() {
        return positionals;
    }

    public int count() {
        return positionals.size();
    }

    public String positional(int index, String what) {
        if (index >= positionals.size()) {
            throw new CommandException(command + " needs " + what);
        }
        return positionals.get(index);
    }

    public void expectAtMost(int count, String usage) {
        if (positionals.size() > count) {
            throw new CommandException("unexpected '" + positionals.get(count) + "'; usage: " + usage);
        }
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public String option(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    public List<String> optionValues(String name) {
        return options.getOrDefault(name, List.of());
    }

    public int intOption(String name, int defaultValue) {
        String value = option(name);
        return value == null ? defaultValue : Parse.integer(value, "--" + name);
    }
}
