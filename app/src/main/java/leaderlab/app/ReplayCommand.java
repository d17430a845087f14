package leaderlab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import leaderlab.cluster.Cluster;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.bundle.Replayer;
import leaderlab.shell.bundle.RunBundle;
import leaderlab.shell.command.Dispatcher;
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
            Replayer.Outcome outcome = Replayer.replay(bundle, dispatcher, (line, result) -> {
                if (!quiet) {
                    out.println("> " + line);
                    result.lines().forEach(out::println);
                }
            });
            if (!outcome.matched()) {
                err.println("leaderlab: replay: " + file + ": " + outcome.divergence());
                return ScriptRunner.FAILED;
            }
            out.println("replayed " + outcome.commandsRun() + " command(s): the journal matches (" + outcome.events()
                    + " events, digest " + outcome.digest() + ")");
            return ScriptRunner.OK;
        }
    }
}
