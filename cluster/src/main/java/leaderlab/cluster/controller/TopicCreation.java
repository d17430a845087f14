package leaderlab.cluster.controller;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.protocol.AdminOperation.CreateTopic;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.runtime.NodeContext;

/**
 * Topic creation as Kafka's KRaft controller does it: validate, place replicas (striped, rack-aware)
 * or take an explicit assignment, then ISR := acceptable replicas in order and leader := ISR[0].
 */
final class TopicCreation {

    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final NodeContext context;
    private final MetadataImage image;
    private final MetadataLog log;
    private final ReplicationControl replication;

    TopicCreation(NodeContext context, MetadataImage image, MetadataLog log, ReplicationControl replication) {
        this.context = context;
        this.image = image;
        this.log = log;
        this.replication = replication;
    }

    AdminResult create(CreateTopic request) {
        String name = request.name();
        if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            return AdminResult.failed(
                    Errors.INVALID_REQUEST,
                    "Topic name '" + name + "' is illegal: use up to 249 " + "letters, digits, '.', '_' or '-'.");
        }
        if (image.topic(name) != null) {
            return AdminResult.failed(Errors.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
        }
        Map<ConfigKey, Object> configs = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : request.configs().entrySet()) {
            ConfigKey key = ConfigKey.byName(entry.getKey()).orElse(null);
            if (key == null || key.scope() != ConfigKey.Scope.TOPIC) {
                return AdminResult.failed(
                        Errors.INVALID_CONFIG,
                        "'" + entry.getKey() + "' is not a topic config; "
                                + "topic configs are min.insync.replicas and unclean.leader.election.enable.");
            }
            try {
                configs.put(key, key.parse(entry.getValue()));
            } catch (IllegalArgumentException e) {
                return AdminResult.failed(Errors.INVALID_CONFIG, e.getMessage());
            }
        }
        int[][] assignment = request.assignment();
        if (assignment == null) {
            AdminResult problem = placementProblem(request);
            if (problem != null) {
                return problem;
            }
            assignment = place(request.partitions(), request.replicationFactor());
        } else {
            for (int[] replicas : assignment) {
                String problem = assignmentProblem(replicas, image);
                if (problem != null) {
                    return AdminResult.failed(Errors.INVALID_REPLICA_ASSIGNMENT, problem);
                }
                if (replicas.length != assignment[0].length) {
                    return AdminResult.failed(
                            Errors.INVALID_REPLICA_ASSIGNMENT, "All partitions must have the same number of replicas.");
                }
            }
        }
        List<int[]> isrs = new ArrayList<>();
        for (int p = 0; p < assignment.length; p++) {
            int[] isr = java.util.Arrays.stream(assignment[p])
                    .filter(b -> image.broker(b) != null && image.broker(b).active())
                    .toArray();
            if (isr.length == 0) {
                return AdminResult.failed(
                        Errors.INVALID_REPLICATION_FACTOR,
                        "Unable to create topic " + name + ": partition " + p + " has no alive replica among "
                                + Replicas.bracketed(assignment[p]) + ".");
            }
            isrs.add(isr);
        }
        TopicInfo topic = new TopicInfo(name, newTopicId(context.random()), image.partitionCount(), assignment.length);
        log.append(new MetadataRecord.Topic(topic));
        configs.forEach((key, value) -> log.append(new MetadataRecord.Config(key, value, name)));
        for (int p = 0; p < assignment.length; p++) {
            replication.writeNew(
                    PartitionRegistration.created(topic.partitionId(p), name, p, assignment[p], isrs.get(p)));
        }
        context.journal()
                .append(
                        context.nowMs(),
                        NodeId.CONTROLLER,
                        null,
                        new EventDetail.TopicCreated(name, assignment.length, assignment[0].length),
                        "operator command",
                        -1);
        return AdminResult.ok("Created topic " + name + ".");
    }

    private AdminResult placementProblem(CreateTopic request) {
        if (request.partitions() < 1) {
            return AdminResult.failed(
                    Errors.INVALID_PARTITIONS, "Number of partitions was set to an invalid non-positive value.");
        }
        String problem = StripedReplicaPlacer.problem(usableBrokers(), request.replicationFactor());
        return problem == null ? null : AdminResult.failed(Errors.INVALID_REPLICATION_FACTOR, problem);
    }

    private int[][] place(int partitions, int replicationFactor) {
        StripedReplicaPlacer placer = new StripedReplicaPlacer(usableBrokers(), context.random());
        int[][] assignment = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            assignment[p] = placer.place(replicationFactor);
        }
        return assignment;
    }

    /** Registered brokers not in controlled shutdown; fenced ones count but are placed last. */
    private List<BrokerRegistration> usableBrokers() {
        List<BrokerRegistration> usable = new ArrayList<>();
        for (BrokerRegistration broker : image.brokers().values()) {
            if (broker.state() != BrokerRegistration.State.CONTROLLED_SHUTDOWN) {
                usable.add(broker);
            }
        }
        return usable;
    }

    /** Why a manual replica list is invalid, in Kafka's words, or null if it is fine. */
    static String assignmentProblem(int[] replicas, MetadataImage image) {
        if (replicas.length == 0) {
            return "The manual partition assignment includes an empty replica list.";
        }
        for (int i = 0; i < replicas.length; i++) {
            if (image.broker(replicas[i]) == null) {
                return "The manual partition assignment includes broker " + replicas[i]
                        + ", but no such broker is registered.";
            }
            for (int j = 0; j < i; j++) {
                if (replicas[j] == replicas[i]) {
                    return "The manual partition assignment includes the broker " + replicas[i] + " more than once.";
                }
            }
        }
        return null;
    }

    /** A topic id drawn from the seeded random, printed as Kafka prints a Uuid (url-safe base64). */
    private static String newTopicId(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
