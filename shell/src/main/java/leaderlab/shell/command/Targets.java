package leaderlab.shell.command;

import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;

/** Resolves the names users type (topics, TOPIC-PARTITION, broker ids) against the live cluster. */
public final class Targets {

    private Targets() {
    }

    /** A partition named as in Kafka's tools: {@code orders-0}. */
    public record TopicPartition(TopicInfo topic, int partition) {
        public String name() {
            return topic.name() + "-" + partition;
        }
    }

    public static TopicInfo topic(Session session, String name) {
        TopicInfo topic = session.cluster().snapshot().topic(name);
        if (topic == null) {
            throw new CommandException("no topic '" + name + "'" + session.cluster().knownTopics());
        }
        return topic;
    }

    /** Parses TOPIC-P (topic names may contain '-'; the partition follows the last one). */
    public static TopicPartition partition(Session session, String text) {
        int dash = text.lastIndexOf('-');
        ClusterSnapshot snapshot = session.cluster().snapshot();
        if (dash <= 0 || dash == text.length() - 1 || !text.substring(dash + 1).chars().allMatch(Character::isDigit)) {
            String hint = snapshot.topic(text) != null ? " (e.g. " + text + "-0)" : " like orders-0";
            throw new CommandException("expected TOPIC-PARTITION" + hint + ", got '" + text + "'");
        }
        TopicInfo topic = topic(session, text.substring(0, dash));
        int partition = Parse.integer(text.substring(dash + 1), "partition");
        if (partition >= topic.partitionCount()) {
            throw new CommandException(topic.name() + " has partitions 0.." + (topic.partitionCount() - 1)
                    + ", not " + partition);
        }
        return new TopicPartition(topic, partition);
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

    public static int broker(Session session, String text) {
        int id = Parse.integer(text, "broker id");
        session.cluster().requireBroker(id);
        return id;
    }
}
