package leaderlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import leaderlab.cluster.broker.Broker;
import leaderlab.cluster.broker.BrokerStorage;
import leaderlab.cluster.check.Ledger;
import leaderlab.cluster.check.SafetyChecker;
import leaderlab.cluster.client.ClientNode;
import leaderlab.cluster.client.ConsumeResult;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.controller.Controller;
import leaderlab.cluster.controller.ControllerView;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.LinkRule;
import leaderlab.cluster.runtime.Network;
import leaderlab.cluster.runtime.NetworkFault;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.runtime.SimulatedRuntime;
import leaderlab.cluster.runtime.ThreadedRuntime;
import leaderlab.cluster.view.BrokerView;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The one way into a running cluster for the shell, the window, lessons and tests: start it, read
 * snapshots and the journal, and act on it (admin operations, clients, crashes, network faults).
 * Every action is carried out by the nodes through messages; this class only starts them and waits.
 * Bad arguments throw {@link IllegalArgumentException} with a one-line message and change nothing.
 */
public final class Cluster implements AutoCloseable {

    private static final long LIVE_CHECK_INTERVAL_NANOS = 20_000_000;

    /** Cluster time a controlled shutdown may take before the command gives up waiting. */
    private static final long SHUTDOWN_WAIT_FACTOR = 4;

    private final ClusterOptions options;
    private final NodeRuntime runtime;
    private final Journal journal;
    private final Controller controller;
    private final Map<Integer, Broker> brokers = new TreeMap<>();
    private final Map<Integer, BrokerStorage> storages = new TreeMap<>();
    /** Broker id to append latency of its slow disk: hardware, so it outlives restarts. */
    private final Map<Integer, Long> slowDisks = new java.util.concurrent.ConcurrentHashMap<>();
    private final Triggers triggers = new Triggers();
    private final ClientNode client;
    private final Ledger ledger = new Ledger();
    private final SafetyChecker checker;
    private final Thread liveChecker;
    private Configs clientConfigs;
    private final Set<Integer> hostsDown = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Cluster(ClusterOptions options) {
        this.options = options;
        this.journal = new Journal();
        Configs configs = Configs.defaults(options.kafkaTimings());
        Network network = new Network(configs.getLong(ConfigKey.NETWORK_LATENCY_MS));
        this.runtime = options.simulated()
                ? new SimulatedRuntime(options.seed(), network, journal)
                : new ThreadedRuntime(options.seed(), network, journal);
        this.controller = new Controller(configs);
        this.clientConfigs = configs;
        this.client = new ClientNode(options.brokers(), configs, ledger);
        // A stopped broker process on a live host refuses connections; a host lost to power does not answer.
        client.setRefusing(id -> !runtime.isRunning(Address.broker(id)) && !hostsDown.contains(id));
        this.checker = new SafetyChecker(journal, ledger);
        runtime.start(Address.CONTROLLER, controller);
        for (int id = 1; id <= options.brokers(); id++) {
            storages.put(id, new BrokerStorage());
            startBroker(id);
        }
        runtime.start(Address.client(0), client);
        if (runtime instanceof SimulatedRuntime simulated) {
            // Every event, as Kafka's own Raft simulation tests check their invariants.
            simulated.afterEachEvent(() -> {
                if (checker.enabled()) {
                    checker.check(snapshot(), true);
                }
                if (triggers.pending()) {
                    triggers.fire(snapshot());
                }
            });
            liveChecker = null;
        } else {
            liveChecker = new Thread(this::checkContinuously, "leaderlab-checker");
            liveChecker.setDaemon(true);
            liveChecker.start();
        }
    }

    /** Live mode: check the newest snapshot every few milliseconds, never blocking the nodes. */
    private void checkContinuously() {
        while (!Thread.currentThread().isInterrupted()) {
            if (controller.view() != null && checker.enabled()) {
                checker.check(snapshot(), false);
            }
            if (controller.view() != null && triggers.pending()) {
                triggers.fire(snapshot());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(LIVE_CHECK_INTERVAL_NANOS);
        }
    }

    /** The safety checker: violations so far; can be switched off for benchmarks. */
    public SafetyChecker checker() {
        return checker;
    }

    /**
     * Checks the newest snapshot now, so a reader of the ledger or the violations sees everything up to
     * this moment (live, the checker thread may be a few milliseconds behind).
     */
    public void checkNow() {
        if (checker.enabled()) {
            checker.check(snapshot(), runtime.isSimulated());
        }
    }

    /** Every acknowledged record and every loss of one. */
    public Ledger ledger() {
        return ledger;
    }

    /** Starts a cluster and waits until every broker is registered and unfenced. */
    public static Cluster start(ClusterOptions options) {
        Cluster cluster = new Cluster(options);
        long waitMs = 20 * cluster.clientConfigs.getLong(ConfigKey.BROKER_SESSION_TIMEOUT_MS);
        if (!cluster.runtime.awaitCondition(cluster::allBrokersUnfenced, waitMs)) {
            cluster.close();
            throw new IllegalStateException("brokers did not all register within " + waitMs + " ms");
        }
        return cluster;
    }

    private boolean allBrokersUnfenced() {
        ControllerView view = controller.view();
        if (view == null || view.metadata().brokers().size() < options.brokers()) {
            return false;
        }
        return view.metadata().brokers().values().stream().allMatch(BrokerRegistration::active);
    }

    private void startBroker(int id) {
        Broker broker = new Broker(id, options.rackOf(id), storages.get(id), Configs.defaults(options.kafkaTimings()));
        brokers.put(id, broker);
        runtime.start(Address.broker(id), broker);
        long latency = slowDisks.getOrDefault(id, 0L);
        if (latency > 0) {
            runtime.submit(Address.broker(id), () -> broker.setAppendLatencyMs(latency));
        }
    }

    public ClusterOptions options() {
        return options;
    }

    public NodeRuntime runtime() {
        return runtime;
    }

    public Journal journal() {
        return journal;
    }

    public long nowMs() {
        return runtime.nowMs();
    }

    /** The cluster as it is now: cheap, immutable, safe from any thread. */
    public ClusterSnapshot snapshot() {
        List<ClusterSnapshot.BrokerState> states = new ArrayList<>(brokers.size());
        ControllerView view = controller.view();
        for (Map.Entry<Integer, Broker> entry : brokers.entrySet()) {
            int id = entry.getKey();
            BrokerView brokerView = entry.getValue().view();
            states.add(new ClusterSnapshot.BrokerState(id, options.rackOf(id), runtime.isRunning(Address.broker(id)),
                    brokerView, view.metadata().brokers().get(id), view.sessions().get(id), reality(id)));
        }
        return new ClusterSnapshot(runtime.nowMs(), runtime.isPaused(), view, List.copyOf(states),
                runtime.network().faults());
    }

    /** What is actually happening to a broker, whatever the controller believes. */
    private ClusterSnapshot.Reality reality(int id) {
        Network network = runtime.network();
        if (network.faults().isEmpty() && slowDisks.isEmpty() && runtime.stalledUntil(Address.broker(id)) == 0) {
            return ClusterSnapshot.Reality.HEALTHY;
        }
        Address broker = Address.broker(id);
        long now = runtime.nowMs();
        List<Integer> cutFrom = new ArrayList<>();
        for (int other : brokers.keySet()) {
            if (other != id && network.isCutAt(broker, Address.broker(other), now)) {
                cutFrom.add(other);
            }
        }
        boolean flapping = network.faults().stream().anyMatch(f -> f.flapPeriodMs() > 0
                && f.links().keySet().stream().anyMatch(l -> l.from().equals(broker) || l.to().equals(broker)));
        return new ClusterSnapshot.Reality(runtime.stalledUntil(broker), slowDisks.getOrDefault(id, 0L),
                network.isCutAt(Address.client(0), broker, now), network.isCutAt(broker, Address.CONTROLLER, now),
                List.copyOf(cutFrom), flapping);
    }

    // ---- Validation -------------------------------------------------------------------------------

    public void requireBroker(int id) {
        if (!brokers.containsKey(id)) {
            throw new IllegalArgumentException("no broker " + id + ": brokers are 1.." + options.brokers());
        }
    }

    private long requestTimeoutMs() {
        return clientConfigs.getLong(ConfigKey.REQUEST_TIMEOUT_MS);
    }

    /** Runs an operation on the client's thread and waits for its answer in cluster time. */
    private <T> T viaClient(Consumer<CompletableFuture<T>> operation, long timeoutMs) {
        CompletableFuture<T> future = new CompletableFuture<>();
        runtime.submit(Address.client(0), () -> operation.accept(future));
        try {
            return runtime.await(future, timeoutMs);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + timeoutMs + " ms of cluster time");
        }
    }

    private long clientWaitMs() {
        // Metadata may try every broker (a quarter timeout each) before the request itself; the producer
        // retries until delivery.timeout.ms, with one request and metadata refresh possibly in flight.
        return clientConfigs.getLong(ConfigKey.DELIVERY_TIMEOUT_MS) + requestTimeoutMs() * (2L + options.brokers()) + 1000;
    }

    // ---- Admin ------------------------------------------------------------------------------------

    public AdminResult admin(AdminOperation operation) {
        return viaClient(future -> client.admin(operation, future), clientWaitMs());
    }

    /** Sets a config: client-side keys locally, everything else through the controller. */
    public AdminResult setConfig(String key, String value, String topic) {
        ConfigKey configKey = ConfigKey.byName(key).orElse(null);
        if (configKey != null && configKey.scope() == ConfigKey.Scope.CLIENT) {
            if (topic != null) {
                throw new IllegalArgumentException(key + " is a client setting; drop --topic");
            }
            Object parsed = configKey.parse(value);
            clientConfigs = clientConfigs.with(configKey, parsed, null);
            Configs updated = clientConfigs;
            runtime.submit(Address.client(0), () -> client.setConfigs(updated));
            record(new EventDetail.ConfigChanged(key, String.valueOf(parsed), null, true));
            return AdminResult.ok("Set client " + key + "=" + parsed + ".");
        }
        return admin(new AdminOperation.AlterConfig(key, value, topic));
    }

    /** Finalizes a feature level through the controller, as kafka-features does. */
    public AdminResult setFeature(String feature, String level) {
        return admin(new AdminOperation.UpdateFeature(feature, level));
    }

    public Configs clientConfigs() {
        return clientConfigs;
    }

    // ---- Clients ----------------------------------------------------------------------------------

    /** @param acks 0, 1 or -1 (all); partition -1 spreads the records over all partitions */
    public List<ProduceResult> produce(String topic, int partition, int count, int acks) {
        return produce(topic, partition, count, acks, -1);
    }

    /** @param retries resends allowed per batch, -1 for the client's {@code retries} setting */
    public List<ProduceResult> produce(String topic, int partition, int count, int acks, int retries) {
        requireTopicPartition(topic, partition);
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        return viaClient(future -> client.produce(topic, partition, count, acks, retries, future), clientWaitMs());
    }

    public List<ConsumeResult> consume(String topic, int partition, boolean fromBeginning, int maxRecords) {
        requireTopicPartition(topic, partition);
        return viaClient(future -> client.consume(topic, partition, fromBeginning, maxRecords, future), clientWaitMs());
    }

    private void requireTopicPartition(String topic, int partition) {
        var info = snapshot().topic(topic);
        if (info == null) {
            throw new IllegalArgumentException("no topic '" + topic + "'" + knownTopics());
        }
        if (partition < -1 || partition >= info.partitionCount()) {
            throw new IllegalArgumentException(topic + " has partitions 0.." + (info.partitionCount() - 1)
                    + ", not " + partition);
        }
    }

    public String knownTopics() {
        var names = snapshot().metadata().topics().keySet();
        return names.isEmpty() ? " (there are no topics yet: create topic NAME)" : " (topics: " + String.join(", ", names) + ")";
    }

    // ---- Brokers ----------------------------------------------------------------------------------

    /** Crashes a broker: its thread stops at once; its log stays on disk. */
    public void kill(int id) {
        kill(id, false);
    }

    /**
     * Crashes a broker.
     *
     * @param powerLoss the machine lost power too: records not yet flushed (log.flush.interval.ms) are gone
     */
    public void kill(int id, boolean powerLoss) {
        requireBroker(id);
        if (!runtime.isRunning(Address.broker(id))) {
            throw new IllegalArgumentException("broker " + id + " is already stopped; restart " + id + " starts it");
        }
        if (powerLoss) {
            hostsDown.add(id);
        }
        runtime.stop(Address.broker(id));
        long seq = record(new EventDetail.FaultInjected(EventDetail.FaultKind.KILL, List.of(id), "broker " + id
                + " killed (crash, no controlled shutdown" + (powerLoss ? ", power loss" : "") + ")"));
        if (powerLoss) {
            var metadata = snapshot().metadata();
            storages.get(id).loseUnflushed().forEach((partitionId, ends) -> {
                var partition = metadata.partitions().get(partitionId);
                journal.append(runtime.nowMs(), NodeId.broker(id), new TopicPartition(partition.topic(), partition.index()),
                        new EventDetail.Truncated(id, ends[0], ends[1], -1, -1, EventDetail.TruncationReason.POWER_LOSS),
                        "power loss", seq);
            });
        }
    }

    /** A stop-the-world pause (GC): the broker's thread and timers stall, then it resumes on stale state. */
    public void stall(int id, long durationMs) {
        requireRunning(id);
        runtime.stall(Address.broker(id), durationMs);
        record(new EventDetail.FaultInjected(EventDetail.FaultKind.STALL, List.of(id), "broker " + id
                + " process paused for " + durationMs + " ms (a stop-the-world pause: no heartbeats, no fetches, no answers)"));
    }

    /** A slow disk: every append keeps the broker busy {@code latencyMs} (0 heals it); survives restarts. */
    public void slowDisk(int id, long latencyMs) {
        requireBroker(id);
        if (latencyMs > 0) {
            slowDisks.put(id, latencyMs);
        } else {
            slowDisks.remove(id);
        }
        if (runtime.isRunning(Address.broker(id))) {
            Broker broker = brokers.get(id);
            runtime.submit(Address.broker(id), () -> broker.setAppendLatencyMs(latencyMs));
        }
        record(latencyMs > 0
                ? new EventDetail.FaultInjected(EventDetail.FaultKind.SLOW_DISK, List.of(id),
                        "broker " + id + " has a slow disk: each append takes " + latencyMs + " ms")
                : new EventDetail.FaultHealed(EventDetail.FaultKind.SLOW_DISK, List.of(id),
                        "broker " + id + " disk healthy again"));
    }

    private void requireRunning(int id) {
        requireBroker(id);
        if (!runtime.isRunning(Address.broker(id))) {
            throw new IllegalArgumentException("broker " + id + " is stopped; restart " + id + " first");
        }
    }

    /** Event-triggered faults: runs {@code action} once, right after the event that makes the condition true. */
    public void when(String description, Predicate<ClusterSnapshot> condition, Runnable action) {
        triggers.add(description, condition, action);
        record(new EventDetail.FaultInjected(EventDetail.FaultKind.TRIGGER, List.of(), "armed: when " + description));
    }

    /** Armed triggers that have not fired yet. */
    public List<String> pendingTriggers() {
        return triggers.descriptions();
    }

    public void restart(int id) {
        requireBroker(id);
        if (runtime.isRunning(Address.broker(id))) {
            throw new IllegalArgumentException("broker " + id + " is already running; kill " + id + " or shutdown "
                    + id + " first");
        }
        hostsDown.remove(id);
        startBroker(id);
    }

    /**
     * Controlled shutdown: the broker asks the controller to move its leaderships, then stops.
     *
     * @return true if it stopped within the wait, false if it is still shutting down
     */
    public boolean shutdown(int id) {
        requireBroker(id);
        if (!runtime.isRunning(Address.broker(id))) {
            throw new IllegalArgumentException("broker " + id + " is already stopped");
        }
        Broker broker = brokers.get(id);
        runtime.submit(Address.broker(id), broker::beginControlledShutdown);
        long waitMs = SHUTDOWN_WAIT_FACTOR * clientConfigs.getLong(ConfigKey.BROKER_SESSION_TIMEOUT_MS);
        return runtime.awaitCondition(() -> !runtime.isRunning(Address.broker(id)), waitMs);
    }

    // ---- Network ----------------------------------------------------------------------------------

    /** Where an isolated broker is cut off from. */
    public enum IsolateFrom { ALL, CLIENTS, CONTROLLER, BROKERS }

    /**
     * Cuts a broker off, both directions.
     *
     * @param peers for {@link IsolateFrom#BROKERS}: the brokers to cut it from (empty = all others)
     * @return what was done, in words
     */
    public String isolate(int id, IsolateFrom from, Set<Integer> peers) {
        requireBroker(id);
        peers.forEach(this::requireBroker);
        return addFault(NetworkFaults.isolation(id, from, peers, brokers.keySet(), 0), List.of(id));
    }

    /** Like {@link #isolate}, switching on and off every {@code periodMs} (a flapping link). */
    public String flap(int id, IsolateFrom from, Set<Integer> peers, long periodMs) {
        if (periodMs < 1) {
            throw new IllegalArgumentException("the flapping period must be at least 1 ms");
        }
        requireBroker(id);
        peers.forEach(this::requireBroker);
        return addFault(NetworkFaults.isolation(id, from, peers, brokers.keySet(), periodMs), List.of(id));
    }

    /**
     * Splits the cluster: nodes in different groups cannot talk. The controller stays with the first
     * group unless a group names it; clients reach everyone.
     *
     * @return what was done, in words
     */
    public String partition(List<Set<Integer>> brokerGroups, int controllerGroup) {
        brokerGroups.forEach(group -> group.forEach(this::requireBroker));
        List<Integer> named = brokerGroups.stream().flatMap(Set::stream).sorted().toList();
        return addFault(NetworkFaults.partition(brokerGroups, controllerGroup), named);
    }

    /** Applies a rule to one directed link between two nodes. */
    public void link(Address from, Address to, LinkRule rule) {
        List<Integer> ends = java.util.stream.Stream.of(from, to).filter(Address::isBroker).map(Address::id).toList();
        addFault(NetworkFaults.link(from, to, rule), ends);
    }

    /** @param brokers the brokers the fault is done to, for readers of the journal */
    private String addFault(NetworkFault fault, List<Integer> brokers) {
        runtime.network().add(fault);
        record(new EventDetail.FaultInjected(EventDetail.FaultKind.NETWORK, brokers, fault.description()));
        return fault.description();
    }

    public void heal() {
        runtime.network().heal();
        record(new EventDetail.FaultHealed(EventDetail.FaultKind.NETWORK, List.of(), "network healed: every link works again"));
    }

    private long record(EventDetail detail) {
        return journal.append(runtime.nowMs(), NodeId.OPERATOR, null, detail, "operator command", -1);
    }

    // ---- Time -------------------------------------------------------------------------------------

    public void advance(long durationMs) {
        runtime.advance(durationMs);
    }

    public boolean awaitCondition(Predicate<ClusterSnapshot> condition, long timeoutMs) {
        return runtime.awaitCondition(() -> condition.test(snapshot()), timeoutMs);
    }

    @Override
    public void close() {
        if (liveChecker != null) {
            liveChecker.interrupt();
        }
        runtime.close();
    }
}
