package leaderlab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.Dispatcher;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the live cluster: command names, each command's options, and the values that
 * make sense where the cursor is: running brokers for kill, stopped ones for restart, topics,
 * TOPIC-P names, config keys, condition words.
 */
final class ShellCompleter implements Completer {

    private static final List<String> CONDITIONS = List.of("leader", "isr", "replicas", "hw", "epoch", "offline", "leo",
            "broker", "last-produce");
    private static final Set<String> TOPIC_COMMANDS = Set.of("describe", "produce", "consume");
    private static final Set<String> PARTITION_COMMANDS = Set.of("log", "history", "why", "reassign");

    private final Dispatcher dispatcher;

    ShellCompleter(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            dispatcher.registry().all().forEach(c -> candidates.add(candidate(c.name(), c.summary())));
            return;
        }
        Command command = dispatcher.registry().find(words.get(0));
        if (command == null) {
            return;
        }
        String current = line.word();
        String previous = words.get(index - 1);
        if (current.startsWith("-")) {
            command.options().forEach(o -> candidates.add(candidate("--" + o, "option")));
            command.flags().forEach(f -> candidates.add(candidate("--" + f, "flag")));
            return;
        }
        if (previous.startsWith("--")) {
            optionValues(previous.substring(2), candidates);
            if (command.options().contains(previous.substring(2))) {
                return;
            }
        }
        positionalValues(command.name(), words.subList(1, index), candidates);
    }

    private void optionValues(String option, List<Candidate> candidates) {
        ClusterSnapshot snapshot = dispatcher.session().cluster().snapshot();
        switch (option) {
            case "acks" -> List.of("0", "1", "all").forEach(v -> candidates.add(candidate(v, "acks")));
            case "from" -> {
                List.of("all", "clients", "controller", "brokers").forEach(v -> candidates.add(candidate(v, "isolate from")));
                snapshot.brokers().forEach(b -> candidates.add(candidate("brokers:" + b.id(), "one broker")));
            }
            case "topic" -> snapshot.topics().forEach(t -> candidates.add(candidate(t.name(), "topic")));
            case "type" -> {
                for (EventType type : EventType.values()) {
                    candidates.add(candidate(type.name(), "event type"));
                }
            }
            case "config" -> ConfigKey.names().forEach(k -> candidates.add(new Candidate(k + "=", k, "config", null,
                    null, null, false)));
            default -> {
            }
        }
    }

    private void positionalValues(String command, List<String> before, List<Candidate> candidates) {
        ClusterSnapshot snapshot = dispatcher.session().cluster().snapshot();
        int position = (int) before.stream().filter(w -> !w.startsWith("--")).count();
        switch (command) {
            case "kill", "shutdown", "isolate" -> brokers(snapshot, true, candidates);
            case "restart" -> brokers(snapshot, false, candidates);
            case "link" -> {
                snapshot.brokers().forEach(b -> candidates.add(candidate(Integer.toString(b.id()), "broker")));
                candidates.add(candidate("controller", "the controller"));
                candidates.add(candidate("client", "the clients"));
            }
            case "elect" -> {
                if (position == 0) {
                    candidates.add(candidate("preferred", "replicas[0] if in sync"));
                    candidates.add(candidate("unclean", "any alive replica, may lose data"));
                } else {
                    topics(snapshot, candidates);
                    partitions(snapshot, candidates);
                }
            }
            case "config" -> {
                if (position == 0) {
                    candidates.add(candidate("set", "change a setting"));
                } else if (position == 1) {
                    for (ConfigKey key : ConfigKey.values()) {
                        candidates.add(candidate(key.key(), key.doc()));
                    }
                }
            }
            case "time" -> List.of("pause", "resume", "step", "speed", "now").forEach(v -> candidates.add(candidate(v, "time")));
            case "events" -> List.of("on", "off").forEach(v -> candidates.add(candidate(v, "live events")));
            case "help" -> dispatcher.registry().all().forEach(c -> candidates.add(candidate(c.name(), c.summary())));
            case "create" -> candidates.add(candidate("topic", "create topic NAME"));
            case "expect", "wait" -> conditionWords(snapshot, before, candidates);
            default -> {
                if (TOPIC_COMMANDS.contains(command)) {
                    topics(snapshot, candidates);
                } else if (PARTITION_COMMANDS.contains(command)) {
                    partitions(snapshot, candidates);
                }
            }
        }
    }

    private void conditionWords(ClusterSnapshot snapshot, List<String> before, List<Candidate> candidates) {
        List<String> words = new ArrayList<>(before);
        if (!words.isEmpty() && words.get(0).equals("until")) {
            words.remove(0);
        } else if (words.isEmpty() && before.isEmpty()) {
            candidates.add(candidate("until", "wait until CONDITION"));
        }
        if (words.isEmpty()) {
            CONDITIONS.forEach(c -> candidates.add(candidate(c, "condition")));
        } else if (words.size() == 1) {
            if (words.get(0).equals("broker")) {
                brokers(snapshot, null, candidates);
            } else if (words.get(0).equals("last-produce")) {
                candidates.add(candidate("is", ""));
            } else {
                partitions(snapshot, candidates);
            }
        } else if (!words.contains("is")) {
            candidates.add(candidate("is", ""));
        }
    }

    /** @param running true: running brokers only; false: stopped only; null: all */
    private static void brokers(ClusterSnapshot snapshot, Boolean running, List<Candidate> candidates) {
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            if (running == null || broker.running() == running) {
                candidates.add(candidate(Integer.toString(broker.id()), "broker " + broker.state().toLowerCase()));
            }
        }
    }

    private static void topics(ClusterSnapshot snapshot, List<Candidate> candidates) {
        snapshot.topics().forEach(t -> candidates.add(candidate(t.name(), t.partitionCount() + " partition(s)")));
    }

    private static void partitions(ClusterSnapshot snapshot, List<Candidate> candidates) {
        for (TopicInfo topic : snapshot.topics()) {
            for (int p = 0; p < Math.min(topic.partitionCount(), 200); p++) {
                candidates.add(candidate(topic.name() + "-" + p, "partition"));
            }
        }
    }

    private static Candidate candidate(String value, String description) {
        return new Candidate(value, value, null, description, null, null, true);
    }
}
