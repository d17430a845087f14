package leaderlab.cluster.controller;

import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.ControllerApi.AdminRequest;
import leaderlab.cluster.protocol.ControllerApi.AdminResponse;
import leaderlab.cluster.protocol.ControllerApi.AlterPartitionRequest;
import leaderlab.cluster.protocol.ControllerApi.BrokerHeartbeatRequest;
import leaderlab.cluster.protocol.ControllerApi.BrokerRegistrationRequest;
import leaderlab.cluster.protocol.ControllerApi.MetadataFetchRequest;
import leaderlab.cluster.protocol.ControllerApi.MetadataFetchResponse;
import leaderlab.cluster.protocol.ControllerApi.NotControllerResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.RaftApi.BeginQuorumEpochRequest;
import leaderlab.cluster.protocol.RaftApi.EndQuorumEpochRequest;
import leaderlab.cluster.protocol.RaftApi.QuorumFetchRequest;
import leaderlab.cluster.protocol.RaftApi.QuorumFetchResponse;
import leaderlab.cluster.protocol.RaftApi.VoteRequest;
import leaderlab.cluster.protocol.RaftApi.VoteResponse;
import leaderlab.cluster.protocol.ToController;
import leaderlab.cluster.quorum.QuorumListener;
import leaderlab.cluster.quorum.QuorumStorage;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.quorum.RaftVoter;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Message;
import leaderlab.cluster.runtime.Node;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.runtime.Timer;

/**
 * A controller: a voter of the KRaft quorum ({@link RaftVoter}) and, while it leads the quorum, the
 * active controller. Single-threaded like Kafka's QuorumController: every request and periodic task runs
 * as one event, decides by appending metadata records, and answers. Only the active controller decides;
 * the others answer broker and admin requests with NOT_CONTROLLER and the leader they know. A new active
 * controller rebuilds its state by replaying the whole log.
 */
public final class Controller implements Node, QuorumListener {

    private record FenceCheck() implements Timer {}

    /** Periodic tasks belong to one term of leadership: those of an earlier one stop. */
    private record RebalanceCheck(int epoch) implements Timer {}

    private record UncleanCheck(int epoch) implements Timer {}

    private record FetchExpiry(Address broker, long generation) implements Timer {}

    private record PendingFetch(long offset, long generation) {}

    /** An answer held until the records its decision wrote are committed. */
    private record HeldReply(Address to, Message reply) {}

    private final Configs initialConfigs;
    private final QuorumStorage storage;
    private final Map<Address, PendingFetch> pendingFetches = new TreeMap<>();
    private final java.util.ArrayDeque<HeldReply> heldReplies = new java.util.ArrayDeque<>();
    private NodeContext context;
    private RaftVoter voter;
    /** The state below is the active controller's, null while this controller does not lead. */
    private MetadataImage image;

    private MetadataLog log;
    private ReplicationControl replication;
    private ClusterControl clusterControl;
    private TopicCreation topicCreation;
    private long fenceCheckAtMs = Long.MAX_VALUE;
    private long fetchGeneration;
    private volatile ControllerView view;
    private volatile QuorumView quorumView;

    public Controller(Configs initialConfigs, QuorumStorage storage) {
        this.initialConfigs = initialConfigs;
        this.storage = storage;
    }

    @Override
    public void onStart(NodeContext nodeContext) {
        this.context = nodeContext;
        this.voter = new RaftVoter(context, storage, initialConfigs, this);
        voter.start();
    }

    @Override
    public void onBecomeLeader(int epoch) {
        this.image = new MetadataImage(initialConfigs);
        this.log = new MetadataLog(image, storage.log(), epoch);
        this.replication = new ReplicationControl(context, image, log);
        replication.index().addAll(image);
        this.clusterControl = new ClusterControl(context, image, log, replication);
        clusterControl.resumeSessions();
        this.topicCreation = new TopicCreation(context, image, log, replication);
        fenceCheckAtMs = Long.MAX_VALUE;
        context.schedule(configMs(ConfigKey.LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS) * 1000, new RebalanceCheck(epoch));
        context.schedule(configMs(ConfigKey.UNCLEAN_LEADER_ELECTION_INTERVAL_MS), new UncleanCheck(epoch));
    }

    @Override
    public void onLeadershipLost() {
        image = null;
        log = null;
        replication = null;
        clusterControl = null;
        topicCreation = null;
        pendingFetches.keySet().forEach(broker -> context.send(broker, notController()));
        pendingFetches.clear();
        // Their decisions may never be committed: the askers retry, elsewhere (as Kafka fails them).
        heldReplies.clear();
        // What it believed may be overtaken by the next leader; it is no reader's truth any more.
        view = null;
    }

    @Override
    public void onCommit(long highWatermark) {
        // Observers waiting for data are answered after the event (afterEvent).
    }

    /**
     * Like Kafka's QuorumController, a write's answer waits until its records are committed, so nobody
     * is told of a decision a new leader could still truncate.
     */
    private void replyWhenCommitted(Address to, Message reply) {
        heldReplies.add(new HeldReply(to, reply));
    }

    private boolean active() {
        return image != null;
    }

    private NotControllerResponse notController() {
        return new NotControllerResponse(voter.state().leaderId());
    }

    private boolean leads(int epoch) {
        return active() && voter.state().epoch() == epoch;
    }

    private long configMs(ConfigKey key) {
        return image.configs().getLong(key);
    }

    @Override
    public void onMessage(Address from, Message message) {
        if (!(message instanceof ToController)) {
            throw new IllegalArgumentException("a controller does not handle " + message + " from " + from);
        }
        if (message instanceof VoteRequest
                || message instanceof VoteResponse
                || message instanceof BeginQuorumEpochRequest
                || message instanceof EndQuorumEpochRequest
                || message instanceof QuorumFetchRequest
                || message instanceof QuorumFetchResponse) {
            voter.onMessage(from, message);
        } else if (!active()) {
            if (message instanceof AdminRequest admin) {
                context.send(
                        from,
                        new AdminResponse(
                                admin.requestId(),
                                AdminResult.failed(
                                        Errors.NOT_CONTROLLER,
                                        "controller " + context.self().id() + " is not the active controller"),
                                voter.state().leaderId()));
            } else {
                context.send(from, notController());
            }
        } else if (message instanceof BrokerHeartbeatRequest heartbeat) {
            replyWhenCommitted(from, clusterControl.heartbeat(heartbeat));
        } else if (message instanceof MetadataFetchRequest fetch) {
            pendingFetches.put(from, new PendingFetch(fetch.fetchOffset(), ++fetchGeneration));
            context.schedule(configMs(ConfigKey.METADATA_FETCH_MAX_WAIT_MS), new FetchExpiry(from, fetchGeneration));
        } else if (message instanceof BrokerRegistrationRequest registration) {
            replyWhenCommitted(from, clusterControl.register(registration));
        } else if (message instanceof AlterPartitionRequest alter) {
            replyWhenCommitted(from, replication.alterPartition(alter));
        } else if (message instanceof AdminRequest admin) {
            replyWhenCommitted(
                    from,
                    new AdminResponse(
                            admin.requestId(),
                            handleAdmin(admin.operation()),
                            context.self().id()));
        } else {
            // Every ToController type is handled above (DispatchTest); anything else was sent to the wrong node.
            throw new IllegalArgumentException("the controller does not handle " + message + " from " + from);
        }
        afterEvent();
    }

    @Override
    public void onTimer(Timer timer) {
        if (voter.handles(timer)) {
            voter.onTimer(timer);
        } else if (!active()) {
            return; // a task of an earlier leadership
        } else if (timer instanceof FenceCheck) {
            fenceCheckAtMs = Long.MAX_VALUE;
        } else if (timer instanceof FetchExpiry expiry) {
            PendingFetch pending = pendingFetches.get(expiry.broker());
            if (pending != null && pending.generation() == expiry.generation()) {
                pendingFetches.remove(expiry.broker());
                context.send(expiry.broker(), MetadataFetchResponse.empty(pending.offset()));
            }
        } else if (timer instanceof RebalanceCheck check && leads(check.epoch())) {
            long delayMs = configMs(ConfigKey.LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS) * 1000;
            if (image.configs().getBoolean(ConfigKey.AUTO_LEADER_REBALANCE_ENABLE, null)
                    && replication.index().hasImbalance()) {
                int written = replication.balancePartitionLeaders(
                        Cause.of("automatic leader rebalance (auto.leader.rebalance.enable=true, every "
                                + configMs(ConfigKey.LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS) + " s)"));
                if (written == ReplicationControl.MAX_ELECTIONS_PER_IMBALANCE) {
                    delayMs = 10;
                }
            }
            context.schedule(delayMs, check);
        } else if (timer instanceof UncleanCheck check && leads(check.epoch())) {
            replication.electUncleanLeaders(
                    Cause.of("periodic unclean election check (unclean.leader.election.interval.ms="
                            + configMs(ConfigKey.UNCLEAN_LEADER_ELECTION_INTERVAL_MS) + ")"));
            context.schedule(configMs(ConfigKey.UNCLEAN_LEADER_ELECTION_INTERVAL_MS), check);
        }
        afterEvent();
    }

    /**
     * Work that follows any event of the active controller: replicating what it wrote, session expiry,
     * and answering metadata fetches that now have committed data.
     */
    private void afterEvent() {
        if (!active()) {
            return;
        }
        long nextCheck = clusterControl.maybeFenceOneStaleBroker();
        if (nextCheck < fenceCheckAtMs) {
            fenceCheckAtMs = nextCheck;
            context.schedule(nextCheck - context.nowMs(), new FenceCheck());
        }
        voter.onLocalAppend();
        long highWatermark = voter.highWatermark();
        log.markEventEnd(highWatermark);
        // Only once everything is committed, when readers' view (see publish) shows the decision too.
        while (!heldReplies.isEmpty() && log.endOffset() <= highWatermark) {
            HeldReply held = heldReplies.poll();
            context.send(held.to(), held.reply());
        }
        if (!pendingFetches.isEmpty()) {
            var iterator = pendingFetches.entrySet().iterator();
            while (iterator.hasNext()) {
                var entry = iterator.next();
                long offset = entry.getValue().offset();
                if (offset < highWatermark) {
                    // Read the key before remove(): TreeMap's iterator.remove() on a node with two
                    // children copies the successor's key into that same entry object, so
                    // entry.getKey() afterwards named the next broker. A lagging broker in the middle
                    // of the map then never got its answer and stopped replaying metadata for good.
                    Address broker = entry.getKey();
                    iterator.remove();
                    context.send(broker, log.read(offset, highWatermark));
                }
            }
        }
    }

    private AdminResult handleAdmin(AdminOperation operation) {
        if (operation instanceof AdminOperation.CreateTopic create) {
            return topicCreation.create(create);
        } else if (operation instanceof AdminOperation.ElectLeaders elect) {
            return replication.electLeaders(elect, Cause.of("operator ran a " + elect.type() + " election"));
        } else if (operation instanceof AdminOperation.AlterReassignment reassign) {
            return replication.alterReassignment(
                    reassign,
                    Cause.of("operator reassigned " + reassign.partition() + " to "
                            + leaderlab.cluster.metadata.Replicas.bracketed(reassign.targetReplicas())));
        } else if (operation instanceof AdminOperation.AlterConfig config) {
            return alterConfig(config);
        } else if (operation instanceof AdminOperation.UpdateFeature feature) {
            return updateFeature(feature);
        } else if (operation instanceof AdminOperation.Demote demote) {
            return replication.demote(demote.broker(), demote.demoted(), Cause.of("operator command"));
        }
        throw new IllegalArgumentException("unknown admin operation " + operation);
    }

    private AdminResult alterConfig(AdminOperation.AlterConfig request) {
        ConfigKey key = ConfigKey.byName(request.key()).orElse(null);
        if (key == null || key.scope() == ConfigKey.Scope.CLIENT) {
            return AdminResult.failed(
                    Errors.INVALID_CONFIG,
                    "Unknown config '" + request.key() + "'. Known: " + String.join(", ", ConfigKey.names()));
        }
        if (key.scope() == ConfigKey.Scope.FEATURE) {
            return AdminResult.failed(
                    Errors.INVALID_CONFIG,
                    key.key() + " is a feature, not a config: use " + "`feature set " + key.key() + " "
                            + request.value() + "`.");
        }
        if (request.topic() != null && image.topic(request.topic()) == null) {
            return AdminResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, "No such topic as " + request.topic());
        }
        if (request.topic() != null && key.scope() != ConfigKey.Scope.TOPIC) {
            return AdminResult.failed(Errors.INVALID_CONFIG, key.key() + " is a cluster-wide setting; drop --topic.");
        }
        Object value;
        try {
            value = key.parse(request.value());
        } catch (IllegalArgumentException e) {
            return AdminResult.failed(Errors.INVALID_CONFIG, e.getMessage());
        }
        log.append(new MetadataRecord.Config(key, value, request.topic()));
        String scope = request.topic() == null ? "cluster-wide" : "for topic " + request.topic();
        long seq = context.journal()
                .append(
                        context.nowMs(),
                        NodeId.CONTROLLER,
                        null,
                        new EventDetail.ConfigChanged(key.key(), String.valueOf(value), request.topic(), false),
                        "operator command",
                        -1);
        if (key == ConfigKey.MIN_INSYNC_REPLICAS) {
            // Kafka 4.x: the ELR was computed against the old min ISR, so it no longer means anything.
            replication
                    .staleElr()
                    .clearAfterMinIsrChange(request.topic(), new Cause("min.insync.replicas changed " + scope, seq));
        }
        return AdminResult.ok("Set " + key.key() + "=" + value + " " + scope + ".");
    }

    /** Sets a finalized feature level (only eligible.leader.replicas.version is modelled). */
    private AdminResult updateFeature(AdminOperation.UpdateFeature request) {
        ConfigKey key = ConfigKey.byName(request.feature())
                .filter(k -> k.scope() == ConfigKey.Scope.FEATURE)
                .orElse(null);
        if (key == null) {
            return AdminResult.failed(
                    Errors.INVALID_REQUEST,
                    "Unknown feature '" + request.feature() + "'. Known: "
                            + ConfigKey.ELIGIBLE_LEADER_REPLICAS_VERSION.key());
        }
        Object level;
        try {
            level = key.parse(request.level());
        } catch (IllegalArgumentException e) {
            return AdminResult.failed(Errors.INVALID_REQUEST, e.getMessage());
        }
        int before = image.configs().getInt(key, null);
        if (((Number) level).intValue() == before) {
            return AdminResult.ok(key.key() + " is already at level " + level + ".");
        }
        log.append(new MetadataRecord.Config(key, level, null));
        long seq = context.journal()
                .append(
                        context.nowMs(),
                        NodeId.CONTROLLER,
                        null,
                        new EventDetail.ConfigChanged(key.key(), String.valueOf(level), null, false),
                        "feature finalized (was level " + before + ")",
                        -1);
        if (!replication.elrEnabled()) {
            replication.staleElr().clearAll(new Cause("eligible leader replicas turned off", seq));
        }
        String verb = ((Number) level).intValue() > before ? "upgraded" : "downgraded";
        return AdminResult.ok(key.key() + " was " + verb + " to " + level + ".");
    }

    @Override
    public void publish() {
        quorumView = voter.view();
        ControllerView current = view;
        // Readers see committed metadata only: while records await a majority, the last committed view stays.
        if (!active() || voter.highWatermark() < log.endOffset()) {
            return;
        }
        if (current == null || current.metadata() != image.view() || current.sessions() != clusterControl.sessions()) {
            view = new ControllerView(image.view(), clusterControl.sessions());
        }
    }

    /** This voter's quorum state as last published; safe from any thread. Null before it starts. */
    public QuorumView quorumView() {
        return quorumView;
    }

    /**
     * What this controller believed when it last was the active one; safe from any thread. Null if it
     * never was.
     */
    public ControllerView view() {
        return view;
    }
}
