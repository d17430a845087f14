package leaderlab.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The leaderlab side of {@code bench failover-vs-kafka}: a live cluster (real threads, wall-clock time)
 * with the same brokers, controllers, timings and topics, an engine kill (a crash), and the leaders read
 * from the surviving brokers' replayed metadata, the leaderlab counterpart of the broker metadata cache
 * that answers Kafka's describeTopics.
 */
final class LiveFailover implements FailoverSides.Side {

    private static final long SETTLE_TIMEOUT_MS = 300_000;

    private final Cluster cluster;
    private int topics;
    private int created;

    LiveFailover(ClusterOptions options) {
        cluster = Cluster.start(options);
        // The checker is for teaching, not part of Kafka's failover path; it runs off the engine anyway.
        cluster.checker().setEnabled(false);
    }

    @Override
    public String name() {
        return "leaderlab";
    }

    @Override
    public void growTo(int partitions) throws InterruptedException {
        for (; created < partitions; topics++) {
            int count = Math.min(FailoverSides.PARTITIONS_PER_TOPIC, partitions - created);
            AdminResult result = cluster.admin(new AdminOperation.CreateTopic("t" + topics, count, 3, null, Map.of()));
            if (result.error().isError()) {
                throw new IllegalStateException("leaderlab: " + result.message());
            }
            created += count;
        }
        await(p -> p.hasLeader() && p.isr().length == p.replicas().length, "every replica in sync");
    }

    @Override
    public FailoverWatch.Timing failOnce(int victim) throws InterruptedException {
        MetadataView metadata = cluster.snapshot().metadata();
        List<Integer> led = new ArrayList<>();
        for (int id = 0; id < metadata.partitions().size(); id++) {
            PartitionRegistration partition = metadata.partitions().get(id);
            if (partition != null && partition.leader() == victim) {
                led.add(id);
            }
        }
        // The controller's metadata may be ahead of the brokers' after the last restore's preferred election.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        while (Arrays.stream(leadersOf(led, victim)).anyMatch(leader -> leader != victim)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("leaderlab: the brokers never saw broker " + victim + " lead again");
            }
            Thread.sleep(FailoverWatch.PAUSE_MS);
        }
        long killNanos = System.nanoTime();
        cluster.kill(victim);
        return FailoverWatch.watch(victim, led.size(), killNanos, () -> leadersOf(led, victim), SETTLE_TIMEOUT_MS);
    }

    @Override
    public void restore(int victim) throws InterruptedException {
        cluster.restart(victim);
        await(p -> p.isr().length == p.replicas().length, "broker " + victim + " back in every ISR");
        cluster.admin(new AdminOperation.ElectLeaders(AdminOperation.ElectionType.PREFERRED, null));
        await(PartitionRegistration::hasPreferredLeader, "every preferred leader back");
    }

    @Override
    public void close() {
        cluster.close();
    }

    /**
     * Each watched partition's leader as every surviving broker has replayed it; while two brokers still
     * disagree it counts as not moved yet (stricter than Kafka's describeTopics, which asks one broker).
     */
    private int[] leadersOf(List<Integer> watched, int victim) {
        ClusterSnapshot snapshot = cluster.snapshot();
        int[] leaders = new int[watched.size()];
        boolean first = true;
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            if (broker.id() == victim || !broker.running() || broker.view().metadata() == null) {
                continue;
            }
            MetadataView metadata = broker.view().metadata();
            for (int i = 0; i < leaders.length; i++) {
                // A broker that has not replayed the partition yet has not seen its new leader either.
                PartitionRegistration partition = metadata.partitions().get(watched.get(i));
                int leader = partition == null ? victim : partition.leader();
                leaders[i] = first || leaders[i] == leader ? leader : victim;
            }
            first = false;
        }
        return leaders;
    }

    private void await(Predicate<PartitionRegistration> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        while (!every(cluster.snapshot().metadata(), condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("leaderlab: not " + what + " after " + SETTLE_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(200);
        }
    }

    private static boolean every(MetadataView metadata, Predicate<PartitionRegistration> condition) {
        for (int id = 0; id < metadata.partitions().size(); id++) {
            PartitionRegistration partition = metadata.partitions().get(id);
            if (partition != null && !condition.test(partition)) {
                return false;
            }
        }
        return true;
    }
}
