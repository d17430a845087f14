package leaderlab.shell.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every command, by name. Modules contribute theirs (the shell its core set, lessons and the window
 * their own), and every front end runs them through the same {@link Dispatcher}.
 */
public final class CommandRegistry {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandRegistry add(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("command " + command.name() + " registered twice");
        }
        return this;
    }

    public Command find(String name) {
        return commands.get(name);
    }

    public Collection<Command> all() {
        return commands.values();
    }

    /** Up to three names close to a mistyped one: same prefix, or a small edit distance. */
    public List<String> suggestions(String typed) {
        List<String> close = new ArrayList<>();
        for (String name : commands.keySet()) {
            if (name.startsWith(typed) || typed.startsWith(name) || distance(name, typed) <= 2) {
                close.add(name);
            }
        }
        close.sort(Comparator.comparingInt(name -> distance(name, typed)));
        return close.subList(0, Math.min(3, close.size()));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
