package leaderlab.lessons;

import picocli.CommandLine;

/**
 * The launcher's answer to a bad option or argument, for {@code leaderlab} and every subcommand: one
 * line naming the problem, exit 2. Unknown words point at --help; bad values say what would be right.
 */
public final class BadOption implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            message = (word.startsWith("-") ? "unknown option '" : "unexpected argument '") + word + "' ("
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help lists options)";
        } else if (e.getCause() instanceof CommandLine.TypeConversionException conversion) {
            message = (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option ? option.longestName() + " " : "")
                    + conversion.getMessage();
        }
        e.getCommandLine().getErr().println("leaderlab: " + message);
        return LessonCli.ERROR;
    }
}
