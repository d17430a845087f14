package leaderlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;
import leaderlab.cluster.broker.Broker;
import leaderlab.cluster.check.Ledger;
import leaderlab.cluster.check.SafetyChecker;
import leaderlab.cluster.client.ClientNode;
import leaderlab.cluster.client.ConsumeResult;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.controller.ControllerView;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.metadata.Replicas;
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
 * Faults are values ({@link Fault}) applied by {@link FaultInjector}; what is really happening to a
 * broker is {@link GroundTruth}'s; the checker and triggers are {@link LiveChecks}'.
 * Bad arguments throw {@link IllegalArgumentException} with a one-line message and change nothing.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li><b>One command thread</b> acts on a cluster: every action and every wait (admin, produce,
 *       kill, {@link #advance}, {@link #awaitCondition}...) is called from it. That is the
 *       {@code CommandRunner}'s thread behind the REPL, the window and lessons, the script runner's
 *       thread, or a test's thread. The lines of fired {@code when} triggers run on it too: between
 *       simulator events while it waits, or, when it is idle, after it is woken through
 *       {@link #onTriggersDue}.</li>
 *   <li><b>Any thread</b> may read {@link #snapshot()}, {@link #journal()}, {@link #nowMs()},
 *       {@link #ledger()}, {@link #checker()} and {@link #pendingTriggers()}. A snapshot is composed
 *       only of immutable views the nodes publish (volatile), the runtime's published node states
 *       and the network's immutable fault list; it never reads a node's working state, and no reader
 *       takes a lock a node holds.</li>
 *   <li><b>Node code</b> runs on the nodes' own threads (live) or inside the simulator, which the
 *       command thread drives while it waits (simulated). Live, a checker thread reads snapshots and
 *       queues fired triggers; it never runs a command.</li>
 * </ul>
 */
public final class Cluster implements AutoCloseable, leaderlab.cluster.view.SnapshotSource {

    /** Cluster time a controlled shutdown may take before the command gives up waiting. */
    private static final long SHUTDOWN_WAIT_FACTOR = 4;

    private final ClusterOptions options;
    private final NodeRuntime runtime;
    private final Journal journal;
    private final ControllerQuorum controllers;
    private final BrokerProcesses brokers;
    private final GroundTruth truth;
    private final FaultInjector faults;
    private final ClientNode client;
    private final Ledger ledger = new Ledger();
    private final SafetyChecker checker;
    private final LiveChecks checks;
    private final ClientCalls clients;

    private Cluster(ClusterOptions options) {
        this.options = options;
        this.journal = new Journal();
        Configs configs = Configs.defaults(options.kafkaTimings());
        Network network = new Network(configs.getLong(ConfigKey.NETWORK_LATENCY_MS), options.seed());
        this.runtime = options.simulated()
                ? new SimulatedRuntime(options.seed(), network, journal)
                : new ThreadedRuntime(options.seed(), network, journal);
        this.controllers = new ControllerQuorum(runtime, configs, options.controllerIds());
        this.truth = new GroundTruth(runtime, controllers::activeId);
        this.brokers = new BrokerProcesses(options, runtime, truth);
        this.faults = new FaultInjector(
                runtime, journal, brokers.storages(), truth, () -> snapshot().metadata(), brokers::setAppendLatency);
        this.client = new ClientNode(options.brokers(), configs, ledger, options.controllerIds());
        this.clients = new ClientCalls(runtime, client, configs, options.brokers(), this::snapshot, faults);
        // A stopped broker process on a live host refuses connections; a host lost to power does not answer.
        client.setRefusing(id -> !runtime.isRunning(Address.broker(id)) && !truth.hostDown(id));
        this.checker = new SafetyChecker(journal, ledger);
        controllers.startAll();
        for (int id = 1; id <= options.brokers(); id++) {
            brokers.start(id);
        }
        runtime.start(Address.client(0), client);
        this.checks = new LiveChecks(
                runtime, checker, this::snapshot, () -> controllers.active() != null, controllers::viewIsCurrent);
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
        checks.checkNow();
    }

    /** Every acknowledged record and every loss of one. */
    public Ledger ledger() {
        return ledger;
    }

    /** Starts a cluster and waits until every broker is registered and unfenced. */
    public static Cluster start(ClusterOptions options) {
        Cluster cluster = new Cluster(options);
        long waitMs = 20 * cluster.clientConfigs().getLong(ConfigKey.BROKER_SESSION_TIMEOUT_MS);
        if (!cluster.runtime.awaitCondition(() -> cluster.controllers.allBrokersUnfenced(options.brokers()), waitMs)) {
            cluster.close();
            throw new IllegalStateException("brokers did not all register within " + waitMs + " ms");
        }
        return cluster;
    }

    public ClusterOptions options() {
        return options;
    }

    public NodeRuntime runtime() {
        return runtime;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    public long nowMs() {
        return runtime.nowMs();
    }

    /**
     * The cluster as it is now: cheap, immutable, safe from any thread. Composed only of what the
     * nodes and the runtime publish (volatile immutable views), never of a node's working state.
     */
    @Override
    public ClusterSnapshot snapshot() {
        SortedMap<Integer, Broker> processes = brokers.current();
        List<ClusterSnapshot.BrokerState> states = new ArrayList<>(processes.size());
        ControllerView view = controllers.view(brokers.runningViews(processes));
        for (Map.Entry<Integer, Broker> entry : processes.entrySet()) {
            int id = entry.getKey();
            BrokerView brokerView = entry.getValue().view();
            states.add(new ClusterSnapshot.BrokerState(
                    id,
                    options.rackOf(id),
                    runtime.isRunning(Address.broker(id)),
                    brokerView,
                    view == null ? null : view.metadata().brokers().get(id),
                    view == null ? null : view.sessions().get(id),
                    truth.of(id, processes.keySet())));
        }
        return new ClusterSnapshot(
                runtime.nowMs(),
                runtime.isPaused(),
                view,
                List.copyOf(states),
                runtime.network().faults(),
                controllers.views(),
                controllers.ids(),
                controllers.stalls());
    }

    // ---- Validation -------------------------------------------------------------------------------

    /** The quorum's controller ids (101, 102, ...). */
    public List<Integer> controllerIds() {
        return controllers.ids();
    }

    /** A broker or a controller id. */
    public void requireNode(int id) {
        if (!controllers.isController(id) && !brokers.contains(id)) {
            throw new IllegalArgumentException(
                    "no node " + id + ": brokers are 1.." + options.brokers() + ", controllers "
                            + Replicas.bracketed(
                                    controllers.ids().stream().mapToInt(i -> i).toArray()));
        }
    }

    public void requireBroker(int id) {
        brokers.require(id);
    }

    // ---- Admin and clients --------------------------------------------------------------------------

    public AdminResult admin(AdminOperation operation) {
        return clients.admin(operation);
    }

    /** Sets a config: client-side keys locally, everything else through the controller. */
    public AdminResult setConfig(String key, String value, String topic) {
        return clients.setConfig(key, value, topic);
    }

    /** Finalizes a feature level through the controller, as kafka-features does. */
    public AdminResult setFeature(String feature, String level) {
        return admin(new AdminOperation.UpdateFeature(feature, level));
    }

    public Configs clientConfigs() {
        return clients.configs();
    }

    /** @param acks 0, 1 or -1 (all); partition -1 spreads the records over all partitions */
    public List<ProduceResult> produce(String topic, int partition, int count, int acks) {
        return produce(topic, partition, count, acks, -1);
    }

    /** @param retries resends allowed per batch, -1 for the client's {@code retries} setting */
    public List<ProduceResult> produce(String topic, int partition, int count, int acks, int retries) {
        return clients.produce(topic, partition, count, acks, retries);
    }

    public List<ConsumeResult> consume(String topic, int partition, boolean fromBeginning, int maxRecords) {
        return clients.consume(topic, partition, fromBeginning, maxRecords);
    }

    /** The topics there are, for an error message: " (topics: a, b)". */
    public String knownTopics() {
        return clients.knownTopics();
    }

    // ---- Brokers ----------------------------------------------------------------------------------

    /** Crashes a broker: its thread stops at once; its log stays on disk. */
    public void kill(int id) {
        kill(id, false);
    }

    /** @param powerLoss the machine lost power too: records not yet flushed (log.flush.interval.ms) are gone */
    public void kill(int id, boolean powerLoss) {
        if (controllers.isController(id)) {
            controllers.requireRunning(id, true);
            faults.inject(new Fault.ControllerCrash(id));
            return;
        }
        brokers.requireRunning(id, true, "is already stopped; restart " + id + " starts it");
        faults.inject(new Fault.Crash(id, powerLoss));
    }

    /** A stop-the-world pause (GC): the broker's thread and timers stall, then it resumes on stale state. */
    public void stall(int id, long durationMs) {
        if (controllers.isController(id)) {
            controllers.requireRunning(id, true);
            faults.inject(new Fault.ControllerPause(id, durationMs));
            return;
        }
        brokers.requireRunning(id, true, "is stopped; restart " + id + " first");
        faults.inject(new Fault.Pause(id, durationMs));
    }

    /** A slow disk: every append keeps the broker busy {@code latencyMs} (0 heals it); survives restarts. */
    public void slowDisk(int id, long latencyMs) {
        requireBroker(id);
        faults.inject(new Fault.SlowDisk(id, latencyMs));
    }

    /**
     * Event-triggered faults: {@code action} runs once, on the command thread, right after the event
     * that makes the condition true (simulated), or within milliseconds of it (live).
     */
    public void when(String description, Predicate<ClusterSnapshot> condition, Runnable action) {
        checks.arm(description, condition, action);
        faults.record(
                new EventDetail.FaultInjected(EventDetail.FaultKind.TRIGGER, List.of(), "armed: when " + description));
    }

    /**
     * Runs fired triggers' actions on the calling thread, the command thread (waits run them between
     * events on their own; an idle command thread is woken through {@link #onTriggersDue}).
     */
    public void runDueTriggers() {
        checks.runDueTriggers();
    }

    /** Called (from any thread) when a trigger has fired and its action waits for the command thread. */
    public void onTriggersDue(Runnable wake) {
        checks.onTriggersDue(wake);
    }

    /** Armed triggers that have not fired yet. */
    public List<String> pendingTriggers() {
        return checks.pendingTriggers();
    }

    public void restart(int id) {
        if (controllers.isController(id)) {
            controllers.requireRunning(id, false);
            controllers.start(id);
            return;
        }
        brokers.requireRunning(id, false, "is already running; kill " + id + " or shutdown " + id + " first");
        truth.setHostDown(id, false);
        brokers.start(id);
    }

    /**
     * Controlled shutdown: the broker asks the controller to move its leaderships, then stops.
     *
     * @return true if it stopped within the wait, false if it is still shutting down
     */
    public boolean shutdown(int id) {
        brokers.requireRunning(id, true, "is already stopped");
        brokers.startControlledShutdown(id);
        long waitMs = SHUTDOWN_WAIT_FACTOR * clientConfigs().getLong(ConfigKey.BROKER_SESSION_TIMEOUT_MS);
        return runtime.awaitCondition(() -> !runtime.isRunning(Address.broker(id)), waitMs);
    }

    // ---- Network ----------------------------------------------------------------------------------

    /** Cuts a broker off, both directions; {@code peers}: for BROKERS, whom to cut it from (empty = all). */
    public String isolate(int id, IsolateFrom from, Set<Integer> peers) {
        requireNode(id);
        peers.forEach(this::requireBroker);
        return addFault(
                NetworkFaults.isolation(id, from, peers, brokers.current().keySet(), controllers.ids(), 0),
                List.of(id));
    }

    /** Like {@link #isolate}, switching on and off every {@code periodMs} (a flapping link). */
    public String flap(int id, IsolateFrom from, Set<Integer> peers, long periodMs) {
        if (periodMs < 1) {
            throw new IllegalArgumentException("the flapping period must be at least 1 ms");
        }
        requireNode(id);
        peers.forEach(this::requireBroker);
        return addFault(
                NetworkFaults.isolation(id, from, peers, brokers.current().keySet(), controllers.ids(), periodMs),
                List.of(id));
    }

    /** Splits the cluster into groups that cannot talk; the controller joins the first unless named. */
    public String partition(List<Set<Integer>> brokerGroups, int controllerGroup) {
        brokerGroups.forEach(group -> group.forEach(this::requireNode));
        List<Integer> named =
                brokerGroups.stream().flatMap(Set::stream).sorted().toList();
        return addFault(NetworkFaults.partition(brokerGroups, controllerGroup, controllers.ids()), named);
    }

    /** Applies a rule to one directed link between two nodes. */
    public void link(Address from, Address to, LinkRule rule) {
        addFault(NetworkFaults.link(from, to, rule), NetworkFaults.nodesAt(from, to));
    }

    /** @param brokers the brokers the fault is done to, for readers of the journal */
    private String addFault(NetworkFault fault, List<Integer> brokers) {
        faults.inject(new Fault.NetworkCut(fault, brokers));
        return fault.description();
    }

    public void heal() {
        faults.inject(new Fault.NetworkHeal());
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
        checks.close();
        runtime.close();
    }
}
