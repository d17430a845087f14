package leaderlab.lessons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code leaderlab lesson list | play NAME | verify [NAME... | --all]}: the launcher's lesson commands.
 * Returns exit codes like scripts do: 0 fine, 1 an expectation failed, 2 bad input (a malformed
 * lesson, an unknown name); every problem is one line, never a stack trace.
 */
public final class LessonCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int ERROR = 2;

    /**
     * Threaded verification speed. At 5x the classroom timeouts are still hundreds of milliseconds of wall
     * time (replica.lag.time.max.ms 2 s becomes 400 ms), well above scheduling noise on a busy 2-core
     * machine; at 10x a loaded machine occasionally dropped a follower from the ISR a lesson relies on.
     */
    public static final double VERIFY_SPEED = 5;

    static final String USAGE = String.join("\n",
            "usage: leaderlab lesson list",
            "       leaderlab lesson play NAME|FILE.md [--live [--speed X]]",
            "       leaderlab lesson verify [NAME|FILE.md ... | --all] [--simulated-only] [--speed X]",
            "",
            "  list     the shipped course, in order",
            "  play     play a lesson in the terminal (simulated, so back replays exactly; --live: real threads)",
            "  verify   play lessons headless and fast, checking every expect, in the simulated runtime and",
            "           in the threaded runtime at speed " + (long) VERIFY_SPEED + "; exits 1 if any check fails");

    private final LessonLibrary library = new LessonLibrary();
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final PredictionLog predictions;

    public LessonCli(BufferedReader in, PrintStream out, PrintStream err, PredictionLog predictions) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.predictions = predictions;
    }

    public int run(List<String> args) {
        try {
            if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
                out.println(USAGE);
                return args.isEmpty() ? ERROR : OK;
            }
            List<String> rest = args.subList(1, args.size());
            return switch (args.get(0)) {
                case "list" -> list();
                case "play" -> play(rest);
                case "verify" -> verify(rest);
                default -> usage("unknown lesson command '" + args.get(0) + "'");
            };
        } catch (LessonFormatException e) {
            e.errors().forEach(err::println);
            err.println("leaderlab: the lesson has " + e.errors().size() + " error(s); nothing was played");
            return ERROR;
        } catch (IOException | RuntimeException e) {
            err.println("leaderlab: " + e.getMessage());
            return ERROR;
        }
    }

    private int usage(String problem) {
        err.println("leaderlab: " + problem + "\n" + USAGE);
        return ERROR;
    }

    private int list() throws IOException, LessonFormatException {
        for (String name : library.names()) {
            Lesson lesson = library.load(name);
            out.printf(Locale.ROOT, "%-36s %s (%d steps)%n", name, lesson.title(), lesson.steps().size());
        }
        return OK;
    }

    private int play(List<String> args) throws IOException, LessonFormatException {
        Options options = Options.parse(args, List.of("--live"));
        if (options.targets.size() != 1) {
            return usage("lesson play takes one lesson name or file");
        }
        Lesson lesson = library.load(options.targets.get(0));
        PlayMode mode = options.flags.contains("--live") ? PlayMode.live(options.speed(1)) : PlayMode.SIMULATED;
        try (LessonPlayer player = new LessonPlayer(lesson, mode, false, predictions)) {
            new TerminalPlayer(player, in, out).run();
        }
        return OK;
    }

    private int verify(List<String> args) throws IOException, LessonFormatException {
        Options options = Options.parse(args, List.of("--all", "--simulated-only"));
        List<String> names = options.flags.contains("--all") || options.targets.isEmpty() ? library.names() : options.targets;
        if (options.flags.contains("--all") && !options.targets.isEmpty()) {
            return usage("give lesson names or --all, not both");
        }
        // Parse everything first: a malformed lesson fails the run before any lesson plays.
        List<Lesson> lessons = new ArrayList<>();
        for (String name : names) {
            lessons.add(library.load(name));
        }
        List<PlayMode> modes = new ArrayList<>(List.of(PlayMode.SIMULATED));
        if (!options.flags.contains("--simulated-only")) {
            modes.add(PlayMode.live(options.speed(VERIFY_SPEED)));
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
        out.println(lessons.size() + " lesson(s), " + runs + " run(s): " + (runs - failed) + " passed, " + failed + " failed");
        return failed == 0 ? OK : FAILED;
    }

    /** Lesson names, known flags, and {@code --speed X}. */
    private record Options(List<String> targets, List<String> flags, Double speedValue) {

        static Options parse(List<String> args, List<String> known) {
            List<String> targets = new ArrayList<>();
            List<String> flags = new ArrayList<>();
            Double speed = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--speed") && i + 1 < args.size()) {
                    speed = parseSpeed(args.get(++i));
                } else if (known.contains(arg)) {
                    flags.add(arg);
                } else if (arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + arg + " (leaderlab lesson --help lists them)");
                } else {
                    targets.add(arg);
                }
            }
            return new Options(targets, flags, speed);
        }

        double speed(double otherwise) {
            return speedValue == null ? otherwise : speedValue;
        }

        private static double parseSpeed(String text) {
            try {
                double speed = Double.parseDouble(text);
                if (speed >= 0.01 && speed <= 100) {
                    return speed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--speed must be a number from 0.01 to 100, got '" + text + "'");
        }
    }
}
