package leaderlab.app.window;

import java.util.List;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Result;

/**
 * The window's command bar and the log of every command run on the cluster, from any front end:
 * the line itself, the real Kafka command it corresponds to, and what it printed. Lines run on the
 * shared {@link CommandRunner}, never on the FX thread.
 */
public final class CommandConsole extends VBox {

    /** One line of the log; its kind picks the style. */
    public record Entry(Kind kind, String text) {
        public enum Kind {
            COMMAND,
            KAFKA,
            OUTPUT,
            ERROR
        }
    }

    private static final int MAX_ENTRIES = 2000;

    private final CommandRunner runner;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ListView<Entry> log = new ListView<>(entries);
    private final TextField bar = new TextField();

    public CommandConsole(CommandRunner runner) {
        this.runner = runner;
        getStyleClass().add("command-console");
        bar.setId("command-bar");
        bar.setPromptText("any shell command, e.g.  kill 2   elect preferred orders-0   wait 2s   (Enter runs it)");
        bar.setOnAction(e -> {
            String line = bar.getText().strip();
            if (!line.isEmpty()) {
                bar.clear();
                run(line);
            }
        });
        log.setId("command-log");
        log.setCellFactory(view -> new WrappingCell<>(
                view,
                Entry::text,
                entry -> "entry-" + entry.kind().name().toLowerCase(java.util.Locale.ROOT),
                List.of("entry-command", "entry-kafka", "entry-output", "entry-error")));
        log.setFocusTraversable(false);
        VBox.setVgrow(log, Priority.ALWAYS);
        getChildren().addAll(log, bar);
        setSpacing(4);
        runner.addListener((line, result) -> Platform.runLater(() -> show(line, result)));
    }

    /** Runs a line on the command thread; the log shows it once it has run. */
    public void run(String line) {
        runner.submit(line);
    }

    public TextField bar() {
        return bar;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    private void show(String line, Result result) {
        entries.add(new Entry(Entry.Kind.COMMAND, "> " + line));
        KafkaCli.equivalent(runner.dispatcher().registry(), line)
                .ifPresent(cli -> entries.add(new Entry(Entry.Kind.KAFKA, "  Kafka: " + cli)));
        for (String output :
                result.lines().subList(0, Math.min(12, result.lines().size()))) {
            entries.add(new Entry(result.isOk() ? Entry.Kind.OUTPUT : Entry.Kind.ERROR, "  " + output));
        }
        if (result.lines().size() > 12) {
            entries.add(new Entry(
                    Entry.Kind.OUTPUT, "  ... " + (result.lines().size() - 12) + " more line(s) in the shell"));
        }
        if (entries.size() > MAX_ENTRIES) {
            entries.remove(0, entries.size() - MAX_ENTRIES);
        }
        log.scrollTo(entries.size() - 1);
    }
}
