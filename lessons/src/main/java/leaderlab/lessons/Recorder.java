package leaderlab.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Tokenizer;

/**
 * Writes what a teacher types as a lesson skeleton ({@code record start FILE} ... {@code record stop}):
 * front matter from the cluster's shape, then one step per group of commands with TODO narration. A
 * group ends at an empty line or after a command whose {@link Command.Recording} trait says it shows
 * something, which is where a class usually stops to look. Lines that were errors changed nothing and
 * are left out.
 */
final class Recorder implements Dispatcher.Observer {

    private final CommandRegistry registry;
    private Path file;
    private ClusterOptions shape;
    private final List<List<String>> groups = new ArrayList<>();
    private List<String> group = new ArrayList<>();

    /** @param registry where each command's {@link Command#recording()} trait is read */
    Recorder(CommandRegistry registry) {
        this.registry = registry;
    }

    boolean recording() {
        return file != null;
    }

    Path file() {
        return file;
    }

    void start(Path target, ClusterOptions clusterShape) throws IOException {
        if (recording()) {
            throw new IOException("already recording to " + file + "; record stop first");
        }
        if (Files.exists(target)) {
            throw new IOException(target + " already exists; choose a new file name");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("no folder " + parent);
        }
        file = target;
        shape = clusterShape;
        groups.clear();
        group = new ArrayList<>();
    }

    /** Writes the skeleton and stops; returns the number of steps written. */
    int stop() throws IOException {
        if (!recording()) {
            throw new IOException("not recording; record start FILE begins");
        }
        closeGroup();
        Files.writeString(file, skeleton(), StandardCharsets.UTF_8);
        int steps = groups.size();
        file = null;
        return steps;
    }

    @Override
    public void executed(String line, Result result) {
        if (!recording() || result.status() == Result.Status.ERROR) {
            return;
        }
        String text = Tokenizer.stripComment(line).strip();
        if (text.isEmpty()) {
            closeGroup();
            return;
        }
        Command command = registry.find(Tokenizer.split(text).get(0));
        Command.Recording how = command == null ? Command.Recording.STEP : command.recording();
        if (how == Command.Recording.IGNORED) {
            return;
        }
        group.add(text);
        if (how == Command.Recording.ENDS_STEP) {
            closeGroup();
        }
    }

    /** A line a trigger ran is the trigger's doing, so replaying the {@code when} redoes it: a comment. */
    @Override
    public void triggered(String line, Result result) {
        if (recording()) {
            group.add("# triggered: " + Tokenizer.stripComment(line).strip());
        }
    }

    private void closeGroup() {
        if (!group.isEmpty()) {
            groups.add(group);
            group = new ArrayList<>();
        }
    }

    String skeleton() {
        StringBuilder out = new StringBuilder();
        out.append("---\ntitle: TODO a title that says what the class will see\n")
                .append("brokers: ")
                .append(shape.brokers())
                .append('\n')
                .append("racks: ")
                .append(shape.racks())
                .append('\n')
                .append("seed: ")
                .append(shape.seed())
                .append('\n')
                .append("---\n");
        for (int i = 0; i < groups.size(); i++) {
            out.append("\nTODO narration for step ")
                    .append(i + 1)
                    .append(": what is about to happen, and which rule of Kafka explains it.\n\n```leaderlab\n");
            groups.get(i).forEach(command -> out.append(command).append('\n'));
            out.append("```\n");
        }
        if (groups.isEmpty()) {
            out.append("\nTODO nothing was recorded; put commands in a block:\n\n```leaderlab\ndescribe\n```\n");
        }
        return out.toString();
    }
}
