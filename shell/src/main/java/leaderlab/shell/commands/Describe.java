package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionHealth;
import leaderlab.cluster.view.PartitionView;
import leaderlab.shell.command.Json;

/**
 * Renders topics as {@code kafka-topics --describe} prints them (tab-separated, Leader "none" without a
 * leader, Adding/Removing Replicas during a reassignment), and as one JSON object for scripts.
 */
final class Describe {

    /** kafka-topics' partition filters; with one, only matching partition lines print. */
    static final List<String> FILTERS = List.of(
            "under-replicated-partitions",
            "under-min-isr-partitions",
            "at-min-isr-partitions",
            "unavailable-partitions");

    private Describe() {}

    /** Whether a partition passes the filter named as in kafka-topics (§7.1). */
    static boolean matches(String filter, PartitionView p, ClusterSnapshot snapshot) {
        PartitionHealth health = PartitionHealth.of(p, snapshot);
        return switch (filter) {
            case "under-replicated-partitions" -> health.underReplicated();
            case "under-min-isr-partitions" -> health.underMinIsr();
            case "at-min-isr-partitions" -> health.atMinIsr();
            case "unavailable-partitions" -> health.unavailable();
            default -> true;
        };
    }

    static List<String> text(ClusterSnapshot snapshot, Collection<TopicInfo> topics, String filter) {
        List<String> lines = new ArrayList<>();
        for (TopicInfo topic : topics) {
            List<PartitionView> partitions = snapshot.partitions(topic);
            int replicationFactor =
                    partitions.get(0).replicas().length - partitions.get(0).adding().length;
            Map<String, String> overrides = snapshot.metadata().configs().topicOverrides(topic.name());
            List<String> configs = new ArrayList<>();
            overrides.forEach((k, v) -> configs.add(k + "=" + v));
            if (filter == null) {
                lines.add("Topic: " + topic.name() + "\tTopicId: " + topic.topicId() + "\tPartitionCount: "
                        + topic.partitionCount() + "\tReplicationFactor: " + replicationFactor + "\tConfigs: "
                        + String.join(",", configs));
            }
            for (PartitionView p : partitions) {
                if (filter != null && !matches(filter, p, snapshot)) {
                    continue;
                }
                StringBuilder line = new StringBuilder();
                line.append("\tTopic: ")
                        .append(topic.name())
                        .append("\tPartition: ")
                        .append(p.partition())
                        .append("\tLeader: ")
                        .append(p.leader() < 0 ? "none" : Integer.toString(p.leader()))
                        .append("\tReplicas: ")
                        .append(Replicas.format(p.replicas()))
                        .append("\tIsr: ")
                        .append(Replicas.format(p.isr()));
                if (p.adding().length > 0 || p.removing().length > 0) {
                    line.append("\tAdding Replicas: ")
                            .append(Replicas.format(p.adding()))
                            .append("\tRemoving Replicas: ")
                            .append(Replicas.format(p.removing()));
                }
                line.append("\tElr: ")
                        .append(Replicas.format(p.elr()))
                        .append("\tLastKnownElr: ")
                        .append(Replicas.format(p.lastKnownElr()));
                lines.add(line.toString());
            }
        }
        if (filter == null) {
            lines.addAll(gaps(snapshot));
        }
        return lines;
    }

    /**
     * Where what the controller believes differs from what is happening (a gray failure), as comment
     * lines after Kafka's output: kafka-topics would not show them, which is the point.
     */
    static List<String> gaps(ClusterSnapshot snapshot) {
        List<String> lines = new ArrayList<>();
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            if (!broker.reality().healthy() && broker.running()) {
                lines.add("# broker " + broker.id() + ": controller says " + broker.registrationState()
                        + (broker.registration() != null
                                        && broker.registration().active()
                                ? " (healthy)"
                                : "")
                        + "; really: " + broker.reality().describe());
            }
        }
        return lines;
    }

    static String json(ClusterSnapshot snapshot, Collection<TopicInfo> topics) {
        Json json = new Json().beginObject();
        json.field("timeMs", snapshot.timeMs());
        json.name("brokers").beginArray();
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            json.beginObject()
                    .field("id", broker.id())
                    .field("rack", broker.rack())
                    .field("state", broker.state())
                    .field("process", broker.running() ? "RUNNING" : "STOPPED")
                    .field("registration", broker.registrationState())
                    .field(
                            "demoted",
                            broker.registration() != null
                                    && broker.registration().demoted())
                    .field("reality", broker.reality().describe())
                    .field(
                            "brokerEpoch",
                            broker.registration() == null
                                    ? -1
                                    : broker.registration().epoch())
                    .endObject();
        }
        json.endArray();
        var leader = snapshot.quorumLeader();
        json.name("controller")
                .beginObject()
                .field("id", leader == null ? -1 : leader.id())
                .field("active", leader != null)
                .field("metadataOffset", snapshot.metadata().offset())
                .endObject();
        json.name("quorum")
                .beginObject()
                .field("leaderId", leader == null ? -1 : leader.id())
                .field("leaderEpoch", leader == null ? -1 : leader.epoch())
                .field("highWatermark", leader == null ? -1 : leader.highWatermark());
        json.name("voters").beginArray();
        for (var voter : snapshot.quorum()) {
            json.beginObject()
                    .field("id", voter.id())
                    .field("role", voter.role().name())
                    .field("epoch", voter.epoch())
                    .field("logEndOffset", voter.endOffset())
                    .field("highWatermark", voter.highWatermark())
                    .endObject();
        }
        json.endArray().endObject();
        json.name("features")
                .beginObject()
                .field(
                        ConfigKey.ELIGIBLE_LEADER_REPLICAS_VERSION.key(),
                        snapshot.metadata().configs().getInt(ConfigKey.ELIGIBLE_LEADER_REPLICAS_VERSION, null))
                .endObject();
        json.name("topics").beginArray();
        for (TopicInfo topic : topics) {
            json.beginObject()
                    .field("name", topic.name())
                    .field("topicId", topic.topicId())
                    .field("configs", snapshot.metadata().configs().topicOverrides(topic.name()));
            json.name("partitions").beginArray();
            for (PartitionView p : snapshot.partitions(topic)) {
                json.beginObject()
                        .field("partition", p.partition())
                        .field("leader", p.leader())
                        .field("leaderEpoch", p.leaderEpoch() < 0 ? null : p.leaderEpoch())
                        .field("partitionEpoch", p.partitionEpoch())
                        .field("replicas", p.replicas())
                        .field("isr", p.isr())
                        .field("adding", p.adding())
                        .field("removing", p.removing())
                        .field("elr", p.elr())
                        .field("lastKnownElr", p.lastKnownElr())
                        // A leaderless partition has no high watermark: no replica serves it.
                        .field("hw", p.offline() ? null : p.highWatermark())
                        .field("leo", p.leo())
                        .field("offline", p.offline())
                        .field("recovering", p.recovering())
                        .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
        return json.toString();
    }
}
