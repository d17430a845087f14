package leaderlab.app.window;

import java.util.List;
import java.util.Optional;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Tokenizer;

/**
 * The real Kafka command that does what a leaderlab command line does, where one exists, so what a
 * class sees in the window carries over to a real cluster. Each command declares its own equivalent
 * ({@link Command#kafkaEquivalent}); this only splits the line.
 */
public final class KafkaCli {

    private KafkaCli() {}

    public static Optional<String> equivalent(CommandRegistry registry, String line) {
        List<String> words;
        try {
            words = Tokenizer.split(Tokenizer.stripComment(line));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Command command = words.isEmpty() ? null : registry.find(words.get(0));
        return command == null ? Optional.empty() : command.kafkaEquivalent(words.subList(1, words.size()));
    }
}
