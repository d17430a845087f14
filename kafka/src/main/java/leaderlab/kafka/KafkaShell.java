package leaderlab.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;

/**
 * leaderlab's command language on a real Kafka cluster: the script runner for scripts, {@code -e} lines
 * and standard input, {@link KafkaRepl} at a terminal. Starts (or attaches), runs, and stops everything
 * it started, whatever happens.
 */
public final class KafkaShell {

    private KafkaShell() {}

    /** Opens a window beside the interactive shell, given its command thread and the polled cluster. */
    @FunctionalInterface
    public interface WindowOpener {
        /** Opens it and returns at once; false when there is none (no display), and the shell runs alone. */
        boolean open(CommandRunner runner, leaderlab.cluster.view.SnapshotSource polled, String title);

        WindowOpener NONE = (runner, polled, title) -> false;
    }

    /**
     * @param lines   commands to run, or null for the interactive shell
     * @param source  what names them in error messages (FILE, -e, &lt;stdin&gt;)
     * @param window  opens the window beside the interactive shell (never for scripts)
     * @return the script runner's exit code
     */
    public static int run(
            KafkaLaunch launch,
            BufferedReader lines,
            String source,
            boolean echo,
            Path historyFile,
            PrintStream out,
            PrintStream err,
            WindowOpener window) {
        if (launch.local() != null) {
            err.println("leaderlab: starting a real Kafka cluster ("
                    + launch.local().controllers() + " controller(s), "
                    + launch.local().brokers() + " broker(s)); this takes a few seconds...");
        }
        try (RealCluster cluster = launch.open()) {
            Observer observer = new Observer(cluster, cluster.state());
            try (observer;
                    KafkaCommands.Registry registry = KafkaCommands.registry(cluster, observer)) {
                observer.start();
                Dispatcher dispatcher = new Dispatcher(registry.commands(), registry.newSession());
                if (lines != null) {
                    return new ScriptRunner(dispatcher, out, err, echo).run(lines, source);
                }
                try (CommandRunner runner = new CommandRunner(dispatcher)) {
                    window.open(runner, observer, "leaderlab on real Kafka (" + cluster.bootstrapServers() + ")");
                    return new KafkaRepl(runner, observer, historyFile, launch.describe(cluster)).run();
                }
            }
        } catch (KafkaCallException e) {
            err.println("leaderlab: Kafka did not answer"
                    + (launch.bootstrapServers() == null ? "" : " at " + launch.bootstrapServers()) + ": "
                    + e.getMessage());
            return ScriptRunner.ERROR;
        } catch (IOException | RuntimeException e) {
            err.println("leaderlab: " + e.getMessage());
            return ScriptRunner.ERROR;
        } catch (Exception e) {
            err.println("leaderlab: could not stop cleanly: " + e.getMessage());
            return ScriptRunner.ERROR;
        }
    }
}
