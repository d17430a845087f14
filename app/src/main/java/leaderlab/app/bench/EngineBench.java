package leaderlab.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * {@code leaderlab bench}: the engine's performance targets, measured on the simulated runtime so the
 * numbers do not depend on thread scheduling. Wall time is read here, outside the engine.
 * <ul>
 *   <li>fence: with N partitions (RF 3) on 10 brokers and three controllers, the wall time from the
 *       active controller fencing a broker to every partition it led having a new leader that has
 *       published its leadership; the records reach a majority of controllers before any broker sees them;</li>
 *   <li>throughput: simulated events handled per wall second, on an idle-plus-produce cluster;</li>
 *   <li>heap: live heap after GC with 100k partitions RF 3 on 10 brokers.</li>
 * </ul>
 */
public final class EngineBench {

    private static final int PARTITIONS_PER_TOPIC = 1000;

    private final PrintStream out;

    public EngineBench(PrintStream out) {
        this.out = out;
    }

    /** Creates {@code partitions} partitions in topics of 1000 and lets the cluster settle. */
    private static void createPartitions(Cluster cluster, int partitions) {
        for (int created = 0, topic = 0; created < partitions; topic++) {
            int count = Math.min(PARTITIONS_PER_TOPIC, partitions - created);
            AdminResult result = cluster.admin(new AdminOperation.CreateTopic("t" + topic, count, 3, null, Map.of()));
            if (result.error().isError()) {
                throw new IllegalStateException(result.message());
            }
            created += count;
        }
        cluster.advance(1000);
    }

    /** Warm-up rounds before the measured fence (JMH warms up the same way, five times by default). */
    private static final int FENCE_WARM_UPS = 2;

    /**
     * Warm-up fences on a tenth of the partitions, so the JIT has compiled the failover path, then the
     * measured one.
     */
    public void fence(int partitions) {
        for (int round = 0; round < FENCE_WARM_UPS; round++) {
            fence(Math.max(1000, partitions / 10), true);
        }
        fence(partitions, false);
    }

    private void fence(int partitions, boolean warmUp) {
        try (Cluster cluster = Cluster.start(new ClusterOptions(10, 0, 1, true, false))) {
            cluster.checker().setEnabled(false);
            long setupStart = System.nanoTime();
            createPartitions(cluster, partitions);
            out.printf(
                    Locale.ROOT,
                    "fence%s: created %,d partitions (RF 3, 10 brokers, %d controllers) in %.1f s wall%n",
                    warmUp ? " warm-up" : "",
                    partitions,
                    cluster.controllerIds().size(),
                    (System.nanoTime() - setupStart) / 1e9);
            int victim = 1;
            int led = countLedBy(cluster.snapshot().metadata(), victim);
            long fromSeq = cluster.journal().size();
            cluster.kill(victim);
            // Let cluster time pass (not measured) until 1 ms before the controller's session check
            // fences the broker: its last heartbeat plus broker.session.timeout.ms. The measured window
            // then opens with the fencing decision itself.
            long sessionTimeoutMs = cluster.snapshot()
                    .metadata()
                    .configs()
                    .getLong(leaderlab.cluster.config.ConfigKey.BROKER_SESSION_TIMEOUT_MS);
            long lastContactMs = cluster.snapshot().broker(victim).session().lastContactMs();
            cluster.advance(lastContactMs + sessionTimeoutMs - 1 - cluster.nowMs());
            if (lastOf(cluster, fromSeq, EventType.BROKER_FENCED) >= 0) {
                throw new IllegalStateException("fenced before the measured window");
            }
            // Collect the setup's garbage first (as JMH does between iterations), so the window does not
            // pay for copying what creating a million partitions left in the young generation.
            usedHeapAfterGc();
            long fencedSeq = fromSeq;
            long start = System.nanoTime();
            if (!warmUp && Boolean.getBoolean("leaderlab.bench.window")) {
                out.println("window-start-epoch-ms=" + System.currentTimeMillis());
            }
            long[] scanned = {fencedSeq};
            int[] becameLeader = {0};
            long simStart = cluster.nowMs();
            cluster.runtime()
                    .awaitCondition(
                            () -> {
                                long end = cluster.journal().size();
                                for (long seq = scanned[0]; seq < end; seq++) {
                                    if (cluster.journal().get(seq).type() == EventType.BECAME_LEADER) {
                                        becameLeader[0]++;
                                    }
                                }
                                scanned[0] = end;
                                return becameLeader[0] >= led;
                            },
                            60_000);
            double wallMs = (System.nanoTime() - start) / 1e6;
            if (!warmUp && Boolean.getBoolean("leaderlab.bench.window")) {
                out.println("window-end-epoch-ms=" + System.currentTimeMillis());
            }
            ClusterSnapshot snapshot = cluster.snapshot();
            int stillLed = countLedBy(snapshot.metadata(), victim);
            out.printf(
                    Locale.ROOT,
                    "fence%s: broker %d led %,d partitions; all re-elected and published by their new "
                            + "leaders in %.0f ms wall (%d ms simulated); %d still led by it%n",
                    warmUp ? " warm-up" : "",
                    victim,
                    led,
                    wallMs,
                    cluster.nowMs() - simStart,
                    stillLed);
            if (!warmUp) {
                out.println("fence: " + committedBeforeSeen(snapshot));
            }
        }
    }

    /**
     * What the brokers acted on was committed: every broker's applied metadata is at most the quorum's high
     * watermark, which only moves once a majority of controllers has the records.
     */
    private static String committedBeforeSeen(ClusterSnapshot snapshot) {
        QuorumView leader = snapshot.quorumLeader();
        long newestApplied = snapshot.brokers().stream()
                .filter(b -> b.view().metadata() != null)
                .mapToLong(b -> b.view().metadata().offset())
                .max()
                .orElse(-1);
        if (leader == null || newestApplied > leader.highWatermark()) {
            throw new IllegalStateException(
                    "a broker applied metadata offset " + newestApplied + " beyond the quorum's high watermark "
                            + (leader == null ? "(no leader)" : leader.highWatermark()));
        }
        List<Long> logEnds =
                snapshot.quorum().stream().map(QuorumView::endOffset).toList();
        return String.format(
                Locale.ROOT,
                "metadata committed by a majority of %d controllers before brokers applied it: quorum leader %d,"
                        + " high watermark %,d, controllers' log ends %s, newest broker replay %,d",
                snapshot.controllerIds().size(),
                leader.id(),
                leader.highWatermark(),
                logEnds,
                newestApplied);
    }

    private static long lastOf(Cluster cluster, long fromSeq, EventType type) {
        List<Event> events = cluster.journal().since(fromSeq, e -> e.type() == type);
        return events.isEmpty() ? -1 : events.get(events.size() - 1).seq();
    }

    private static int countLedBy(MetadataView metadata, int broker) {
        int count = 0;
        for (int id = 0; id < metadata.partitions().size(); id++) {
            PartitionRegistration partition = metadata.partitions().get(id);
            if (partition != null && partition.leader() == broker) {
                count++;
            }
        }
        return count;
    }

    public void throughput(double simulatedSeconds) {
        try (Cluster cluster = Cluster.start(new ClusterOptions(3, 0, 1, true, false))) {
            cluster.checker().setEnabled(false);
            cluster.admin(new AdminOperation.CreateTopic("load", 30, 3, null, Map.of()));
            cluster.advance(1000);
            long events = cluster.runtime().eventsProcessed();
            long start = System.nanoTime();
            long simStart = cluster.nowMs();
            long until = simStart + (long) (simulatedSeconds * 1000);
            while (cluster.nowMs() < until) {
                cluster.produce("load", -1, 300, -1);
                cluster.advance(50);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long handled = cluster.runtime().eventsProcessed() - events;
            out.printf(
                    Locale.ROOT,
                    "throughput: %,d simulated events in %.2f s wall = %,.0f events/s "
                            + "(%.1f s of cluster time, %.0fx real time; 3 brokers, 30 partitions, produce load)%n",
                    handled,
                    wall,
                    handled / wall,
                    (cluster.nowMs() - simStart) / 1000.0,
                    (cluster.nowMs() - simStart) / 1000.0 / wall);
        }
    }

    public void heap(int partitions) {
        try (Cluster cluster = Cluster.start(new ClusterOptions(10, 0, 1, true, false))) {
            cluster.checker().setEnabled(false);
            long before = usedHeapAfterGc();
            createPartitions(cluster, partitions);
            long after = usedHeapAfterGc();
            out.printf(
                    Locale.ROOT,
                    "heap: %,d partitions RF 3 on 10 brokers use %.0f MiB of live heap "
                            + "(%.0f MiB before creating them; journal %,d events)%n",
                    partitions,
                    after / 1048576.0,
                    before / 1048576.0,
                    cluster.journal().size());
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
