package leaderlab.lessons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.shell.command.Parse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leaderlab lesson list | play NAME | verify [NAME... | --all]}: the launcher's lesson commands,
 * declared with picocli. Returns exit codes like scripts do: 0 fine, 1 an expectation failed, 2 bad input
 * (a malformed lesson, an unknown name, a bad option); every problem is one line, never a stack trace.
 */
@Command(
        name = "lesson",
        description = "List, play or verify the course's lessons.",
        synopsisSubcommandLabel = "list | play | verify",
        subcommands = CommandLine.HelpCommand.class)
public final class LessonCli implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int ERROR = 2;

    /**
     * Threaded verification speed. At 5x the classroom timeouts are still hundreds of milliseconds of wall
     * time (replica.lag.time.max.ms 2 s becomes 400 ms), well above scheduling noise on a busy 2-core
     * machine; at 10x a loaded machine occasionally dropped a follower from the ISR a lesson relies on.
     */
    public static final double VERIFY_SPEED = 5;

    private final LessonLibrary library = new LessonLibrary();
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final PredictionLog predictions;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    private boolean help;

    public LessonCli(BufferedReader in, PrintStream out, PrintStream err, PredictionLog predictions) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.predictions = predictions;
    }

    /** The picocli command, ready to run or to be a launcher's subcommand. */
    public CommandLine commandLine() {
        CommandLine cli = new CommandLine(this);
        cli.setExpandAtFiles(false);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, line, parsed) -> failed(e));
        cli.setParameterExceptionHandler(new BadOption());
        return cli;
    }

    /** Runs {@code leaderlab lesson ARGS} and returns the exit code. */
    public int run(List<String> args) {
        return commandLine().execute(args.toArray(String[]::new));
    }

    /** One line (a malformed lesson: each of its errors, then one line); exit 2. */
    public int failed(Exception e) {
        if (e instanceof LessonFormatException format) {
            format.errors().forEach(err::println);
            err.println("leaderlab: the lesson has " + format.errors().size() + " error(s); nothing was played");
        } else {
            err.println("leaderlab: " + e.getMessage());
        }
        return ERROR;
    }

    /** {@code leaderlab lesson} alone: the usage, as an error (nothing was asked for). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "lesson needs list, play or verify (leaderlab lesson --help)");
    }

    @Command(name = "list", description = "the shipped course, in order")
    int list() throws IOException, LessonFormatException {
        for (String name : library.names()) {
            Lesson lesson = library.load(name);
            out.printf(
                    Locale.ROOT,
                    "%-36s %s (%d steps)%n",
                    name,
                    lesson.title(),
                    lesson.steps().size());
        }
        return OK;
    }

    @Command(
            name = "play",
            description =
                    "play a lesson in the terminal (simulated, so back replays exactly; " + "--live: real threads)")
    int play(
            @Parameters(paramLabel = "NAME|FILE.md", description = "a lesson name, number or file") String name,
            @Option(names = "--live", description = "real threads instead of the simulator") boolean live,
            @Option(names = "--speed", paramLabel = "X", description = "live speed, 0.01 to 100 (default 1)")
                    Double speed)
            throws IOException, LessonFormatException {
        Lesson lesson = library.load(name);
        PlayMode mode = live ? PlayMode.live(speed(speed, 1)) : PlayMode.SIMULATED;
        try (LessonPlayer player = new LessonPlayer(lesson, mode, false, predictions)) {
            new TerminalPlayer(player, in, out).run();
        }
        return OK;
    }

    @Command(
            name = "verify",
            description = "play lessons headless and fast, checking every expect, in the simulated "
                    + "runtime and in the threaded runtime at speed " + (long) VERIFY_SPEED
                    + "; exits 1 if any check fails")
    int verify(
            @Parameters(paramLabel = "NAME|FILE.md", arity = "0..*", description = "lessons (default: all)")
                    List<String> targets,
            @Option(names = "--all", description = "every lesson of the course") boolean all,
            @Option(names = "--simulated-only", description = "skip the threaded runtime") boolean simulatedOnly,
            @Option(names = "--speed", paramLabel = "X", description = "threaded speed, 0.01 to 100") Double speed,
            @Option(
                            names = "--kafka",
                            description = "instead: on a fresh real Kafka 4.4 cluster per lesson (lessons that need "
                                    + "what Kafka cannot do are reported not runnable)")
                    boolean kafka,
            @Option(
                            names = "--settle",
                            paramLabel = "DURATION",
                            description = "with --kafka: how long a check may take to come true (default 30s)")
                    String settle)
            throws IOException, LessonFormatException, InterruptedException {
        List<String> named = targets == null ? List.of() : targets;
        if (all && !named.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine().getSubcommands().get("verify"), "give lesson names or --all, not both");
        }
        List<String> names = named.isEmpty() ? library.names() : named;
        // Parse everything first: a malformed lesson fails the run before any lesson plays.
        List<Lesson> lessons = new ArrayList<>();
        for (String name : names) {
            lessons.add(library.load(name));
        }
        if (kafka) {
            return verifyOnKafka(lessons, !named.isEmpty(), settle == null ? 30_000 : Parse.durationMs(settle));
        }
        List<PlayMode> modes = new ArrayList<>(List.of(PlayMode.SIMULATED));
        if (!simulatedOnly) {
            modes.add(PlayMode.live(speed(speed, VERIFY_SPEED)));
        }
        int failed = 0;
        for (Lesson lesson : lessons) {
            for (PlayMode mode : modes) {
                LessonVerifier.Report report = LessonVerifier.verify(lesson, mode);
                out.println(report.summary());
                report.failures().forEach(f -> out.println("       " + f));
                failed += report.passed() ? 0 : 1;
            }
        }
        int runs = lessons.size() * modes.size();
        out.println(lessons.size() + " lesson(s), " + runs + " run(s): " + (runs - failed) + " passed, " + failed
                + " failed");
        return failed == 0 ? OK : FAILED;
    }

    /** Exit 1 if a check failed; 2 if a lesson named on the command line cannot run on Kafka at all. */
    private int verifyOnKafka(List<Lesson> lessons, boolean named, long settleMs) throws InterruptedException {
        int failed = 0;
        int notRunnable = 0;
        for (Lesson lesson : lessons) {
            if (KafkaLessonVerifier.notRunnable(lesson).isEmpty()) {
                err.println("leaderlab: starting a real Kafka cluster for " + lesson.name() + "...");
            }
            KafkaLessonVerifier.Report report = KafkaLessonVerifier.verify(lesson, settleMs);
            out.println(report.summary());
            report.failures().forEach(f -> out.println("       " + f));
            failed += report.passed() || report.notRunnable() != null ? 0 : 1;
            notRunnable += report.notRunnable() != null ? 1 : 0;
        }
        out.println(lessons.size() + " lesson(s) on real Kafka: " + (lessons.size() - failed - notRunnable)
                + " passed, " + failed + " failed, " + notRunnable + " not runnable there");
        return failed > 0 ? FAILED : named && notRunnable > 0 ? ERROR : OK;
    }

    private double speed(Double value, double otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!(value >= 0.01 && value <= 100)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--speed must be a number from 0.01 to 100, got '" + value + "'");
        }
        return value;
    }
}
