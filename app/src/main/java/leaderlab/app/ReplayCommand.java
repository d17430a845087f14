package leaderlab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.lessons.LessonCommands;
import leaderlab.lessons.ShellLessonCommands;
import leaderlab.shell.ScriptRunner;
import leaderlab.shell.bundle.Replayer;
import leaderlab.shell.bundle.RunBundle;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;

/**
 * {@code leaderlab replay FILE}: runs a saved run bundle again on a fresh simulated cluster, printing
 * each command and its output, and checks the journal digest after every command. Exit 0 when it
 * matches, 1 when the run diverged (naming the bundle line), 2 for a file that is not a bundle.
 */
final class ReplayCommand {

    static final String USAGE = "usage: leaderlab replay FILE [--quiet]";

    private ReplayCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> files = args.stream().filter(arg -> !arg.equals("--quiet")).toList();
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            err.println(USAGE);
            return ScriptRunner.ERROR;
        }
        boolean quiet = args.contains("--quiet");
        String file = files.get(0);
        RunBundle bundle;
        try {
            bundle = RunBundle.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
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
            Dispatcher dispatcher = new Dispatcher(LessonCommands.registry(), new Session(cluster));
            ShellLessonCommands.install(dispatcher);
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
