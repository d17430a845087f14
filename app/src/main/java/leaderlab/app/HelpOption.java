package leaderlab.app;

import picocli.CommandLine.Option;

/** {@code -h, --help} as every leaderlab command says it; a picocli mixin. */
final class HelpOption {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    boolean help;
}
