package leaderlab.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import leaderlab.kafka.local.KafkaNode;
import leaderlab.kafka.local.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Reads a {@link RealState} from the Admin API (describeCluster, listTopics, describeTopics with KIP-966's
 * ELR, describeConfigs, listPartitionReassignments, listOffsets for the high watermark), joined with the
 * process state of brokers leaderlab started itself.
 */
final class StateReader {

    /** How long one Admin call may take before the read gives up on it. */
    static final long CALL_TIMEOUT_MS = 5_000;

    /** How long a read waits for high watermarks, all partitions together (a stalled leader answers none). */
    static final long HW_TIMEOUT_MS = 1_500;

    private StateReader() {}

    /** Everything, every high watermark included: what a command reads. */
    static RealState read(Admin admin, LocalKafka local, long timeMs) {
        return read(admin, local, timeMs, HighWatermarkSlice.all(), null);
    }

    /**
     * Everything, with the high watermarks that {@code slice} chooses read anew and the others remembered. A
     * topic Kafka answers an error for alone keeps its state from {@code previous}, marked stale
     * ({@link TopicReads}).
     *
     * @param previous the last poll's state, or null
     */
    static RealState read(Admin admin, LocalKafka local, long timeMs, HighWatermarkSlice slice, RealState previous) {
        try {
            Collection<Node> registered =
                    get(admin.describeCluster(new DescribeClusterOptions().includeFencedBrokers(true))
                            .nodes());
            List<RealState.Broker> brokers = brokers(registered, local);
            Set<String> names = new TreeSet<>(get(admin.listTopics().names()));
            Map<String, TopicReads.Answer<TopicDescription>> described = new HashMap<>();
            if (!names.isEmpty()) {
                for (Map.Entry<String, KafkaFuture<TopicDescription>> topic :
                        admin.describeTopics(names).topicNameValues().entrySet()) {
                    described.put(topic.getKey(), TopicReads.await(topic.getValue()));
                }
            }
            Map<String, TopicDescription> descriptions = new TreeMap<>();
            described.forEach((name, answer) -> {
                if (answer.ok()) {
                    descriptions.put(name, answer.value());
                }
            });
            Map<TopicPartition, PartitionReassignment> moving =
                    get(admin.listPartitionReassignments().reassignments());
            Map<String, TopicReads.Answer<Config>> configs = topicConfigs(admin, descriptions.keySet());
            readHighWatermarks(admin, descriptions, local, slice, timeMs);
            List<RealState.Topic> topics =
                    TopicReads.topics(names, described, configs, moving, slice, previous, timeMs);
            return new RealState(timeMs, brokers, topics, quorum(admin, local));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the cluster", e);
        }
    }

    private static List<RealState.Broker> brokers(Collection<Node> registered, LocalKafka local) {
        Map<Integer, Node> byId = new TreeMap<>();
        registered.forEach(node -> byId.put(node.id(), node));
        List<RealState.Broker> brokers = new ArrayList<>();
        if (local == null) {
            byId.values()
                    .forEach(node -> brokers.add(new RealState.Broker(
                            node.id(), node.rack(), node.isFenced() ? "FENCED" : "RUNNING", registration(node), -1)));
            return brokers;
        }
        for (KafkaNode node : local.brokers()) {
            Node known = byId.get(node.id());
            String state;
            if (!node.running()) {
                state = "STOPPED";
            } else if (node.stalled()) {
                state = "STALLED";
            } else {
                state = known != null && !known.isFenced() ? "RUNNING" : "FENCED";
            }
            brokers.add(new RealState.Broker(
                    node.id(), local.options().rackOf(node.id()), state, registration(known), node.pid()));
        }
        return brokers;
    }

    /**
     * The controller quorum, or null when it does not answer (an attached cluster may not allow it; without
     * an active controller nobody can answer): the rest of the poll stands without it.
     */
    private static RealState.Quorum quorum(Admin admin, LocalKafka local) throws InterruptedException {
        try {
            QuorumInfo info = get(admin.describeMetadataQuorum().quorumInfo());
            List<RealState.Voter> voters = new ArrayList<>();
            info.voters().forEach(v -> voters.add(new RealState.Voter(v.replicaId(), v.logEndOffset())));
            List<Integer> running = new ArrayList<>();
            if (local == null) {
                voters.forEach(v -> running.add(v.id()));
            } else {
                local.controllers().stream()
                        .filter(KafkaNode::running)
                        .filter(node -> !node.stalled())
                        .forEach(node -> running.add(node.id()));
            }
            return new RealState.Quorum(
                    info.leaderId(), (int) info.leaderEpoch(), info.highWatermark(), voters, running);
        } catch (KafkaCallException unavailable) {
            return null;
        }
    }

    private static String registration(Node node) {
        return node == null ? "UNREGISTERED" : node.isFenced() ? "FENCED" : "UNFENCED";
    }

    private static Map<String, TopicReads.Answer<Config>> topicConfigs(Admin admin, Set<String> names)
            throws InterruptedException {
        if (names.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .collect(Collectors.toList());
        Map<String, TopicReads.Answer<Config>> configs = new HashMap<>();
        for (Map.Entry<ConfigResource, KafkaFuture<Config>> config :
                admin.describeConfigs(resources).values().entrySet()) {
            configs.put(config.getKey().name(), TopicReads.await(config.getValue()));
        }
        return configs;
    }

    /**
     * Asks the partitions' leaders for the high watermarks (and the leader epochs they answer with) that
     * the slice chooses, and gives it the answers; a leader that does not answer in time leaves its
     * partitions as they were. A leader leaderlab knows cannot answer (its process is gone or paused,
     * while the controller still names it) is not asked: it would hold the read for the whole bound,
     * which after a crash is most of the session timeout the next checks race against.
     */
    private static void readHighWatermarks(
            Admin admin,
            Map<String, TopicDescription> descriptions,
            LocalKafka local,
            HighWatermarkSlice slice,
            long timeMs)
            throws InterruptedException {
        Map<TopicPartition, Integer> led = new LinkedHashMap<>();
        // descriptions is sorted by topic name, so the slice sees partitions in a stable order.
        for (TopicDescription topic : descriptions.values()) {
            for (TopicPartitionInfo info : topic.partitions()) {
                int leader = TopicReads.leaderOf(info);
                if (leader >= 0) {
                    led.put(new TopicPartition(topic.name(), info.partition()), leader);
                }
            }
        }
        List<TopicPartition> asked = slice.choose(led);
        if (local != null) {
            Set<Integer> silent = new TreeSet<>();
            local.brokers().stream()
                    .filter(node -> !node.running() || node.stalled())
                    .forEach(node -> silent.add(node.id()));
            asked.removeIf(tp -> silent.contains(led.get(tp)));
        }
        if (asked.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        asked.forEach(tp -> specs.put(tp, OffsetSpec.latest()));
        ListOffsetsResult result = admin.listOffsets(specs);
        // One bound for all of them: a stalled leader must not cost a timeout per partition.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HW_TIMEOUT_MS);
        for (TopicPartition tp : asked) {
            try {
                long leftNanos = Math.max(0, deadline - System.nanoTime());
                ListOffsetsResultInfo answer = result.partitionResult(tp).get(leftNanos, TimeUnit.NANOSECONDS);
                slice.answered(
                        tp, led.get(tp), answer.offset(), answer.leaderEpoch().orElse(-1), timeMs);
            } catch (ExecutionException | TimeoutException e) {
                // Unknown this time round: the leader is going away or busy.
            }
        }
    }

    /** One Admin answer, bounded; its failure becomes one line for the user. */
    static <T> T get(KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaCallException(e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaCallException("Kafka did not answer within " + CALL_TIMEOUT_MS / 1000 + " s");
        }
    }
}
