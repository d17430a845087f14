package leaderlab.shell.command;

/**
 * A command that cannot run as typed. The message is one line for the user: what was wrong and what
 * would be right. Thrown before anything changes, so the cluster is untouched.
 */
public final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message, null, false, false);
    }
}
