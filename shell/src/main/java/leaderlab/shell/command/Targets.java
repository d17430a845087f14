package leaderlab.shell.command;

import java.util.List;
import leaderlab.cluster.metadata.PartitionName;
import leaderlab.cluster.metadata.TopicInfo;

/** Resolves the names users type (topics, TOPIC-PARTITION, broker ids) against the live cluster. */
public final class Targets {

    private Targets() {}

    /** A partition named as in Kafka's tools: {@code orders-0}. */
    public record TopicPartition(TopicInfo topic, int partition) {
        public String name() {
            return topic.name() + "-" + partition;
        }
    }

    public static TopicInfo topic(Session session, String name) {
        leaderlab.cluster.view.ClusterSnapshot snapshot = session.snapshots().snapshot();
        TopicInfo topic = snapshot.topic(name);
        if (topic == null) {
            throw new CommandException("no topic '" + name + "'"
                    + (session.simulated() ? session.cluster().knownTopics() : known(snapshot)));
        }
        return topic;
    }

    /** The topics there are, as the simulator's client lists them after a name it does not know. */
    private static String known(leaderlab.cluster.view.ClusterSnapshot snapshot) {
        List<String> names =
                snapshot.topics().stream().map(TopicInfo::name).sorted().toList();
        return names.isEmpty() ? " (no topics yet)" : " (topics: " + String.join(", ", names) + ")";
    }

    /** Resolves TOPIC-P (parsed by {@link PartitionName}) against the cluster. */
    public static TopicPartition partition(Session session, String text) {
        PartitionName name = PartitionName.parse(text).orElse(null);
        if (name == null) {
            String hint =
                    session.snapshots().snapshot().topic(text) != null ? " (e.g. " + text + "-0)" : " like orders-0";
            throw new CommandException("expected TOPIC-PARTITION" + hint + ", got '" + text + "'");
        }
        TopicInfo topic = topic(session, name.topic());
        if (name.partition() >= topic.partitionCount()) {
            throw new CommandException(
                    topic.name() + " has partitions 0.." + (topic.partitionCount() - 1) + ", not " + name.partition());
        }
        return new TopicPartition(topic, name.partition());
    }

    /**
     * A broker or a controller (101, 102, ...), for the faults that work on both; {@code controller}
     * names the active one.
     */
    public static int node(Session session, String text) {
        if (text.equals("controller")) {
            var leader = session.cluster().snapshot().quorumLeader();
            if (leader == null) {
                throw new CommandException("no active controller: the quorum has no leader (quorum shows the voters)");
            }
            return leader.id();
        }
        int id = Parse.integer(text, "node id");
        session.cluster().requireNode(id);
        return id;
    }

    /** How a node id typed at {@link #node} reads in a Kafka-equivalent line: broker 1, controller 101. */
    public static String nodeName(String text) {
        if (text.equals("controller")) {
            return "the active controller";
        }
        if (text.equals("controllers")) {
            return "each stopped controller";
        }
        boolean controller = text.chars().allMatch(Character::isDigit)
                && !text.isEmpty()
                && text.length() < 10
                && Integer.parseInt(text) >= leaderlab.cluster.runtime.Address.FIRST_CONTROLLER_ID;
        return (controller ? "controller " : "broker ") + text;
    }

    public static int broker(Session session, String text) {
        int id = Parse.integer(text, "broker id");
        if (session.simulated()) {
            session.cluster().requireBroker(id);
        } else if (session.snapshots().snapshot().broker(id) == null) {
            List<Integer> ids = session.snapshots().snapshot().brokers().stream()
                    .map(leaderlab.cluster.view.ClusterSnapshot.BrokerState::id)
                    .toList();
            throw new CommandException("no broker " + id + " (brokers: "
                    + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
        }
        return id;
    }
}
