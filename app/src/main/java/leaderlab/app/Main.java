package leaderlab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import leaderlab.app.window.WindowLauncher;
import leaderlab.cluster.Cluster;
import leaderlab.kafka.KafkaLaunch;
import leaderlab.kafka.KafkaShell;
import leaderlab.lessons.BadOption;
import leaderlab.lessons.LessonCli;
import leaderlab.lessons.PredictionLog;
import leaderlab.shell.Repl;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;
import picocli.CommandLine;

/**
 * The {@code leaderlab} entry point: starts a cluster and runs the shell (with the window beside it
 * when there is a display), a script or standard input.
 */
public final class Main {

    static final String NO_DISPLAY = "leaderlab: no display, running the shell only (--no-gui)";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs leaderlab and returns the exit code; never lets a stack trace reach the user. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        LaunchOptions options = new LaunchOptions();
        LessonCli lessons = new LessonCli(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                out,
                err,
                PredictionLog.inHome());
        CommandLine launcher = new CommandLine(options)
                .addSubcommand("lesson", lessons.commandLine())
                .addSubcommand("chaos", new ChaosCommand(out))
                .addSubcommand("bench", BenchCommand.commandLine(out, err))
                .addSubcommand("replay", new ReplayCommand(out, err))
                .addSubcommand("compare", new CompareCommand(out, err));
        launcher.setExpandAtFiles(false);
        launcher.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        launcher.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        launcher.setParameterExceptionHandler(new BadOption());
        launcher.setExecutionExceptionHandler((e, line, parsed) -> lessons.failed(e));
        launcher.setExecutionStrategy(parsed -> {
            if (!parsed.hasSubcommand() && !parsed.isUsageHelpRequested()) {
                options.validate(launcher);
                return shell(options, out, err);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return launcher.execute(args);
    }

    /** The shell, a script, -e lines or standard input, on a fresh cluster. */
    private static int shell(LaunchOptions options, PrintStream out, PrintStream err) {
        BufferedReader script = null;
        try {
            if (options.script != null) {
                script = Files.newBufferedReader(Path.of(options.script), StandardCharsets.UTF_8);
            }
        } catch (NoSuchFileException e) {
            err.println("leaderlab: no such script file: " + options.script);
            return ScriptRunner.ERROR;
        } catch (IOException e) {
            err.println("leaderlab: cannot read " + options.script + ": " + e.getMessage());
            return ScriptRunner.ERROR;
        }
        if (options.kafka || options.bootstrapServer != null) {
            return kafka(options, script, out, err);
        }
        try (Cluster cluster = Cluster.start(options.clusterOptions())) {
            Dispatcher dispatcher = new Dispatcher(AppCommands.registry(), new Session(cluster));
            ScriptRunner runner = new ScriptRunner(dispatcher, out, err, options.echo);
            if (!options.commands.isEmpty()) {
                return runner.run(new BufferedReader(new StringReader(String.join("\n", options.commands))), "-e");
            }
            if (script != null) {
                try (BufferedReader lines = script) {
                    return runner.run(lines, options.script);
                }
            }
            if (options.startupProbe) {
                return new Repl(new CommandRunner(dispatcher), historyFile()).probeStartup(out);
            }
            if (System.console() == null) {
                return runner.run(
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), "<stdin>");
            }
            try (CommandRunner commands = new CommandRunner(dispatcher)) {
                if (!options.noGui) {
                    openWindow(commands, err, options.present, true);
                }
                return new Repl(commands, historyFile()).run();
            } finally {
                WindowLauncher.close();
            }
        } catch (IOException | RuntimeException e) {
            err.println("leaderlab: " + e.getMessage());
            return ScriptRunner.ERROR;
        }
    }

    /** The same command language on a real Kafka cluster, started here or attached to. */
    private static int kafka(LaunchOptions options, BufferedReader script, PrintStream out, PrintStream err) {
        KafkaLaunch launch = options.kafka
                ? KafkaLaunch.start(options.kafkaOptions())
                : KafkaLaunch.attach(
                        options.bootstrapServer,
                        options.commandConfig == null ? null : Path.of(options.commandConfig),
                        options.allowAdmin);
        BufferedReader lines = null;
        String source = null;
        if (!options.commands.isEmpty()) {
            lines = new BufferedReader(new StringReader(String.join("\n", options.commands)));
            source = "-e";
        } else if (script != null) {
            lines = script;
            source = options.script;
        } else if (System.console() == null) {
            lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            source = "<stdin>";
        }
        KafkaShell.WindowOpener window = options.noGui
                ? KafkaShell.WindowOpener.NONE
                : (runner, polled, title) -> openWindow(err, () -> WindowLauncher.openReal(runner, polled, title));
        try {
            return KafkaShell.run(launch, lines, source, options.echo, historyFile(), out, err, window);
        } finally {
            WindowLauncher.close();
        }
    }

    /** The window beside the shell; without a display (or if JavaFX cannot start), the shell alone. */
    static boolean openWindow(CommandRunner commands, PrintStream err, boolean present, boolean playing) {
        return openWindow(err, () -> WindowLauncher.open(commands, present, playing));
    }

    private static boolean openWindow(PrintStream err, Runnable open) {
        if (!WindowLauncher.displayAvailable()) {
            err.println(NO_DISPLAY);
            return false;
        }
        try {
            open.run();
            return true;
        } catch (IllegalStateException e) {
            err.println("leaderlab: the window could not open (" + e.getMessage() + "), running the shell only");
            return false;
        }
    }

    static Path historyFile() {
        return Path.of(System.getProperty("user.home"), ".leaderlab_history");
    }
}
