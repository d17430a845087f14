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

/**
 * create on a real cluster: Admin.createTopics. describe is the shell's own, on the cluster's snapshot
 * ({@link KafkaSession#snapshot()}).
 */
final class TopicActions {

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
}
