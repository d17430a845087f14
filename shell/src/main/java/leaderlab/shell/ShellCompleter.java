package leaderlab.shell;

import java.util.List;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.Completion;
import leaderlab.shell.command.Dispatcher;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the live cluster: command names, each command's options, and the values its
 * declaration offers where the cursor is ({@link Command#completion()}, {@link Command#optionCompletion}).
 * Knows no command by name: a command's completion is one of its traits.
 */
final class ShellCompleter implements Completer {

    private final Dispatcher dispatcher;

    ShellCompleter(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            dispatcher.registry().all().forEach(c -> candidates.add(candidate(c.name(), c.summary())));
            return;
        }
        Command command = dispatcher.registry().find(words.get(0));
        if (command == null) {
            return;
        }
        String current = line.word();
        String previous = words.get(index - 1);
        if (current.startsWith("-")) {
            command.options().forEach(o -> candidates.add(candidate("--" + o, "option")));
            command.flags().forEach(f -> candidates.add(candidate("--" + f, "flag")));
            return;
        }
        Completion.Sink sink = (value, description) -> candidates.add(candidate(value, description));
        if (previous.startsWith("--") && command.options().contains(previous.substring(2))) {
            command.optionCompletion(previous.substring(2)).complete(context(positionals(command, words, index)), sink);
            return;
        }
        command.completion().complete(context(positionals(command, words, index)), sink);
    }

    private Completion.Context context(List<String> before) {
        return new Completion.Context(dispatcher.session().cluster().snapshot(), before, dispatcher.registry());
    }

    /** The positional words between the command name and the cursor: options and their values left out. */
    private static List<String> positionals(Command command, List<String> words, int index) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < index; i++) {
            String word = words.get(i);
            if (word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2);
                if (command.options().contains(name)) {
                    i++;
                }
                continue;
            }
            out.add(word);
        }
        return out;
    }

    private static Candidate candidate(String value, String description) {
        boolean complete = !value.endsWith("=");
        return new Candidate(value, value, null, description, null, null, complete);
    }
}
