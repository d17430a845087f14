package leaderlab.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import org.apache.kafka.clients.admin.NewTopic;

/** create and describe on a real cluster: Admin.createTopics, and kafka-topics --describe's format. */
final class TopicActions {

    static final List<String> FILTERS = List.of(
            "under-replicated-partitions",
            "under-min-isr-partitions",
            "at-min-isr-partitions",
            "unavailable-partitions");

    /** How long create waits for its topic to be seen with leaders before it answers anyway. */
    private static final long VISIBLE_WAIT_MS = 10_000;

    private final KafkaSession kafka;

    TopicActions(KafkaSession kafka) {
        this.kafka = kafka;
    }

    Result create(Args args) throws InterruptedException {
        List<String> words = args.positionals();
        String name;
        if (words.size() == 2 && words.get(0).equals("topic")) {
            name = words.get(1);
        } else if (words.size() == 1 && !words.get(0).equals("topic")) {
            name = words.get(0);
        } else {
            throw new CommandException("usage: create topic NAME [--partitions N] [--replication-factor R] ...");
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (String entry : args.optionValues("config")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new CommandException(
                        "--config takes KEY=VALUE, e.g. --config min.insync.replicas=2; got '" + entry + "'");
            }
            configs.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        NewTopic topic;
        String assignment = args.option("replica-assignment");
        if (assignment != null) {
            if (args.option("partitions") != null || args.option("replication-factor") != null) {
                throw new CommandException("--replica-assignment sets partitions and replication factor; "
                        + "drop --partitions and --replication-factor");
            }
            Map<Integer, List<Integer>> replicas = new LinkedHashMap<>();
            String[] partitions = assignment.split(",", -1);
            for (int p = 0; p < partitions.length; p++) {
                List<Integer> ids = new ArrayList<>();
                for (int id : Parse.brokerList(partitions[p].replace(':', ','), "--replica-assignment broker id")) {
                    ids.add(id);
                }
                replicas.put(p, ids);
            }
            topic = new NewTopic(name, replicas);
        } else {
            // Unset options leave the choice to the brokers' num.partitions and default.replication.factor.
            Optional<Integer> partitions =
                    args.option("partitions") == null ? Optional.empty() : Optional.of(args.intOption("partitions", 1));
            Optional<Short> replication = args.option("replication-factor") == null
                    ? Optional.empty()
                    : Optional.of((short) args.intOption("replication-factor", 1));
            topic = new NewTopic(name, partitions, replication);
        }
        topic.configs(configs);
        StateReader.get(kafka.cluster().admin().createTopics(List.of(topic)).all());
        awaitVisible(name);
        return Result.ok("Created topic " + name + ".");
    }

    /**
     * The controller has the topic once createTopics answers, but a broker may not have replayed it yet
     * and answers describe with UNKNOWN_TOPIC_OR_PARTITION: wait (bounded) until a describe sees it, so the
     * next command finds it as it would in the simulator.
     */
    private void awaitVisible(String name) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(VISIBLE_WAIT_MS);
        while (System.nanoTime() < deadline) {
            try {
                RealState.Topic created = kafka.state().topic(name);
                if (created != null && created.partitions().stream().allMatch(p -> p.leader() >= 0)) {
                    return;
                }
            } catch (KafkaCallException notYetEverywhere) {
                // One broker listed the new topic and the one asked to describe it has not replayed it yet
                // (UNKNOWN_TOPIC_OR_PARTITION): the very lag this wait is for, so ask again.
            }
            Thread.sleep(100);
        }
    }

    Result describe(Args args) {
        args.expectAtMost(1, "describe [TOPIC] [filter]");
        if (args.flag("json")) {
            throw new CommandException("describe --json is not available on real Kafka yet (use describe)");
        }
        String filter = null;
        for (String candidate : FILTERS) {
            if (args.flag(candidate)) {
                if (filter != null) {
                    throw new CommandException("use one partition filter at a time");
                }
                filter = candidate;
            }
        }
        RealState state = kafka.state();
        List<RealState.Topic> topics =
                args.count() == 1 ? List.of(kafka.topic(state, args.positional(0, "TOPIC"))) : state.topics();
        if (topics.isEmpty()) {
            return Result.ok("no topics yet (create topic NAME)");
        }
        return Result.ok(text(topics, filter));
    }

    /** kafka-topics --describe's lines, with Kafka 4.x's Elr and LastKnownElr columns, as the simulator prints them. */
    static List<String> text(List<RealState.Topic> topics, String filter) {
        List<String> lines = new ArrayList<>();
        for (RealState.Topic topic : topics) {
            RealState.Partition first = topic.partitions().get(0);
            int replicationFactor = first.replicas().size() - first.adding().size();
            if (filter == null) {
                List<String> configs = new ArrayList<>();
                topic.configs().forEach((k, v) -> configs.add(k + "=" + v));
                lines.add("Topic: " + topic.name() + "\tTopicId: " + topic.topicId() + "\tPartitionCount: "
                        + topic.partitions().size() + "\tReplicationFactor: " + replicationFactor + "\tConfigs: "
                        + String.join(",", configs));
            }
            for (RealState.Partition p : topic.partitions()) {
                if (filter != null && !matches(filter, p, topic.minIsr())) {
                    continue;
                }
                StringBuilder line = new StringBuilder()
                        .append("\tTopic: ")
                        .append(topic.name())
                        .append("\tPartition: ")
                        .append(p.partition())
                        .append("\tLeader: ")
                        .append(Changes.leader(p.leader()))
                        .append("\tReplicas: ")
                        .append(Changes.list(p.replicas()))
                        .append("\tIsr: ")
                        .append(Changes.list(p.isr()));
                if (!p.adding().isEmpty() || !p.removing().isEmpty()) {
                    line.append("\tAdding Replicas: ")
                            .append(Changes.list(p.adding()))
                            .append("\tRemoving Replicas: ")
                            .append(Changes.list(p.removing()));
                }
                line.append("\tElr: ")
                        .append(Changes.list(p.elr()))
                        .append("\tLastKnownElr: ")
                        .append(Changes.list(p.lastKnownElr()));
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /** kafka-topics' partition filters. */
    static boolean matches(String filter, RealState.Partition p, int minIsr) {
        return switch (filter) {
            case "under-replicated-partitions" -> p.isr().size() < p.replicas().size();
            case "under-min-isr-partitions" -> p.isr().size() < minIsr;
            case "at-min-isr-partitions" -> p.isr().size() == minIsr;
            case "unavailable-partitions" -> p.leader() < 0;
            default -> true;
        };
    }
}
