package leaderlab.shell.command;

import java.util.List;
import java.util.Set;

/**
 * One command of the language the shell, the window, lessons and scripts share. Declared with
 * {@link #builder}; its options are checked before it runs.
 */
public final class Command {

    /** What a command does once its arguments have been checked. */
    @FunctionalInterface
    public interface Action {
        Result run(Args args, Session session);
    }

    private final String name;
    private final String usage;
    private final String summary;
    private final String details;
    private final List<String> examples;
    private final Set<String> options;
    private final Set<String> flags;
    private final Action action;

    private Command(Builder b) {
        this.name = b.name;
        this.usage = b.usage;
        this.summary = b.summary;
        this.details = b.details;
        this.examples = List.copyOf(b.examples);
        this.options = Set.copyOf(b.options);
        this.flags = Set.copyOf(b.flags);
        this.action = b.action;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String usage() {
        return usage;
    }

    public String summary() {
        return summary;
    }

    public String details() {
        return details;
    }

    public List<String> examples() {
        return examples;
    }

    public Set<String> options() {
        return options;
    }

    public Set<String> flags() {
        return flags;
    }

    Result run(List<String> words, Session session) {
        return action.run(new Args(name, words, options, flags), session);
    }

    /** Fluent declaration of a command. */
    public static final class Builder {
        private final String name;
        private String usage;
        private String summary = "";
        private String details = "";
        private final java.util.List<String> examples = new java.util.ArrayList<>();
        private final java.util.Set<String> options = new java.util.TreeSet<>();
        private final java.util.Set<String> flags = new java.util.TreeSet<>();
        private Action action;

        private Builder(String name) {
            this.name = name;
            this.usage = name;
        }

        public Builder usage(String text) {
            this.usage = text;
            return this;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        /** Longer help: semantics, and where leaderlab simplifies Kafka. */
        public Builder details(String text) {
            this.details = text;
            return this;
        }

        public Builder example(String line) {
            examples.add(line);
            return this;
        }

        public Builder options(String... names) {
            options.addAll(java.util.List.of(names));
            return this;
        }

        public Builder flags(String... names) {
            flags.addAll(java.util.List.of(names));
            return this;
        }

        public Command run(Action runAction) {
            this.action = runAction;
            return new Command(this);
        }
    }
}
