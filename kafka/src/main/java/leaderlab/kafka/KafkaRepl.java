package leaderlab.kafka;

import java.io.IOException;
import java.nio.file.Path;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Result;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell on a real cluster: JLine with history and command-name completion, a prompt
 * with the brokers up as last observed, and each observed change printed above the prompt as it is
 * seen. Lines run on the command runner's one thread; Ctrl-C cancels the running one.
 */
final class KafkaRepl {

    private final CommandRunner runner;
    private final Observer observer;
    private final Path historyFile;
    private final String target;

    KafkaRepl(CommandRunner runner, Observer observer, Path historyFile, String target) {
        this.runner = runner;
        this.observer = observer;
        this.historyFile = historyFile;
        this.target = target;
    }

    int run() throws IOException {
        runner.session().setInteractive(true);
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("leaderlab")
                    .completer(new StringsCompleter(runner.dispatcher().registry().all().stream()
                            .map(Command::name)
                            .toList()))
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            terminal.writer().println("leaderlab: connected to " + target + ".");
            terminal.writer()
                    .println("Same commands as the simulator; what Kafka cannot do says why. "
                            + "Changes leaderlab observes print above the prompt. help lists commands; Ctrl-D leaves.");
            terminal.flush();
            observer.onEvent(event -> reader.printAbove("  * " + event.format().strip()));
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> runner.cancelRunning());
            try {
                while (!runner.session().quitRequested()) {
                    String line;
                    try {
                        line = reader.readLine(prompt());
                    } catch (UserInterruptException e) {
                        continue;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    print(terminal, runner.run(line));
                }
            } finally {
                terminal.handle(Terminal.Signal.INT, previous);
            }
            reader.getHistory().save();
        }
        return ScriptRunner.OK;
    }

    private String prompt() {
        RealState state = observer.latest();
        long offline = state.offlinePartitions();
        return "kafka [" + state.brokersUp() + "/" + state.brokers().size() + " up"
                + (offline > 0 ? ", " + offline + " offline" : "") + "]> ";
    }

    private static void print(Terminal terminal, Result result) {
        result.lines().forEach(terminal.writer()::println);
        terminal.flush();
    }
}
