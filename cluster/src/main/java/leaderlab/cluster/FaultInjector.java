package leaderlab.cluster;

import java.util.Map;
import java.util.function.Supplier;
import leaderlab.cluster.broker.BrokerStorage;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NetworkFault;
import leaderlab.cluster.runtime.NodeRuntime;

/**
 * Applies {@link Fault}s to the running cluster and journals what the operator did. Runs on the
 * command thread; a broker's own state (its disk latency) is changed on the broker's thread.
 */
final class FaultInjector {

    private final NodeRuntime runtime;
    private final Journal journal;
    private final Map<Integer, BrokerStorage> storages;
    private final GroundTruth truth;
    private final Supplier<MetadataView> metadata;
    /** Sets a running broker's append latency on its own thread. */
    private final AppendLatency appendLatency;

    @FunctionalInterface
    interface AppendLatency {
        void set(int broker, long latencyMs);
    }

    FaultInjector(
            NodeRuntime runtime,
            Journal journal,
            Map<Integer, BrokerStorage> storages,
            GroundTruth truth,
            Supplier<MetadataView> metadata,
            AppendLatency appendLatency) {
        this.runtime = runtime;
        this.journal = journal;
        this.storages = storages;
        this.truth = truth;
        this.metadata = metadata;
        this.appendLatency = appendLatency;
    }

    long inject(Fault fault) {
        return fault.applyTo(this);
    }

    /** Journals an operator action. */
    long record(EventDetail detail) {
        return journal.append(runtime.nowMs(), NodeId.OPERATOR, null, detail, "operator command", -1);
    }

    void stop(int broker) {
        runtime.stop(Address.broker(broker));
    }

    /** The broker's host lost power: clients get no answer instead of a refused connection. */
    void powerOff(int broker) {
        truth.setHostDown(broker, true);
    }

    /** The power went too: records not yet flushed (log.flush.interval.ms) are gone from the disk. */
    void loseUnflushed(int broker, long causeSeq) {
        MetadataView view = metadata.get();
        storages.get(broker).loseUnflushed().forEach((partitionId, ends) -> {
            var partition = view.partitions().get(partitionId);
            journal.append(
                    runtime.nowMs(),
                    NodeId.broker(broker),
                    new TopicPartition(partition.topic(), partition.index()),
                    new EventDetail.Truncated(
                            broker, ends[0], ends[1], -1, -1, EventDetail.TruncationReason.POWER_LOSS),
                    "power loss",
                    causeSeq);
        });
    }

    void stall(int broker, long durationMs) {
        runtime.stall(Address.broker(broker), durationMs);
    }

    void stopController(int controller) {
        runtime.stop(Address.controller(controller));
    }

    void stallController(int controller, long durationMs) {
        runtime.stall(Address.controller(controller), durationMs);
    }

    void slowDisk(int broker, long latencyMs) {
        truth.setSlowDisk(broker, latencyMs);
        if (runtime.isRunning(Address.broker(broker))) {
            appendLatency.set(broker, latencyMs);
        }
    }

    void addNetworkFault(NetworkFault fault) {
        runtime.network().add(fault);
    }

    void healNetwork() {
        runtime.network().heal();
    }
}
