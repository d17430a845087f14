package leaderlab.kafka;

import java.util.List;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.metadata.PartitionName;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.SnapshotSource;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;

/**
 * What the commands on a real cluster share: the cluster, its observer, the last results as data, and
 * the cluster as the simulator's {@link ClusterSnapshot} (what the shell's own describe, events and
 * conditions read through {@link leaderlab.shell.command.Session#snapshots()}). A command reads the
 * cluster once: its first look at the snapshot asks the Admin API and the rest of the command sees that
 * read; a wait asks again with {@link #fresh()}. Used on the command thread.
 */
final class KafkaSession implements SnapshotSource {

    private final RealCluster cluster;
    private final Observer observer;
    private final LastResults results = new LastResults();
    /** Its own builder: the observer's belongs to the observer's thread. */
    private final SnapshotBuilder snapshots;
    /** What the current command read, or null before it looked. */
    private ClusterSnapshot read;
    /** Whether {@link #read} is the observer's last poll because Kafka did not answer the command's read. */
    private boolean polled;

    KafkaSession(RealCluster cluster, Observer observer) {
        this.cluster = cluster;
        this.observer = observer;
        this.snapshots = new SnapshotBuilder(cluster.kafkaTimings());
    }

    RealCluster cluster() {
        return cluster;
    }

    Observer observer() {
        return observer;
    }

    RealState state() {
        return cluster.state();
    }

    LastResults results() {
        return results;
    }

    /**
     * The cluster as the current command first read it (one Admin read per command), or, when Kafka did
     * not answer that read (a paused broker can hold an Admin call), as the observer last polled it: good
     * enough to resolve names and to print, never to check ({@link #checked()}).
     */
    @Override
    public synchronized ClusterSnapshot snapshot() {
        if (read == null) {
            try {
                fresh();
            } catch (KafkaCallException notAnswered) {
                read = observer.snapshot();
                polled = true;
            }
        }
        return read;
    }

    /** The cluster now: a new read, which the rest of the command sees; fails when Kafka does not answer. */
    synchronized ClusterSnapshot fresh() {
        read = snapshots.next(cluster.state());
        polled = false;
        return read;
    }

    /** The command's own read of the cluster, to check a condition against: never the observer's older poll. */
    synchronized ClusterSnapshot checked() {
        return read != null && !polled ? read : fresh();
    }

    /** A new command begins: its first look reads the cluster again. */
    synchronized void commandStarts() {
        read = null;
        polled = false;
    }

    /** The changes the observer saw, as journal events (cause "observed"). */
    @Override
    public Journal journal() {
        return observer.journal();
    }

    @Override
    public String staleness() {
        return observer.staleness();
    }

    RealState.Topic topic(RealState state, String name) {
        RealState.Topic topic = state.topic(name);
        if (topic == null) {
            List<String> known =
                    state.topics().stream().map(RealState.Topic::name).toList();
            throw new CommandException("no topic '" + name + "'"
                    + (known.isEmpty() ? " (no topics yet)" : " (topics: " + String.join(", ", known) + ")"));
        }
        return topic;
    }

    /** TOPIC-P against the cluster as it is now. */
    RealState.Partition partition(RealState state, String text) {
        PartitionName name = PartitionName.parse(text)
                .orElseThrow(() -> new CommandException("expected TOPIC-PARTITION like orders-0, got '" + text + "'"));
        RealState.Topic topic = topic(state, name.topic());
        if (name.partition() >= topic.partitions().size()) {
            throw new CommandException(topic.name() + " has partitions 0.."
                    + (topic.partitions().size() - 1) + ", not " + name.partition());
        }
        return topic.partitions().get(name.partition());
    }

    /** A broker id of the cluster leaderlab started. */
    int broker(String text) {
        int id = Parse.integer(text, "broker id");
        int count = cluster.local().options().brokers();
        if (id < 1 || id > count) {
            throw new CommandException("no broker " + id + " (brokers are 1.." + count + ")");
        }
        return id;
    }
}
