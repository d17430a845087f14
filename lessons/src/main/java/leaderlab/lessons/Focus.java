package leaderlab.lessons;

import java.util.List;
import leaderlab.shell.command.CommandException;

/**
 * Where a lesson points the window: {@code focus broker 2} or {@code focus orders-0}. In the terminal the
 * {@code focus} command prints what there is to see there.
 *
 * @param broker    the broker id, or -1 when the focus is a partition
 * @param partition TOPIC-P, or null when the focus is a broker
 */
public record Focus(int broker, String partition) {

    static final String USAGE = "focus broker N | focus TOPIC-P, e.g. focus broker 2 or focus orders-0";

    /** Parses the words after {@code focus} without a cluster: the shape only. */
    static Focus parse(List<String> words) {
        if (words.size() == 2 && words.get(0).equals("broker")) {
            try {
                return new Focus(Integer.parseInt(words.get(1)), null);
            } catch (NumberFormatException e) {
                throw new CommandException("focus broker needs a broker id, got '" + words.get(1) + "'");
            }
        }
        if (words.size() == 1 && words.get(0).matches(".+-\\d+")) {
            return new Focus(-1, words.get(0));
        }
        throw new CommandException("cannot read focus " + String.join(" ", words) + "; usage: " + USAGE);
    }

    public boolean isBroker() {
        return partition == null;
    }

    @Override
    public String toString() {
        return isBroker() ? "broker " + broker : partition;
    }
}
