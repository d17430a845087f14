package leaderlab.shell.command;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import leaderlab.shell.bundle.RunLog;

/**
 * Runs one line of the command language: the single entry point for the REPL, scripts, lessons and
 * the window. Never throws; every problem becomes a one-line ERROR result and changes nothing.
 */
public final class Dispatcher {

    /**
     * Sees every top-level line after it ran: typed, clicked, played, and triggered by a
     * {@code when ... do} (not the lines commands run for themselves). Called on the command thread.
     */
    @FunctionalInterface
    public interface Observer {
        void executed(String line, Result result);

        /** A line a {@code when ... do} trigger ran; by default seen like any other line. */
        default void triggered(String line, Result result) {
            executed(line, result);
        }
    }

    private final CommandRegistry registry;
    private final Session session;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    /** Nesting of execute calls on this thread: aliases and lessons run lines through execute too. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    public Dispatcher(CommandRegistry registry, Session session) {
        this.registry = registry;
        this.session = session;
        session.attach(this);
    }

    public CommandRegistry registry() {
        return registry;
    }

    public Session session() {
        return session;
    }

    public void addObserver(Observer observer) {
        observers.add(observer);
    }

    public void removeObserver(Observer observer) {
        observers.remove(observer);
    }

    /** Runs a line; a blank line or a comment gives an empty OK result. */
    public Result execute(String line) {
        Result result = executeUnannounced(line);
        if (depth.get()[0] == 0) {
            observers.forEach(observer -> observer.executed(line, result));
        }
        return result;
    }

    /** Runs a line without telling observers (the steady ticks of a play clock). */
    public Result executeUnannounced(String line) {
        return runCounted(line, true);
    }

    private Result runCounted(String line, boolean recordable) {
        int[] nesting = depth.get();
        // A top-level line is recorded against the run it started on (a reset starts a new, empty one).
        // A triggered line is not: replaying the `when` that set it up fires it again.
        RunLog runLog = recordable && nesting[0] == 0 ? session.runLog() : null;
        long startMs = runLog == null ? 0 : runLog.cluster().nowMs();
        nesting[0]++;
        Result result;
        try {
            result = run(line);
        } finally {
            nesting[0]--;
        }
        if (runLog != null && session.runLog() == runLog) {
            runLog.record(line, startMs, result);
        }
        return result;
    }

    /**
     * Runs a line a fired trigger asked for, as a top-level line of its own although it runs while
     * another line waits for cluster time (the trigger fired during that wait): observers see it.
     */
    public Result executeTriggered(String line) {
        int[] nesting = depth.get();
        int outer = nesting[0];
        nesting[0] = 0;
        Result result;
        try {
            result = runCounted(line, false);
        } finally {
            nesting[0] = outer;
        }
        observers.forEach(observer -> observer.triggered(line, result));
        return result;
    }

    private Result run(String line) {
        try {
            List<String> words = Tokenizer.split(Tokenizer.stripComment(line));
            if (words.isEmpty()) {
                return Result.ok();
            }
            Command command = registry.find(words.get(0));
            if (command == null) {
                List<String> close = registry.suggestions(words.get(0));
                return Result.error("unknown command '" + words.get(0) + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                        + " (help lists all commands)");
            }
            return command.run(words.subList(1, words.size()), session);
        } catch (CommandException | IllegalArgumentException e) {
            return Result.error(e.getMessage());
        } catch (IllegalStateException e) {
            return Result.error("the cluster could not do that: " + e.getMessage());
        } catch (RuntimeException e) {
            String where = java.util.Arrays.stream(e.getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("leaderlab."))
                    .map(frame -> " at " + frame.getFileName() + ":" + frame.getLineNumber())
                    .findFirst()
                    .orElse("");
            return Result.error(
                    "internal error (" + e.getClass().getSimpleName() + where + "); please report this line");
        }
    }
}
