package leaderlab.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
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

    static RealState read(Admin admin, LocalKafka local, long timeMs) {
        try {
            Collection<Node> unfenced = get(admin.describeCluster().nodes());
            List<RealState.Broker> brokers = brokers(unfenced, local);
            Set<String> names = new TreeSet<>(get(admin.listTopics().names()));
            Map<String, TopicDescription> descriptions =
                    names.isEmpty() ? Map.of() : get(admin.describeTopics(names).allTopicNames());
            Map<TopicPartition, PartitionReassignment> moving =
                    get(admin.listPartitionReassignments().reassignments());
            Map<String, Config> configs = topicConfigs(admin, names);
            Map<TopicPartition, Long> highWatermarks = highWatermarks(admin, descriptions.values());
            List<RealState.Topic> topics = new ArrayList<>();
            for (String name : names) {
                TopicDescription description = descriptions.get(name);
                if (description == null) {
                    continue;
                }
                topics.add(topic(description, configs.get(name), moving, highWatermarks));
            }
            return new RealState(timeMs, brokers, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the cluster", e);
        }
    }

    private static List<RealState.Broker> brokers(Collection<Node> unfenced, LocalKafka local) {
        Map<Integer, Node> byId = new TreeMap<>();
        unfenced.forEach(node -> byId.put(node.id(), node));
        List<RealState.Broker> brokers = new ArrayList<>();
        if (local == null) {
            byId.values().forEach(node -> brokers.add(new RealState.Broker(node.id(), node.rack(), "RUNNING", -1)));
            return brokers;
        }
        for (KafkaNode node : local.brokers()) {
            String state;
            if (!node.running()) {
                state = "STOPPED";
            } else if (node.stalled()) {
                state = "STALLED";
            } else {
                state = byId.containsKey(node.id()) ? "RUNNING" : "FENCED";
            }
            brokers.add(new RealState.Broker(
                    node.id(), local.options().rackOf(node.id()), state, node.pid(), byId.containsKey(node.id())));
        }
        return brokers;
    }

    private static RealState.Topic topic(
            TopicDescription description,
            Config config,
            Map<TopicPartition, PartitionReassignment> moving,
            Map<TopicPartition, Long> highWatermarks) {
        Map<String, String> overrides = new TreeMap<>();
        int minIsr = 1;
        if (config != null) {
            for (ConfigEntry entry : config.entries()) {
                if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    overrides.put(entry.name(), entry.value());
                }
                if (entry.name().equals("min.insync.replicas") && entry.value() != null) {
                    minIsr = Integer.parseInt(entry.value());
                }
            }
        }
        List<RealState.Partition> partitions = new ArrayList<>();
        for (TopicPartitionInfo info : description.partitions()) {
            TopicPartition tp = new TopicPartition(description.name(), info.partition());
            PartitionReassignment reassignment = moving.get(tp);
            partitions.add(new RealState.Partition(
                    description.name(),
                    info.partition(),
                    info.leader() == null || info.leader().isEmpty()
                            ? -1
                            : info.leader().id(),
                    ids(info.replicas()),
                    ids(info.isr()),
                    ids(info.elr()),
                    ids(info.lastKnownElr()),
                    reassignment == null ? List.of() : List.copyOf(reassignment.addingReplicas()),
                    reassignment == null ? List.of() : List.copyOf(reassignment.removingReplicas()),
                    highWatermarks.getOrDefault(tp, -1L)));
        }
        return new RealState.Topic(description.name(), description.topicId().toString(), overrides, minIsr, partitions);
    }

    private static Map<String, Config> topicConfigs(Admin admin, Set<String> names) throws InterruptedException {
        if (names.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .collect(Collectors.toList());
        Map<String, Config> configs = new HashMap<>();
        get(admin.describeConfigs(resources).all()).forEach((resource, config) -> configs.put(resource.name(), config));
        return configs;
    }

    /** Each led partition's high watermark; a leader that does not answer in time leaves it unknown (-1). */
    private static Map<TopicPartition, Long> highWatermarks(Admin admin, Collection<TopicDescription> topics)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> led = new HashMap<>();
        for (TopicDescription topic : topics) {
            for (TopicPartitionInfo info : topic.partitions()) {
                if (info.leader() != null && !info.leader().isEmpty()) {
                    led.put(new TopicPartition(topic.name(), info.partition()), OffsetSpec.latest());
                }
            }
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        if (led.isEmpty()) {
            return out;
        }
        ListOffsetsResult result = admin.listOffsets(led);
        // One bound for all of them: a stalled leader must not cost a timeout per partition.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HW_TIMEOUT_MS);
        for (TopicPartition tp : led.keySet()) {
            try {
                long leftNanos = Math.max(0, deadline - System.nanoTime());
                out.put(
                        tp,
                        result.partitionResult(tp)
                                .get(leftNanos, TimeUnit.NANOSECONDS)
                                .offset());
            } catch (ExecutionException | TimeoutException e) {
                // Unknown this time round: the leader is going away or busy.
            }
        }
        return out;
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes == null ? List.of() : nodes.stream().map(Node::id).collect(Collectors.toList());
    }

    /** One Admin answer, bounded; its failure becomes one line for the user. */
    static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaCallException(e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaCallException("Kafka did not answer within " + CALL_TIMEOUT_MS / 1000 + " s");
        }
    }
}
