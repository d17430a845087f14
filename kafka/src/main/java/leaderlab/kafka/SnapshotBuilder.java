package leaderlab.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.controller.BrokerSession;
import leaderlab.cluster.controller.ControllerView;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.quorum.LeaderState;
import leaderlab.cluster.quorum.QuorumState;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.view.BrokerView;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PersistentArray;
import leaderlab.cluster.view.ReplicaView;

/**
 * Turns polled {@link RealState}s into the simulator's {@link ClusterSnapshot}, so the window and the
 * shell's own describe and conditions read a real cluster through the same code. What the Admin API does
 * not give is approximated and said so: the leader epoch is the one listOffsets answers with (-1 when it
 * did not answer), the partition epoch is unknown (-1), a broker's own belief is taken to be the
 * controller's, replica logs are {@link ObservedLog}'s. Keeps what did not change as the same objects, so
 * a poll publishes a snapshot whose cost to the window is what changed. Used on one thread at a time.
 */
public final class SnapshotBuilder {

    private PersistentArray.Builder<PartitionRegistration> partitions = new PersistentArray.Builder<>();
    private final Map<Integer, PersistentArray.Builder<ReplicaView>> replicas = new TreeMap<>();
    private final Map<String, ObservedLog> logs = new HashMap<>();
    private final Map<Integer, BrokerRegistration> registrations = new TreeMap<>();
    private Map<String, TopicInfo> topics = Map.of();
    /** Brokers whose process went silent while the controller lists them unfenced, to when leaderlab saw it. */
    private final Map<Integer, Long> lastHeard = new TreeMap<>();

    private final boolean kafkaTimings;

    /** @param kafkaTimings which defaults the configs leaderlab does not read from Kafka take */
    public SnapshotBuilder(boolean kafkaTimings) {
        this.kafkaTimings = kafkaTimings;
    }

    /** The snapshot of one poll, sharing what did not change since the last. */
    public ClusterSnapshot next(RealState state) {
        Map<String, TopicInfo> nextTopics = new LinkedHashMap<>();
        int id = 0;
        for (RealState.Topic topic : state.topics()) {
            nextTopics.put(
                    topic.name(),
                    new TopicInfo(
                            topic.name(),
                            topic.topicId(),
                            id,
                            topic.partitions().size()));
            id += topic.partitions().size();
        }
        if (!nextTopics.equals(topics)) {
            // Partition ids moved: start the arrays over rather than leave another topic's entries behind.
            topics = nextTopics;
            partitions = new PersistentArray.Builder<>();
            replicas.clear();
            logs.keySet().retainAll(names(state));
        }
        for (RealState.Topic topic : state.topics()) {
            TopicInfo info = topics.get(topic.name());
            for (RealState.Partition p : topic.partitions()) {
                partition(info.partitionId(p.partition()), p);
            }
        }
        Configs configs = configs(state);
        MetadataView metadata = new MetadataView(-1, brokerRegistrations(state), topics, partitions.freeze(), configs);
        List<ClusterSnapshot.BrokerState> brokers = new ArrayList<>();
        TreeMap<Integer, BrokerSession> sessions = new TreeMap<>();
        for (RealState.Broker broker : state.brokers()) {
            ClusterSnapshot.BrokerState made = brokerState(broker, metadata, state.timeMs());
            brokers.add(made);
            if (made.session() != null) {
                sessions.put(broker.id(), made.session());
            }
        }
        RealState.Quorum quorum = state.quorum();
        return new ClusterSnapshot(
                state.timeMs(),
                false,
                new ControllerView(metadata, sessions),
                brokers,
                List.of(),
                quorum == null ? List.of() : quorumViews(quorum),
                quorum == null
                        ? List.of()
                        : quorum.voters().stream().map(RealState.Voter::id).toList());
    }

    /**
     * One view per running voter, as describeMetadataQuorum reports them: the leader's epoch and high
     * watermark, each voter's log end offset as the leader last heard it. A voter's own belief (whom it
     * voted for, its own high watermark) is not in the Admin API.
     */
    private static List<QuorumView> quorumViews(RealState.Quorum quorum) {
        Map<Integer, LeaderState.VoterProgress> progress = new TreeMap<>();
        quorum.voters().forEach(v -> progress.put(v.id(), new LeaderState.VoterProgress(v.logEndOffset(), -1)));
        List<QuorumView> views = new ArrayList<>();
        for (RealState.Voter voter : quorum.voters()) {
            if (!quorum.running().contains(voter.id())) {
                continue;
            }
            boolean leads = voter.id() == quorum.leaderId();
            views.add(new QuorumView(
                    voter.id(),
                    leads ? QuorumState.Role.LEADER : QuorumState.Role.FOLLOWER,
                    quorum.leaderEpoch(),
                    quorum.leaderId(),
                    -1,
                    voter.logEndOffset(),
                    quorum.highWatermark(),
                    leads ? progress : Map.of(),
                    List.of(),
                    -1));
        }
        return views;
    }

    private static List<String> names(RealState state) {
        List<String> names = new ArrayList<>();
        for (RealState.Topic topic : state.topics()) {
            topic.partitions().forEach(p -> names.add(p.name()));
        }
        return names;
    }

    private void partition(int id, RealState.Partition p) {
        PartitionRegistration old = partitions.get(id);
        // A leader that did not answer listOffsets this time keeps the epoch it last answered with.
        int leaderEpoch =
                p.leaderEpoch() < 0 && old != null && old.leader() == p.leader() ? old.leaderEpoch() : p.leaderEpoch();
        PartitionRegistration next = new PartitionRegistration(
                id,
                p.topic(),
                p.partition(),
                Changes.ints(p.replicas()),
                Changes.ints(p.isr()),
                p.leader(),
                leaderEpoch,
                -1,
                false,
                Changes.ints(p.adding()),
                Changes.ints(p.removing()),
                Changes.ints(p.elr()),
                Changes.ints(p.lastKnownElr()));
        if (!next.equals(old)) {
            partitions.set(id, next);
        }
        ObservedLog log = logs.computeIfAbsent(p.name(), name -> new ObservedLog());
        log.update(p.highWatermark(), p.leaderEpoch(), p.replicas(), p.isr());
        int[] isr = partitions.get(id).isr();
        for (int broker : p.replicas()) {
            ReplicaView view = new ReplicaView(
                    id,
                    p.leader() < 0 ? "OFFLINE" : p.leader() == broker ? "LEADER" : "FOLLOWER",
                    leaderEpoch,
                    p.leader(),
                    isr,
                    log.viewOf(broker));
            PersistentArray.Builder<ReplicaView> hosted =
                    replicas.computeIfAbsent(broker, b -> new PersistentArray.Builder<>());
            if (!same(hosted.get(id), view)) {
                hosted.set(id, view);
            }
        }
    }

    private static boolean same(ReplicaView old, ReplicaView now) {
        return old != null
                && old.role().equals(now.role())
                && old.leaderEpoch() == now.leaderEpoch()
                && old.leaderId() == now.leaderId()
                && old.isr() == now.isr()
                && old.log() == now.log();
    }

    /** The controller's registrations, the same object while a broker's state is unchanged. */
    private TreeMap<Integer, BrokerRegistration> brokerRegistrations(RealState state) {
        TreeMap<Integer, BrokerRegistration> out = new TreeMap<>();
        for (RealState.Broker broker : state.brokers()) {
            BrokerRegistration.State registered = switch (broker.registration()) {
                case "UNFENCED" -> BrokerRegistration.State.UNFENCED;
                case "FENCED" -> BrokerRegistration.State.FENCED;
                default -> null;
            };
            BrokerRegistration old = registrations.get(broker.id());
            if (registered == null) {
                registrations.remove(broker.id());
                continue;
            }
            if (old == null || old.state() != registered) {
                // Kafka's broker epoch is not in the Admin API: -1.
                registrations.put(broker.id(), new BrokerRegistration(broker.id(), -1, 0, broker.rack(), registered));
            }
            out.put(broker.id(), registrations.get(broker.id()));
        }
        return out;
    }

    private ClusterSnapshot.BrokerState brokerState(RealState.Broker broker, MetadataView metadata, long timeMs) {
        BrokerRegistration registration = metadata.brokers().get(broker.id());
        BrokerSession session = session(broker, registration, timeMs);
        if (!broker.running()) {
            return new ClusterSnapshot.BrokerState(
                    broker.id(),
                    broker.rack(),
                    false,
                    BrokerView.stopped(broker.id(), broker.rack()),
                    registration,
                    session);
        }
        PersistentArray.Builder<ReplicaView> hosted =
                replicas.computeIfAbsent(broker.id(), b -> new PersistentArray.Builder<>());
        BrokerView view = new BrokerView(broker.id(), broker.rack(), "RUNNING", -1, metadata, hosted.freeze());
        // A paused process: leaderlab knows it paused it, not until when (stall resumes it on its own thread).
        ClusterSnapshot.Reality reality = broker.state().equals("STALLED")
                ? new ClusterSnapshot.Reality(timeMs, 0, false, false, List.of(), false)
                : ClusterSnapshot.Reality.HEALTHY;
        return new ClusterSnapshot.BrokerState(broker.id(), broker.rack(), true, view, registration, session, reality);
    }

    /**
     * The gap after a crash or a pause: the process is gone but the controller still lists it unfenced,
     * until broker.session.timeout.ms passes without a heartbeat. Its last heartbeat is not in the Admin
     * API; the moment leaderlab first saw the process gone stands in for it (at most one poll later), so
     * the window's "fenced in" countdown is as late as that poll.
     */
    private BrokerSession session(RealState.Broker broker, BrokerRegistration registration, long timeMs) {
        boolean silent = !broker.state().equals("RUNNING") && !broker.state().equals("FENCED");
        if (!silent || registration == null || registration.fenced()) {
            lastHeard.remove(broker.id());
            return null;
        }
        return new BrokerSession(lastHeard.computeIfAbsent(broker.id(), id -> timeMs), -1, -1);
    }

    /** Each topic's overrides leaderlab knows by name, and min.insync.replicas as Kafka applies it. */
    private Configs configs(RealState state) {
        Configs configs = Configs.defaults(kafkaTimings);
        for (RealState.Topic topic : state.topics()) {
            if (!topic.configs().containsKey(ConfigKey.MIN_INSYNC_REPLICAS.key())) {
                // Not overridden: the brokers' own default, the same for every such topic.
                configs = configs.with(ConfigKey.MIN_INSYNC_REPLICAS, topic.minIsr(), null);
            }
            for (Map.Entry<String, String> entry : topic.configs().entrySet()) {
                ConfigKey key = ConfigKey.byName(entry.getKey()).orElse(null);
                if (key != null && key.scope() == ConfigKey.Scope.TOPIC) {
                    try {
                        configs = configs.with(key, key.parse(entry.getValue()), topic.name());
                    } catch (IllegalArgumentException notLeaderlabs) {
                        // A value leaderlab's own parser refuses (Kafka's forms are wider): left to describe's text.
                    }
                }
            }
        }
        return configs;
    }
}
