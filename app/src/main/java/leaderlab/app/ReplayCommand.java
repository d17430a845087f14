package leaderlab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import leaderlab.app.window.WindowLauncher;
import leaderlab.cluster.Cluster;
import leaderlab.shell.Repl;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.bundle.Replayer;
import leaderlab.shell.bundle.RunBundle;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leaderlab replay FILE}: runs a saved run bundle again on a fresh simulated cluster, printing
 * each command and its output, and checks the journal digest after every command. Exit 0 when it
 * matches, 1 when the run diverged (naming the bundle line), 2 for a file that is not a bundle.
 */
@Command(
        name = "replay",
        description =
                "Run a bundle written by 'save run' again on a fresh cluster and check its "
                        + "journal digest after every command. Exits 1 if the run diverges (naming the bundle line), 2 for a bad file.")
final class ReplayCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "FILE", description = "the bundle")
    private Path file;

    @Option(names = "--quiet", description = "print only the verdict, not each command's output")
    private boolean quiet;

    @Option(
            names = "--no-gui",
            description = "no window: without it, a terminal with a display replays in the window too and stays in"
                    + " the shell afterwards")
    private boolean noGui;

    /** How long a replay waits for its window before it starts without it. */
    private static final long WINDOW_WAIT_MS = 15_000;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    private boolean help;

    ReplayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        RunBundle bundle;
        try {
            bundle = RunBundle.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            err.println("leaderlab: replay: no such file: " + file);
            return ScriptRunner.ERROR;
        } catch (IOException e) {
            err.println("leaderlab: replay: cannot read " + file + ": " + e.getMessage());
            return ScriptRunner.ERROR;
        } catch (IllegalArgumentException e) {
            err.println("leaderlab: replay: " + file + ": " + e.getMessage());
            return ScriptRunner.ERROR;
        }
        try (Cluster cluster = Cluster.start(bundle.options())) {
            Dispatcher dispatcher = new Dispatcher(AppCommands.registry(), new Session(cluster));
            BiConsumer<String, Result> printer = (line, result) -> {
                if (!quiet) {
                    out.println("> " + line);
                    result.lines().forEach(out::println);
                }
            };
            if (noGui || System.console() == null || !WindowLauncher.displayAvailable()) {
                return verdict(Replayer.replay(bundle, dispatcher, printer));
            }
            return inWindow(bundle, dispatcher, printer);
        }
    }

    /**
     * With a terminal and a display, as the launcher does: the window opens (paused, so its play clock adds
     * no waits), shows the bundle's commands as they replay and the digest check's verdict, and the shell
     * stays open on the replayed cluster to look around or go on from there.
     */
    private int inWindow(RunBundle bundle, Dispatcher dispatcher, BiConsumer<String, Result> printer) {
        try (CommandRunner commands = new CommandRunner(dispatcher)) {
            if (Main.openWindow(commands, err, false, false)) {
                WindowLauncher.awaitOpen(WINDOW_WAIT_MS);
            }
            int code = verdict(commands.call(() -> Replayer.replay(bundle, dispatcher, printer)));
            new Repl(commands, Main.historyFile()).run();
            return code;
        } catch (IOException e) {
            err.println("leaderlab: " + e.getMessage());
            return ScriptRunner.ERROR;
        } finally {
            WindowLauncher.close();
        }
    }

    /** Prints (and shows in the window, when one is open) whether the journal matched. */
    private int verdict(Replayer.Outcome outcome) {
        WindowLauncher.announceReplay(file.getFileName().toString(), outcome);
        if (!outcome.matched()) {
            err.println("leaderlab: replay: " + file + ": " + outcome.verdict());
            return ScriptRunner.FAILED;
        }
        out.println(outcome.verdict());
        return ScriptRunner.OK;
    }
}
