package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A poll's topics, one by one: describeTopics and describeConfigs answer each topic on its own, and an
 * error for one topic alone (UNKNOWN_TOPIC_OR_PARTITION while it is being created or deleted, or while the
 * broker that answers has not replayed it yet) keeps that topic's last known state, marked stale, instead
 * of failing the whole poll. A topic never read before is left out until it can be read. A call that does
 * not answer at all still fails the poll.
 */
final class TopicReads {

    /** What Kafka answered for one topic: a value, or the error for that topic alone. */
    record Answer<T>(T value, String error) {

        static <T> Answer<T> of(T value) {
            return new Answer<>(value, null);
        }

        static <T> Answer<T> failed(String error) {
            return new Answer<>(null, error);
        }

        boolean ok() {
            return error == null;
        }
    }

    private TopicReads() {}

    /**
     * Waits for one topic's answer, bounded. An error Kafka gave for this topic is its answer; no answer in
     * time is the cluster's failure and fails the read.
     */
    static <T> Answer<T> await(KafkaFuture<T> future) throws InterruptedException {
        try {
            return Answer.of(future.get(StateReader.CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException && !(cause instanceof TimeoutException)) {
                return Answer.failed(errorName(cause));
            }
            throw new KafkaCallException(cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KafkaCallException("Kafka did not answer within " + StateReader.CALL_TIMEOUT_MS / 1000 + " s");
        }
    }

    /** Kafka's error name for an exception, e.g. UNKNOWN_TOPIC_OR_PARTITION. */
    static String errorName(Throwable error) {
        return org.apache.kafka.common.protocol.Errors.forException(error).name();
    }

    /**
     * The topics of a poll, in name order.
     *
     * @param previous the state of the last poll (null for a read without one: an erring topic is left out)
     */
    static List<RealState.Topic> topics(
            Set<String> names,
            Map<String, Answer<TopicDescription>> described,
            Map<String, Answer<Config>> configs,
            Map<TopicPartition, PartitionReassignment> moving,
            HighWatermarkSlice highWatermarks,
            RealState previous,
            long timeMs) {
        List<RealState.Topic> topics = new ArrayList<>();
        for (String name : names) {
            RealState.Topic last = previous == null ? null : previous.topic(name);
            long lastReadMs = previous == null ? timeMs : previous.timeMs();
            Answer<TopicDescription> description = described.get(name);
            if (description == null) {
                continue;
            }
            if (!description.ok()) {
                if (last != null) {
                    topics.add(last.keptStale(lastReadMs, description.error()));
                }
                continue;
            }
            Answer<Config> config = configs.getOrDefault(name, Answer.failed("no configs"));
            RealState.Topic read = topic(description.value(), config.value(), moving, highWatermarks);
            if (!config.ok() && last != null) {
                // Fresh partitions, with the settings last known: the topic is stale in part.
                read = new RealState.Topic(
                                read.name(),
                                read.topicId(),
                                last.configs(),
                                last.minIsr(),
                                last.uncleanElection(),
                                read.partitions(),
                                -1,
                                null)
                        .keptStale(lastReadMs, config.error() + " (configs)");
            }
            topics.add(read);
        }
        return topics;
    }

    private static RealState.Topic topic(
            TopicDescription description,
            Config config,
            Map<TopicPartition, PartitionReassignment> moving,
            HighWatermarkSlice highWatermarks) {
        Map<String, String> overrides = new TreeMap<>();
        int minIsr = 1;
        boolean unclean = false;
        if (config != null) {
            for (ConfigEntry entry : config.entries()) {
                if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    overrides.put(entry.name(), entry.value());
                }
                if (entry.name().equals("min.insync.replicas") && entry.value() != null) {
                    minIsr = Integer.parseInt(entry.value());
                }
                if (entry.name().equals("unclean.leader.election.enable")) {
                    unclean = Boolean.parseBoolean(entry.value());
                }
            }
        }
        List<RealState.Partition> partitions = new ArrayList<>();
        for (TopicPartitionInfo info : description.partitions()) {
            TopicPartition tp = new TopicPartition(description.name(), info.partition());
            PartitionReassignment reassignment = moving.get(tp);
            int leader = leaderOf(info);
            HighWatermarkSlice.Answer latest = leader < 0 ? null : highWatermarks.latest(tp, leader);
            partitions.add(new RealState.Partition(
                    description.name(),
                    info.partition(),
                    leader,
                    latest == null ? -1 : latest.leaderEpoch(),
                    ids(info.replicas()),
                    ids(info.isr()),
                    ids(info.elr()),
                    ids(info.lastKnownElr()),
                    reassignment == null ? List.of() : List.copyOf(reassignment.addingReplicas()),
                    reassignment == null ? List.of() : List.copyOf(reassignment.removingReplicas()),
                    latest == null ? -1 : latest.highWatermark()));
        }
        return new RealState.Topic(
                description.name(), description.topicId().toString(), overrides, minIsr, unclean, partitions, -1, null);
    }

    static int leaderOf(TopicPartitionInfo info) {
        return info.leader() == null || info.leader().isEmpty()
                ? -1
                : info.leader().id();
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes == null ? List.of() : nodes.stream().map(Node::id).collect(Collectors.toList());
    }
}
