package leaderlab.shell.command;

import java.util.List;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What may come next in a command's arguments, from the live cluster: declared on the command with
 * its other traits, so the shell's tab completion never keeps a list of command names of its own.
 */
@FunctionalInterface
public interface Completion {

    /** Offers values for the word under the cursor. */
    void complete(Context context, Sink out);

    /**
     * @param snapshot the cluster now
     * @param before   the positional words already typed after the command name (options left out)
     * @param registry every command, for commands that take a command name
     */
    record Context(ClusterSnapshot snapshot, List<String> before, CommandRegistry registry) {

        public int position() {
            return before.size();
        }
    }

    /** Receives candidates: the value to insert and a short description. */
    @FunctionalInterface
    interface Sink {
        void offer(String value, String description);
    }

    Completion NONE = (context, out) -> {};
}
