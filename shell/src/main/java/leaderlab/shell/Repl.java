package leaderlab.shell;

import java.io.IOException;
import java.nio.file.Path;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * The interactive shell: JLine with completion from the live cluster, persistent history (Ctrl-R
 * searches it), highlighting, and cluster events printed above the prompt. Ctrl-C stops a running
 * command (a long wait) and keeps the shell; Ctrl-D leaves. Lines run on the shared
 * {@link CommandRunner}, so they take turns with the window's.
 */
public final class Repl {

    private final CommandRunner runner;
    private final Dispatcher dispatcher;
    private final Path historyFile;

    public Repl(CommandRunner runner, Path historyFile) {
        this.runner = runner;
        this.dispatcher = runner.dispatcher();
        this.historyFile = historyFile;
    }

    /**
     * For the startup benchmark: builds the terminal and line reader and renders the first prompt as
     * {@link #run} does, prints the JVM's uptime at that moment, and returns.
     */
    public int probeStartup(java.io.PrintStream out) throws IOException {
        try (Terminal terminal =
                TerminalBuilder.builder().system(true).dumb(true).build()) {
            LineReader reader = reader(terminal, false);
            String prompt = prompt(false);
            out.println("startup-ms="
                    + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " prompt="
                    + prompt.strip() + " history=" + reader.getHistory().size());
        }
        return ScriptRunner.OK;
    }

    private LineReader reader(Terminal terminal, boolean color) {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("leaderlab")
                .completer(new ShellCompleter(dispatcher))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        if (color) {
            builder.highlighter(new ShellHighlighter(dispatcher.registry()));
        }
        return builder.build();
    }

    public int run() throws IOException {
        dispatcher.session().setInteractive(true);
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            boolean color = !terminal.getType().startsWith("dumb")
                    && terminal.getNumericCapability(InfoCmp.Capability.max_colors) != null
                    && terminal.getNumericCapability(InfoCmp.Capability.max_colors) >= 8;
            LineReader reader = reader(terminal, color);
            terminal.writer().println(welcome());
            terminal.flush();
            dispatcher.addObserver(new Dispatcher.Observer() {
                @Override
                public void executed(String line, Result result) {
                    // The prompt loop prints what was typed.
                }

                @Override
                public void triggered(String line, Result result) {
                    ScriptRunner.triggeredLines(line, result).forEach(reader::printAbove);
                }
            });
            try (EventTicker ticker = new EventTicker(dispatcher.session(), e -> reader.printAbove(format(e, color)))) {
                ticker.start();
                loop(reader, terminal, ticker, color);
            }
            reader.getHistory().save();
        }
        return ScriptRunner.OK;
    }

    private void loop(LineReader reader, Terminal terminal, EventTicker ticker, boolean color) {
        // Ctrl-C outside the line reader (while a command runs) cancels the running line. Installed for
        // the whole session, so a Ctrl-C landing between two commands never falls to the JVM's default.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> runner.cancelRunning());
        try {
            while (!dispatcher.session().quitRequested()) {
                String line;
                try {
                    line = reader.readLine(prompt(color));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                Cluster before = dispatcher.session().cluster();
                Result result = runner.run(line);
                ticker.drain();
                if (dispatcher.session().cluster() != before) {
                    ticker.skipToEnd();
                }
                print(terminal, result, color);
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private static void print(Terminal terminal, Result result, boolean color) {
        for (String output : result.lines()) {
            terminal.writer()
                    .println(
                            result.isOk() || !color
                                    ? output
                                    : new AttributedStringBuilder()
                                            .styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), output)
                                            .toAnsi(terminal));
        }
        terminal.flush();
    }

    private String welcome() {
        Cluster cluster = dispatcher.session().cluster();
        int controllers = cluster.options().controllers();
        return "leaderlab: " + cluster.options().brokers() + " brokers and "
                + (controllers == 1 ? "a controller" : controllers + " controllers") + " are running "
                + (cluster.runtime().isSimulated()
                        ? "in the simulator (seed " + cluster.options().seed() + "; time moves when you wait or step)"
                        : "live on their own threads")
                + ".\nTry: create topic orders --partitions 3, describe, kill 1, why orders-0. Tab completes; "
                + "help lists commands; Ctrl-D leaves.";
    }

    private String prompt(boolean color) {
        ClusterSnapshot snapshot = dispatcher.session().cluster().snapshot();
        long up = snapshot.brokers().stream()
                .filter(b -> b.state().equals("RUNNING"))
                .count();
        long offline = snapshot.topics().stream()
                .mapToLong(t ->
                        snapshot.partitions(t).stream().filter(p -> p.offline()).count())
                .sum();
        StringBuilder health = new StringBuilder()
                .append(up)
                .append('/')
                .append(snapshot.brokers().size())
                .append(" up");
        if (offline > 0) {
            health.append(", ").append(offline).append(" offline");
        }
        boolean simulated = dispatcher.session().cluster().runtime().isSimulated();
        if (snapshot.paused() || simulated) {
            health.append(", t=").append(Parse.seconds(snapshot.timeMs()));
        }
        if (snapshot.paused()) {
            health.append(" paused");
        }
        if (!color) {
            return "leaderlab [" + health + "]> ";
        }
        AttributedStyle style = offline > 0 || up < snapshot.brokers().size()
                ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)
                : AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
        return new AttributedStringBuilder()
                .append("leaderlab [")
                .styled(style, health.toString())
                .append("]> ")
                .toAnsi();
    }

    private static String format(Event event, boolean color) {
        String text = "  * " + event.format().strip();
        if (!color) {
            return text;
        }
        int hue = event.type() == EventType.LEADER_ELECTED
                        || event.type() == EventType.BROKER_UNFENCED
                        || event.type() == EventType.ISR_EXPANDED
                ? AttributedStyle.CYAN
                : AttributedStyle.YELLOW;
        if (event.type() == EventType.TRUNCATED
                || event.type() == EventType.RECORDS_LOST
                || event.type() == EventType.INVARIANT_VIOLATED
                || (event.detail() instanceof EventDetail.LeaderElected elected && elected.offline())) {
            hue = AttributedStyle.RED;
        }
        return new AttributedStringBuilder()
                .styled(AttributedStyle.DEFAULT.foreground(hue), text)
                .toAnsi();
    }
}
