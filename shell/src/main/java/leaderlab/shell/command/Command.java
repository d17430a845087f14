package leaderlab.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One command of the language the shell, the window, lessons and scripts share. Declared with
 * {@link #builder}, together with every trait a front end asks about: what completes each argument,
 * whether a trigger may run it, whether a lesson may use it, how a recording treats it, and the real
 * Kafka command it stands for. {@link #check} is the one validation of its words, used by the
 * dispatcher before it runs and by the lesson checker before a lesson plays.
 */
public final class Command {

    /** What a command does once its arguments have been checked. */
    @FunctionalInterface
    public interface Action {
        Result run(Args args, Session session);
    }

    /** How {@code record} treats the command in a lesson skeleton. */
    public enum Recording {
        /** Not written: it is about the shell or the recording, not the cluster. */
        IGNORED,
        /** Written into the current step. */
        STEP,
        /** Written, and ends the step: it shows something the class stops to look at. */
        ENDS_STEP
    }

    private final String name;
    private final String usage;
    private final String summary;
    private final java.util.function.Supplier<String> details;
    private final List<String> examples;
    private final Set<String> options;
    private final Set<String> flags;
    private final Action action;
    private final Completion completion;
    private final Map<String, Completion> optionCompletions;
    private final boolean triggerable;
    private final boolean rawWords;
    private final boolean allowedInLessons;
    private final Recording recording;
    private final Function<Args, String> kafkaCli;

    private Command(Builder b) {
        this.name = b.name;
        this.usage = b.usage;
        this.summary = b.summary;
        this.details = b.details;
        this.examples = List.copyOf(b.examples);
        // Sorted, so error messages and completion list them in a stable order.
        this.options = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.options));
        this.flags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.flags));
        this.action = b.action;
        this.completion = b.completion;
        this.optionCompletions = Map.copyOf(b.optionCompletions);
        this.triggerable = b.triggerable;
        this.rawWords = b.rawWords;
        this.allowedInLessons = b.allowedInLessons;
        this.recording = b.recording;
        this.kafkaCli = b.kafkaCli;
    }

    /** The same command with another action: see {@link #withAction}. */
    private Command(Command base, Action action) {
        this.name = base.name;
        this.usage = base.usage;
        this.summary = base.summary;
        this.details = base.details;
        this.examples = base.examples;
        this.options = base.options;
        this.flags = base.flags;
        this.action = action;
        this.completion = base.completion;
        this.optionCompletions = base.optionCompletions;
        this.triggerable = base.triggerable;
        this.rawWords = base.rawWords;
        this.allowedInLessons = base.allowedInLessons;
        this.recording = base.recording;
        this.kafkaCli = base.kafkaCli;
    }

    /**
     * This command (its name, usage, help, options, completion, traits and Kafka equivalent, and so the
     * same {@link #check}) acting on something else: how a front end for a real Kafka cluster speaks
     * the same language without declaring it again.
     */
    public Command withAction(Action other) {
        return new Command(this, other);
    }

    /** What it does; a command made {@link #withAction} another may still hand some words to this one. */
    public Action action() {
        return action;
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
        return details.get();
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

    /** What completes the positional argument under the cursor. */
    public Completion completion() {
        return completion;
    }

    /** What completes the value of an option, or nothing. */
    public Completion optionCompletion(String option) {
        return optionCompletions.getOrDefault(option, Completion.NONE);
    }

    /** Whether {@code when ... do} may run it: an immediate fault that needs no answer from the cluster. */
    public boolean triggerable() {
        return triggerable;
    }

    /** False for commands that would leave a lesson, nest one, or change its cluster's shape. */
    public boolean allowedInLessons() {
        return allowedInLessons;
    }

    public Recording recording() {
        return recording;
    }

    /**
     * The one validation of a command's words: options and flags it declares, values where an option
     * needs one. Arguments that depend on the cluster are checked when it runs.
     *
     * @throws CommandException saying what is wrong
     */
    public Args check(List<String> words) {
        return new Args(name, words, options, flags, rawWords);
    }

    /** The real Kafka command that does what these words do, where one exists. */
    public Optional<String> kafkaEquivalent(List<String> words) {
        if (kafkaCli == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(kafkaCli.apply(check(words)));
        } catch (CommandException e) {
            return Optional.empty();
        }
    }

    Result run(List<String> words, Session session) {
        return action.run(check(words), session);
    }

    /** Fluent declaration of a command. */
    public static final class Builder {
        private final String name;
        private String usage;
        private String summary = "";
        private java.util.function.Supplier<String> details = () -> "";
        private final List<String> examples = new ArrayList<>();
        private final Set<String> options = new TreeSet<>();
        private final Set<String> flags = new TreeSet<>();
        private final Map<String, Completion> optionCompletions = new TreeMap<>();
        private Completion completion = Completion.NONE;
        private boolean triggerable;
        private boolean rawWords;
        private boolean allowedInLessons = true;
        private Recording recording = Recording.STEP;
        private Function<Args, String> kafkaCli;
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
            this.details = () -> text;
            return this;
        }

        /** Help that depends on the rest of the registry, read when help is shown. */
        public Builder details(java.util.function.Supplier<String> text) {
            this.details = text;
            return this;
        }

        public Builder example(String line) {
            examples.add(line);
            return this;
        }

        public Builder options(String... names) {
            options.addAll(List.of(names));
            return this;
        }

        /** Declares an option and what completes its value. */
        public Builder option(String optionName, Completion values) {
            options.add(optionName);
            optionCompletions.put(optionName, values);
            return this;
        }

        /** What completes the positional arguments (see {@link Completions}). */
        public Builder completes(Completion positionals) {
            this.completion = positionals;
            return this;
        }

        /** A trigger ({@code when ... do}) may run it. */
        public Builder triggerable() {
            this.triggerable = true;
            return this;
        }

        /**
         * Its words are all positional, options included: it holds another command line, which it checks
         * itself with that command's {@link Command#check}.
         */
        public Builder rawWords() {
            this.rawWords = true;
            return this;
        }

        /** A lesson step may not use it. */
        public Builder notInLessons() {
            this.allowedInLessons = false;
            return this;
        }

        public Builder recording(Recording how) {
            this.recording = how;
            return this;
        }

        /** The real Kafka command for checked arguments, or null where there is none. */
        public Builder kafka(Function<Args, String> equivalent) {
            this.kafkaCli = equivalent;
            return this;
        }

        public Builder flags(String... names) {
            flags.addAll(List.of(names));
            return this;
        }

        public Command run(Action runAction) {
            this.action = runAction;
            return new Command(this);
        }
    }
}
