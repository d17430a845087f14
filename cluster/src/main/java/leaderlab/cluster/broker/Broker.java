package leaderlab.cluster.broker;

import java.util.BitSet;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.protocol.ClientApi.ConsumerFetchRequest;
import leaderlab.cluster.protocol.ClientApi.MetadataRequest;
import leaderlab.cluster.protocol.ClientApi.ProduceRequest;
import leaderlab.cluster.protocol.ControllerApi.AlterPartitionResponse;
import leaderlab.cluster.protocol.ControllerApi.BrokerHeartbeatRequest;
import leaderlab.cluster.protocol.ControllerApi.BrokerHeartbeatResponse;
import leaderlab.cluster.protocol.ControllerApi.BrokerRegistrationRequest;
import leaderlab.cluster.protocol.ControllerApi.BrokerRegistrationResponse;
import leaderlab.cluster.protocol.ControllerApi.MetadataFetchRequest;
import leaderlab.cluster.protocol.ControllerApi.MetadataFetchResponse;
import leaderlab.cluster.protocol.ControllerApi.NotControllerResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.ReplicaApi.FetchRequest;
import leaderlab.cluster.protocol.ReplicaApi.FetchResponse;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Message;
import leaderlab.cluster.runtime.Node;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.runtime.Timer;
import leaderlab.cluster.view.BrokerView;

/**
 * A broker process: registers with the controller, heartbeats, fetches and replays the metadata log
 * (so it can act on stale metadata, as in Kafka), and hosts replicas through its {@link ReplicaManager}.
 * Lifecycle as Kafka's BrokerLifecycleManager: STARTING, RECOVERY (registered, fenced), RUNNING,
 * SHUTTING_DOWN (controlled shutdown), then stopped.
 */
public final class Broker implements Node {

    enum Process {
        STARTING,
        RECOVERY,
        RUNNING,
        SHUTTING_DOWN,
        STOPPED
    }

    /** Heartbeat period while starting up or shutting down (Kafka uses 10 ms and 50 ms). */
    private static final long FAST_HEARTBEAT_MS = 50;

    final int id;
    private final String rack;
    private final BrokerStorage storage;
    private final Configs initialConfigs;
    /** The quorum's voters (controller.quorum.voters); requests go to the one believed active. */
    private final java.util.List<Integer> controllerIds;

    private int controllerId;
    private NodeContext context;
    private MetadataImage image;
    private ReplicaManager replicas;
    private Process process = Process.STARTING;
    private long incarnation;
    private long previousBrokerEpoch;
    private long brokerEpoch = -1;
    private long heartbeatGeneration;
    private long metadataGeneration;
    private boolean metadataFetchInFlight;
    private volatile BrokerView view;

    public Broker(
            int id, String rack, BrokerStorage storage, Configs initialConfigs, java.util.List<Integer> controllerIds) {
        this.id = id;
        this.controllerIds = java.util.List.copyOf(controllerIds);
        this.controllerId = storage.knownController() >= 0 ? storage.knownController() : controllerIds.get(0);
        this.rack = rack;
        this.storage = storage;
        this.initialConfigs = initialConfigs;
        this.view = BrokerView.stopped(id, rack);
    }

    /** The controller this broker believes active: where its requests go. */
    Address controller() {
        return Address.controller(controllerId);
    }

    /** Another controller to try: the one named as active, else the next voter in turn. */
    private void redirect(int activeControllerId) {
        if (activeControllerId >= 0) {
            controllerId = activeControllerId;
        } else {
            controllerId = controllerIds.get((controllerIds.indexOf(controllerId) + 1) % controllerIds.size());
        }
    }

    long brokerEpoch() {
        return brokerEpoch;
    }

    private long config(ConfigKey key) {
        return image.configs().getLong(key);
    }

    @Override
    public void onStart(NodeContext nodeContext) {
        this.context = nodeContext;
        this.image = new MetadataImage(initialConfigs);
        this.replicas = new ReplicaManager(this, context, storage, image);
        this.incarnation = storage.nextIncarnation();
        this.previousBrokerEpoch = storage.takeCleanShutdownEpoch();
        context.journal()
                .append(
                        context.nowMs(),
                        NodeId.broker(id),
                        null,
                        new EventDetail.BrokerStarted(id, incarnation, previousBrokerEpoch >= 0),
                        previousBrokerEpoch >= 0 ? "after a clean shutdown" : "fresh start or after a crash",
                        -1);
        register();
        context.schedule(config(ConfigKey.REPLICA_LAG_TIME_MAX_MS) / 2, new BrokerTimers.IsrExpiration());
        context.schedule(config(ConfigKey.LOG_FLUSH_INTERVAL_MS), new BrokerTimers.Flush());
    }

    /**
     * A slow disk: every append keeps the broker busy this long (0 for a healthy disk). Set by the
     * operator's fault, on the broker's own thread.
     */
    public void setAppendLatencyMs(long latencyMs) {
        replicas.setAppendLatencyMs(latencyMs);
    }

    private void register() {
        context.send(controller(), new BrokerRegistrationRequest(id, incarnation, rack, previousBrokerEpoch));
        context.schedule(config(ConfigKey.BROKER_HEARTBEAT_INTERVAL_MS), new BrokerTimers.RegistrationRetry());
    }

    /** Begins a controlled shutdown (SIGTERM); with controlled.shutdown.enable=false it stops at once. */
    public void beginControlledShutdown() {
        if (process == Process.STOPPED) {
            return;
        }
        if (!image.configs().getBoolean(ConfigKey.CONTROLLED_SHUTDOWN_ENABLE, null) || brokerEpoch < 0) {
            stop(
                    brokerEpoch < 0
                            ? "not registered yet: stopped without moving leadership"
                            : "controlled.shutdown.enable=false: stopped without moving leadership");
            return;
        }
        process = Process.SHUTTING_DOWN;
        sendHeartbeat();
    }

    @Override
    public void onMessage(Address from, Message message) {
        if (message instanceof FetchRequest fetch) {
            replicas.onFetchRequest(from, fetch);
        } else if (message instanceof FetchResponse fetched) {
            replicas.onFetchResponse(from.id(), fetched);
        } else if (message instanceof BrokerHeartbeatResponse heartbeat) {
            onHeartbeatResponse(heartbeat);
        } else if (message instanceof MetadataFetchResponse metadata) {
            onMetadata(metadata);
        } else if (message instanceof ProduceRequest produce) {
            replicas.clients().produce(from, produce);
        } else if (message instanceof ConsumerFetchRequest fetch) {
            context.send(from, replicas.clients().consumerFetch(fetch));
        } else if (message instanceof MetadataRequest metadata) {
            context.send(from, replicas.clients().metadata(metadata, image.view()));
        } else if (message instanceof AlterPartitionResponse alter) {
            replicas.onAlterPartitionResponse(alter);
        } else if (message instanceof BrokerRegistrationResponse registration) {
            onRegistered(registration);
        } else if (message instanceof NotControllerResponse notController) {
            onNotController(notController);
        } else {
            // Every ToBroker type is handled above (DispatchTest); anything else was sent to the wrong node.
            throw new IllegalArgumentException("a broker does not handle " + message + " from " + from);
        }
    }

    @Override
    public void onTimer(Timer timer) {
        if (timer instanceof BrokerTimers.HeldFetchExpiry expiry) {
            replicas.onHeldFetchExpiry(expiry);
        } else if (timer instanceof BrokerTimers.FetchRetry retry) {
            replicas.onFetchRetry(retry);
        } else if (timer instanceof BrokerTimers.Heartbeat heartbeat) {
            if (heartbeat.generation() == heartbeatGeneration) {
                sendHeartbeat();
            }
        } else if (timer instanceof BrokerTimers.ProduceTimeout timeout) {
            replicas.clients().onTimeout(timeout);
        } else if (timer instanceof BrokerTimers.DiskWrite write) {
            write.write().run();
        } else if (timer instanceof BrokerTimers.Flush) {
            replicas.flushAll();
            context.schedule(config(ConfigKey.LOG_FLUSH_INTERVAL_MS), new BrokerTimers.Flush());
        } else if (timer instanceof BrokerTimers.IsrExpiration) {
            replicas.onIsrExpiration();
            context.schedule(config(ConfigKey.REPLICA_LAG_TIME_MAX_MS) / 2, new BrokerTimers.IsrExpiration());
        } else if (timer instanceof BrokerTimers.AlterPartitionTimeout timeout) {
            replicas.onAlterPartitionTimeout(timeout);
        } else if (timer instanceof BrokerTimers.MetadataFetchTimeout timeout) {
            if (timeout.generation() == metadataGeneration) {
                if (!timeout.retry()) {
                    redirect(-1); // no answer: that controller may be down, ask another
                }
                metadataFetchInFlight = false;
                fetchMetadata();
            }
        } else if (timer instanceof BrokerTimers.RegistrationRetry && brokerEpoch < 0) {
            register();
        }
    }

    /**
     * A controller that is not the active one answered. Requests go to the one it names from now on;
     * an unanswered metadata fetch is sent again, after a short wait when nobody knows a leader (an
     * election is under way). Heartbeats and registration retry on their own timers.
     */
    private void onNotController(NotControllerResponse response) {
        redirect(response.activeControllerId());
        if (brokerEpoch < 0 && response.activeControllerId() >= 0) {
            // Registration waits for nothing else; its retry timer keeps running.
            context.send(controller(), new BrokerRegistrationRequest(id, incarnation, rack, previousBrokerEpoch));
        }
        if (metadataFetchInFlight) {
            long delayMs = response.activeControllerId() >= 0 ? 0 : FAST_HEARTBEAT_MS;
            context.schedule(delayMs, new BrokerTimers.MetadataFetchTimeout(++metadataGeneration, true));
        }
    }

    private void onRegistered(BrokerRegistrationResponse response) {
        // An answer to the previous process (killed with its registration in flight) must not be taken
        // as ours: its epoch belongs to the old incarnation's registration, so every heartbeat would
        // fail with STALE_BROKER_EPOCH and this broker would stay fenced forever.
        if (response.incarnation() != incarnation) {
            return;
        }
        if (brokerEpoch >= 0 || response.error() != Errors.NONE) {
            return; // a duplicate registration is retried by RegistrationRetry until the old session expires
        }
        brokerEpoch = response.brokerEpoch();
        storage.knownController(controllerId);
        process = Process.RECOVERY;
        fetchMetadata();
        sendHeartbeat();
    }

    private void sendHeartbeat() {
        context.send(
                controller(),
                new BrokerHeartbeatRequest(id, brokerEpoch, image.offset(), false, process == Process.SHUTTING_DOWN));
        long delay = process == Process.RUNNING ? config(ConfigKey.BROKER_HEARTBEAT_INTERVAL_MS) : FAST_HEARTBEAT_MS;
        context.schedule(
                Math.min(delay, config(ConfigKey.BROKER_HEARTBEAT_INTERVAL_MS)),
                new BrokerTimers.Heartbeat(++heartbeatGeneration));
    }

    private void onHeartbeatResponse(BrokerHeartbeatResponse response) {
        // An answer meant for this broker's previous process (before it registered) is not ours: in Kafka
        // it would have travelled on that process's connection.
        if (response.error().isError() || brokerEpoch < 0) {
            return;
        }
        if (response.shouldShutDown()) {
            stop("controlled shutdown complete");
        } else if (process == Process.RECOVERY && !response.isFenced()) {
            process = Process.RUNNING;
        }
    }

    private void stop(String why) {
        storage.markCleanShutdown(brokerEpoch);
        replicas.shutdown();
        process = Process.STOPPED;
        context.journal().append(context.nowMs(), NodeId.broker(id), null, new EventDetail.BrokerStopped(id), why, -1);
        context.exit();
    }

    private void fetchMetadata() {
        if (metadataFetchInFlight) {
            return;
        }
        metadataFetchInFlight = true;
        context.send(controller(), new MetadataFetchRequest(image.offset()));
        context.schedule(
                config(ConfigKey.METADATA_FETCH_MAX_WAIT_MS) + config(ConfigKey.CONTROLLER_QUORUM_REQUEST_TIMEOUT_MS),
                new BrokerTimers.MetadataFetchTimeout(++metadataGeneration, false));
    }

    /** Replays fetched records in order and applies partition changes as they come (§4.6). */
    private void onMetadata(MetadataFetchResponse response) {
        if (!metadataFetchInFlight) {
            return; // an answer to the previous process's fetch (see onHeartbeatResponse)
        }
        metadataFetchInFlight = false;
        metadataGeneration++;
        if (response.baseOffset() == image.offset()) {
            // Like Kafka's metadata publisher: replay the batch, then apply the final state of each
            // changed partition this broker hosts (or may now host) once, in partition order.
            BitSet hosted = replicas.hostedPartitions();
            BitSet concerning = response.delta().concerning(hosted);
            image.replay(response.baseOffset(), response.records(), response.delta());
            for (int id = concerning.nextSetBit(0); id >= 0; id = concerning.nextSetBit(id + 1)) {
                replicas.apply(image.partition(id));
            }
        }
        if (process != Process.STOPPED) {
            fetchMetadata();
        }
    }

    @Override
    public void publish() {
        BrokerView current = view;
        var replicaViews = replicas.views();
        if (current.metadata() != image.view()
                || current.replicas() != replicaViews
                || !current.process().equals(process.name())
                || current.brokerEpoch() != brokerEpoch) {
            view = new BrokerView(id, rack, process.name(), brokerEpoch, image.view(), replicaViews);
        }
    }

    /** The latest published view; safe from any thread. */
    public BrokerView view() {
        return view;
    }
}
