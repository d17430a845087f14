package leaderlab.shell;

import java.nio.file.Path;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The interactive shell: a JLine line reader with history over the shared command language. */
public final class Repl {

    private final Dispatcher dispatcher;
    private final Path historyFile;

    public Repl(Dispatcher dispatcher, Path historyFile) {
        this.dispatcher = dispatcher;
        this.historyFile = historyFile;
    }

    public int run() throws java.io.IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("leaderlab")
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .build();
            terminal.writer().println("leaderlab: " + dispatcher.session().cluster().options().brokers()
                    + " brokers are up. Try: create topic orders --partitions 3, then describe, kill 1, events. "
                    + "help lists commands.");
            while (!dispatcher.session().quitRequested()) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                Result result = dispatcher.execute(line);
                result.lines().forEach(terminal.writer()::println);
                terminal.flush();
            }
        }
        return ScriptRunner.OK;
    }

    private String prompt() {
        ClusterSnapshot snapshot = dispatcher.session().cluster().snapshot();
        long up = snapshot.brokers().stream().filter(b -> b.state().equals("RUNNING")).count();
        long offline = snapshot.topics().stream().flatMap(t -> snapshot.partitions(t).stream())
                .filter(p -> p.offline()).count();
        return "leaderlab [" + up + "/" + snapshot.brokers().size() + " brokers up"
                + (offline > 0 ? ", " + offline + " offline" : "") + "]> ";
    }
}
