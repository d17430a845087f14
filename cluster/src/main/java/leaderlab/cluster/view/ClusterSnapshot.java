package leaderlab.cluster.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.controller.BrokerSession;
import leaderlab.cluster.controller.ControllerView;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.runtime.NetworkFault;

/**
 * The whole cluster at one moment, immutable and cheap to make: it holds references to the latest view
 * each node published (controller truth, each broker's own state) and derives partition views on demand,
 * so building one costs O(brokers), not O(partitions).
 *
 * @param quorum        each running controller's quorum state
 * @param controllerIds every controller of the quorum, running or not
 * @param controllerStalls the paused controllers, by id, to the cluster time their pause ends: a paused
 *                      controller still publishes its last quorum view, so readers cannot tell otherwise
 */
public record ClusterSnapshot(
        long timeMs,
        boolean paused,
        ControllerView controller,
        List<BrokerState> brokers,
        List<NetworkFault> faults,
        List<QuorumView> quorum,
        List<Integer> controllerIds,
        Map<Integer, Long> controllerStalls) {

    /** A snapshot in which no controller is paused. */
    public ClusterSnapshot(
            long timeMs,
            boolean paused,
            ControllerView controller,
            List<BrokerState> brokers,
            List<NetworkFault> faults,
            List<QuorumView> quorum,
            List<Integer> controllerIds) {
        this(timeMs, paused, controller, brokers, faults, quorum, controllerIds, Map.of());
    }

    /** A snapshot without quorum views (tests of what does not concern the controllers). */
    public ClusterSnapshot(
            long timeMs,
            boolean paused,
            ControllerView controller,
            List<BrokerState> brokers,
            List<NetworkFault> faults) {
        this(timeMs, paused, controller, brokers, faults, List.of(), List.of());
    }

    /** The running controller that leads the highest epoch, or null when the quorum has no leader. */
    public QuorumView quorumLeader() {
        QuorumView leader = null;
        for (QuorumView view : quorum) {
            if (view.isLeader() && (leader == null || view.epoch() > leader.epoch())) {
                leader = view;
            }
        }
        return leader;
    }

    /**
     * One broker: whether its process runs, what it says of itself, and what the controller believes.
     *
     * @param registration the controller's record of it, null before it first registered
     */
    public record BrokerState(
            int id,
            String rack,
            boolean running,
            BrokerView view,
            BrokerRegistration registration,
            BrokerSession session,
            Reality reality) {

        public BrokerState(
                int id,
                String rack,
                boolean running,
                BrokerView view,
                BrokerRegistration registration,
                BrokerSession session) {
            this(id, rack, running, view, registration, session, Reality.HEALTHY);
        }

        /** What the controller believes: UNFENCED, FENCED, CONTROLLED_SHUTDOWN or UNREGISTERED. */
        public String registrationState() {
            return registration == null ? "UNREGISTERED" : registration.state().name();
        }

        /** One word for tables: STOPPED, STARTING, FENCED, RUNNING, SHUTTING_DOWN. */
        public String state() {
            if (!running) {
                return "STOPPED";
            }
            if (registration == null) {
                return "STARTING";
            }
            return switch (registration.state()) {
                case FENCED -> "FENCED";
                case CONTROLLED_SHUTDOWN -> "SHUTTING_DOWN";
                case UNFENCED -> "RUNNING";
            };
        }
    }

    /**
     * What is really happening to a broker, which the controller may not know: the truth beside the
     * belief in {@link BrokerState#registration()}.
     *
     * @param stalledUntilMs  a process pause lasts until this cluster time (0: not paused)
     * @param appendLatencyMs slow disk (0: healthy)
     * @param cutFromBrokers  brokers it cannot reach
     */
    public record Reality(
            long stalledUntilMs,
            long appendLatencyMs,
            boolean cutFromClients,
            boolean cutFromController,
            List<Integer> cutFromBrokers,
            boolean flapping) {

        public static final Reality HEALTHY = new Reality(0, 0, false, false, List.of(), false);

        public boolean healthy() {
            return equals(HEALTHY);
        }

        /** In words, e.g. "paused until 3.200s; clients cannot reach it". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (stalledUntilMs > 0) {
                parts.add(String.format(java.util.Locale.ROOT, "process paused until %.3fs", stalledUntilMs / 1000.0));
            }
            if (appendLatencyMs > 0) {
                parts.add("slow disk (" + appendLatencyMs + " ms per append)");
            }
            if (cutFromClients) {
                parts.add("clients cannot reach it");
            }
            if (cutFromController) {
                parts.add("cut from the controller");
            }
            if (!cutFromBrokers.isEmpty()) {
                parts.add("cut from broker(s) " + cutFromBrokers);
            }
            if (flapping) {
                parts.add("flapping link");
            }
            return parts.isEmpty() ? "healthy" : String.join("; ", parts);
        }
    }

    public MetadataView metadata() {
        return controller.metadata();
    }

    public Collection<TopicInfo> topics() {
        return metadata().topics().values();
    }

    public TopicInfo topic(String name) {
        return metadata().topics().get(name);
    }

    public BrokerState broker(int id) {
        return brokers.stream().filter(b -> b.id() == id).findFirst().orElse(null);
    }

    public PartitionView partition(String topic, int index) {
        PartitionRegistration registration = metadata().partition(topic, index);
        return registration == null ? null : view(registration);
    }

    public List<PartitionView> partitions(TopicInfo topic) {
        List<PartitionView> out = new ArrayList<>(topic.partitionCount());
        for (int p = 0; p < topic.partitionCount(); p++) {
            out.add(view(metadata().partitions().get(topic.partitionId(p))));
        }
        return out;
    }

    /** A replica's state as its broker published it, or null if it has none. */
    public ReplicaView replica(int broker, int partitionId) {
        BrokerState state = broker(broker);
        return state == null ? null : state.view().replicas().get(partitionId);
    }

    private PartitionView view(PartitionRegistration registration) {
        Map<Integer, Long> leo = new TreeMap<>();
        long highWatermark = -1;
        for (int broker : registration.replicas()) {
            ReplicaView replica = replica(broker, registration.id());
            if (replica != null) {
                leo.put(broker, replica.endOffset());
                highWatermark = Math.max(highWatermark, replica.highWatermark());
            }
        }
        ReplicaView leader = registration.hasLeader() ? replica(registration.leader(), registration.id()) : null;
        if (leader != null && "LEADER".equals(leader.role())) {
            highWatermark = leader.highWatermark();
        }
        return new PartitionView(
                registration.topic(),
                registration.index(),
                registration.leader(),
                registration.leaderEpoch(),
                registration.partitionEpoch(),
                registration.replicas(),
                registration.isr(),
                registration.adding(),
                registration.removing(),
                registration.recovering(),
                Math.max(0, highWatermark),
                leo,
                !registration.hasLeader(),
                registration.elr(),
                registration.lastKnownElr());
    }
}
