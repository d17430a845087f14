package leaderlab.app;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.ClusterOptions;

/**
 * The launcher's command line. Parsing never exits or prints; problems come back as an
 * IllegalArgumentException with a one-line message.
 */
record LaunchOptions(boolean noGui, String script, Long seed, int brokers, int racks, boolean kafkaTimings,
                     List<String> commands, boolean echo, boolean help, boolean startupProbe, boolean present) {

    static final String USAGE = String.join("\n",
            "usage: leaderlab [--no-gui | --present] [--seed N] [--brokers N] [--racks R] [--kafka-timings]",
            "                 [--script FILE | -e COMMAND ...] [--echo]",
            "       leaderlab replay FILE [--quiet]      run a bundle from 'save run' again and check its digest",
            "       leaderlab lesson list | play NAME | verify [NAME | --all]   (leaderlab lesson --help)",
            "",
            "  (no option)        start the interactive shell on a live 3-broker cluster, and the",
            "                     window beside it when there is a display",
            "  --no-gui           the shell only, no window",
            "  --present          open the window in presenter mode: full screen, cluster view and",
            "                     lesson narration only, in type for a lecture hall (P toggles it)",
            "  --script FILE      run commands from FILE, one per line (# starts a comment);",
            "                     stops at the first failed expect or bad command, naming FILE:LINE",
            "  -e COMMAND         run one command (repeatable), then exit",
            "  --seed N           deterministic simulated runtime: same seed + commands = same output",
            "  --brokers N        number of brokers, ids 1..N (default 3)",
            "  --racks R          racks r1..rR assigned round-robin (default none)",
            "  --kafka-timings    Kafka's own default timings instead of the faster classroom ones",
            "  --echo             print each command before its result",
            "With standard input not a terminal, commands are read from it.");

    static LaunchOptions parse(String[] args) {
        boolean noGui = false;
        String script = null;
        Long seed = null;
        int brokers = 3;
        int racks = 0;
        boolean kafkaTimings = false;
        boolean echo = false;
        boolean help = false;
        boolean startupProbe = false;
        boolean present = false;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--no-gui" -> noGui = true;
                case "--present" -> present = true;
                case "--kafka-timings" -> kafkaTimings = true;
                case "--echo" -> echo = true;
                case "--help", "-h" -> help = true;
                case "--startup-probe" -> startupProbe = true;
                case "--script" -> script = value(args, ++i, arg);
                case "-e" -> commands.add(value(args, ++i, arg));
                case "--seed" -> seed = parseLong(value(args, ++i, arg), arg);
                case "--brokers" -> brokers = (int) parseLong(value(args, ++i, arg), arg);
                case "--racks" -> racks = (int) parseLong(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "' (leaderlab --help lists options)");
            }
        }
        if (present && noGui) {
            throw new IllegalArgumentException("--present opens the window in presenter mode; it cannot go with --no-gui");
        }
        if (script != null && !commands.isEmpty()) {
            throw new IllegalArgumentException("use either --script FILE or -e COMMAND, not both");
        }
        LaunchOptions options = new LaunchOptions(noGui, script, seed, brokers, racks, kafkaTimings,
                List.copyOf(commands), echo, help, startupProbe, present);
        options.clusterOptions();
        return options;
    }

    ClusterOptions clusterOptions() {
        return new ClusterOptions(brokers, racks, seed == null ? 1 : seed, seed != null, kafkaTimings);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long parseLong(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'");
        }
    }
}
