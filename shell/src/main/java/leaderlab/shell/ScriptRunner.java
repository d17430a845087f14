package leaderlab.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;

/**
 * Runs commands one per line, non-interactively ({@code --script FILE}, standard input, {@code -e}):
 * prints each result, and stops at the first failed expectation or command error, naming FILE:LINE.
 */
public final class ScriptRunner {

    /** Exit codes: all fine, an expectation failed, a command was wrong. */
    public static final int OK = 0;

    public static final int FAILED = 1;
    public static final int ERROR = 2;

    private final Dispatcher dispatcher;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean echo;

    public ScriptRunner(Dispatcher dispatcher, PrintStream out, PrintStream err, boolean echo) {
        this.dispatcher = dispatcher;
        this.out = out;
        this.err = err;
        this.echo = echo;
        dispatcher.addObserver(new Dispatcher.Observer() {
            @Override
            public void executed(String line, Result result) {
                // The script prints its own lines' results.
            }

            @Override
            public void triggered(String line, Result result) {
                triggeredLines(line, result).forEach(out::println);
            }
        });
    }

    /** How a front end shows a line a trigger ran: the line, then its result, indented. */
    static java.util.List<String> triggeredLines(String line, Result result) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("triggered: " + line);
        result.lines().forEach(each -> lines.add("  " + each));
        return lines;
    }

    public int run(BufferedReader lines, String source) throws IOException {
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            int code = runLine(line, source + ":" + number);
            if (code != OK) {
                return code;
            }
            if (dispatcher.session().quitRequested()) {
                break;
            }
        }
        return OK;
    }

    /** Runs one line; {@code where} names it in error messages (FILE:LINE). */
    public int runLine(String line, String where) {
        // Live, a trigger may have fired between lines: its line runs before the next one.
        dispatcher.session().runDueTriggers();
        if (echo && !line.isBlank()) {
            out.println("> " + line.strip());
        }
        Result result = dispatcher.execute(line);
        if (result.isOk()) {
            result.lines().forEach(out::println);
            out.flush();
            return OK;
        }
        out.flush();
        result.lines().forEach(message -> err.println(where + ": " + message));
        err.flush();
        return result.status() == Result.Status.FAILED ? FAILED : ERROR;
    }
}
