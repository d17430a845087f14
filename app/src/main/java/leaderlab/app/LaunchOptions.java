package leaderlab.app;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.ClusterOptions;
import leaderlab.kafka.local.LocalKafkaOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The launcher's own options, declared for picocli: the shell, a script or {@code -e} lines on a fresh
 * cluster. Subcommands ({@code lesson}, {@code chaos}, {@code bench}) are added by {@link Main}.
 */
@Command(
        name = "leaderlab",
        sortOptions = false,
        description = {
            "Start the interactive shell on a live 3-broker cluster, and the window beside it when there "
                    + "is a display. With standard input not a terminal, commands are read from it."
        },
        footer = {
            "",
            "Subcommands: leaderlab lesson --help, leaderlab chaos --help, leaderlab bench --help, "
                    + "leaderlab replay --help, leaderlab compare --help"
        })
final class LaunchOptions {

    @Option(names = "--no-gui", description = "the shell only, no window")
    boolean noGui;

    @Option(
            names = "--present",
            description = {
                "open the window in presenter mode: full screen, cluster view and",
                "lesson narration only, in type for a lecture hall (P toggles it)"
            })
    boolean present;

    @Option(
            names = "--seed",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "deterministic simulated runtime: same seed + commands = same output")
    Long seed;

    @Option(
            names = "--brokers",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = "number of brokers, ids 1..N (default 3)")
    long brokers = 3;

    @Option(
            names = "--controllers",
            paramLabel = "N",
            converter = WholeNumber.class,
            description = {
                "controllers of the KRaft quorum, ids 101.. (default 3; 1: no controller failover);",
                "with --kafka, each is its own controller JVM (at most " + LocalKafkaOptions.MAX_CONTROLLERS + ")"
            })
    long controllers = ClusterOptions.DEFAULT_CONTROLLERS;

    @Option(
            names = "--racks",
            paramLabel = "R",
            converter = WholeNumber.class,
            description = "racks r1..rR assigned round-robin (default none)")
    long racks;

    @Option(names = "--kafka-timings", description = "Kafka's own default timings instead of the faster classroom ones")
    boolean kafkaTimings;

    @Option(
            names = "--kafka",
            description = "drive a real Apache Kafka 4.4 cluster that leaderlab starts (child JVMs on loopback, "
                    + "deleted on exit) with the same commands, instead of the simulator")
    boolean kafka;

    @Option(
            names = "--bootstrap-server",
            paramLabel = "HOST:PORT",
            description = "attach to an existing Kafka cluster, read-only unless --allow-admin")
    String bootstrapServer;

    @Option(
            names = "--allow-admin",
            description =
                    "with --bootstrap-server: allow elect, reassign, config, create, produce (each shown as its Kafka command)")
    boolean allowAdmin;

    @Option(
            names = "--command-config",
            paramLabel = "FILE",
            description = "with --bootstrap-server: client properties (TLS, SASL), as Kafka's tools take")
    String commandConfig;

    @Option(
            names = "--script",
            paramLabel = "FILE",
            description = {
                "run commands from FILE, one per line (# starts a " + "comment);",
                "stops at the first failed expect or bad command, naming FILE:LINE"
            })
    String script;

    @Option(names = "-e", paramLabel = "COMMAND", description = "run one command (repeatable), then exit")
    List<String> commands = new ArrayList<>();

    @Option(names = "--echo", description = "print each command before its result")
    boolean echo;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    boolean help;

    /** Starts the shell to its prompt and exits: what {@code leaderlab bench startup} measures. */
    @Option(names = "--startup-probe", hidden = true)
    boolean startupProbe;

    /** Checks what picocli cannot: option combinations and the cluster's shape. */
    void validate(CommandLine commandLine) {
        if (present && noGui) {
            throw new CommandLine.ParameterException(
                    commandLine, "--present opens the window in presenter mode; it cannot go with --no-gui");
        }
        if (script != null && !commands.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "use either --script FILE or -e COMMAND, not both");
        }
        if (kafka && bootstrapServer != null) {
            throw new CommandLine.ParameterException(
                    commandLine, "use either --kafka (a cluster leaderlab starts) or --bootstrap-server, not both");
        }
        if ((kafka || bootstrapServer != null) && seed != null) {
            throw new CommandLine.ParameterException(
                    commandLine, "--seed is for the simulator; real Kafka is not deterministic");
        }
        if (bootstrapServer == null && (allowAdmin || commandConfig != null)) {
            throw new CommandLine.ParameterException(
                    commandLine, "--allow-admin and --command-config go with --bootstrap-server");
        }
        try {
            clusterOptions();
            if (kafka) {
                kafkaOptions();
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    ClusterOptions clusterOptions() {
        return new ClusterOptions(
                clamp(brokers), clamp(racks), seed == null ? 1 : seed, seed != null, kafkaTimings, clamp(controllers));
    }

    /** Out-of-range numbers stay out of range, so ClusterOptions' own check names them. */
    static int clamp(long value) {
        return Math.toIntExact(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value)));
    }

    LocalKafkaOptions kafkaOptions() {
        return LocalKafkaOptions.like(clusterOptions());
    }

    /** A whole number, with the launcher's one-line message when it is not. */
    static final class WholeNumber implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("must be a whole number, got '" + text + "'");
            }
        }
    }
}
