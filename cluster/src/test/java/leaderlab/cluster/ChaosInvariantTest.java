package leaderlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import leaderlab.cluster.check.Ledger;
import leaderlab.cluster.check.Violation;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.ReplicaView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random faults (crashes, restarts, controlled shutdowns, network cuts, elections, and crashes,
 * pauses and cuts of the controllers) against a
 * safe configuration (RF 3, min.insync.replicas 2, acks=all, unclean disabled), with Kafka's
 * invariants checked after every step, both by this test's own checks and by the cluster's safety
 * checker, whose verdict must agree: no violation, no loss. The same faults under an unsafe
 * configuration (min.insync.replicas 1, acks=1, unclean elections) lose acknowledged records, and the
 * checker's ledger must report every loss this test sees, as unsafe and explained. Every failure
 * message carries the seed; rerun one seed with {@code -Dchaos.seed=N}, or more seeds with
 * {@code -Dchaos.count=N} (default 40).
 */
@org.junit.jupiter.api.Tag("slow")
class ChaosInvariantTest {

    private static final String T = "chaos";
    private static final int PARTITIONS = 3;
    private static final int STEPS = 100;

    static LongStream seeds() {
        String one = System.getProperty("chaos.seed");
        return one != null
                ? LongStream.of(Long.parseLong(one))
                : LongStream.rangeClosed(1, Long.getLong("chaos.count", 40));
    }

    /** offset -> record id of every acknowledged record (acks=all when safe), per partition. */
    private final List<Map<Long, Long>> acked = new ArrayList<>();
    /** Unsafe runs: acks=1 writes, unclean elections allowed and asked for. */
    private boolean unsafe;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldUnderRandomFaults(long seed) {
        Random random = new Random(seed);
        List<String> steps = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            acked.add(new HashMap<>());
        }
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, seed))) {
            TestSupport.createTopic(
                    cluster,
                    T,
                    Map.of("min.insync.replicas", "2"),
                    new int[] {1, 2, 3},
                    new int[] {2, 3, 1},
                    new int[] {3, 1, 2});
            for (int step = 0; step < STEPS; step++) {
                steps.add(step + ": " + randomStep(cluster, random));
                check(cluster, seed, steps);
            }
            // Repair everything and let the cluster settle: every partition fully replicated.
            // A broker stuck in controlled shutdown (cut off from the controller) finishes stopping
            // once healed, so restart stopped brokers a few times over.
            cluster.heal();
            restartControllers(cluster);
            for (int round = 0; round < 5; round++) {
                for (int id = 1; id <= 3; id++) {
                    if (!cluster.snapshot().broker(id).running()) {
                        cluster.restart(id);
                    }
                }
                cluster.advance(1_000);
            }
            steps.add("heal and restart everything");
            for (int p = 0; p < PARTITIONS; p++) {
                int partition = p;
                boolean settled = cluster.awaitCondition(
                        s -> {
                            var v = s.partition(T, partition);
                            return v.leader() >= 0
                                    && v.isr().length == 3
                                    && v.leo().size() == 3
                                    && v.leo().values().stream().allMatch(leo -> leo == v.highWatermark());
                        },
                        30_000);
                if (!settled) {
                    fail("seed " + seed + ": " + TestSupport.describe(cluster, T, partition) + " did not settle\n"
                            + TestSupport.describeReplicas(cluster, T, partition) + "\n"
                            + String.join("\n", steps) + "\njournal:\n" + TestSupport.journalDump(cluster));
                }
            }
            check(cluster, seed, steps);
            ClusterSnapshot s = cluster.snapshot();
            for (int p = 0; p < PARTITIONS; p++) {
                int id = s.topic(T).partitionId(p);
                LogView leader = s.replica(s.partition(T, p).leader(), id).log();
                for (int broker = 1; broker <= 3; broker++) {
                    LogView log = s.replica(broker, id).log();
                    assertEquals(
                            TestSupport.allRecordIds(leader),
                            TestSupport.allRecordIds(log),
                            "seed " + seed + ": logs differ after settling, " + T + "-" + p + " broker " + broker);
                }
            }
            // The repaired cluster takes writes again, and they are acknowledged at the log end.
            for (int p = 0; p < PARTITIONS; p++) {
                ProduceResult r = cluster.produce(T, p, 3, -1).get(0);
                // The client does not retry; an automatic rebalance may move the leader under it.
                for (int attempt = 0;
                        attempt < 3
                                && (r.error() == Errors.NOT_LEADER_OR_FOLLOWER
                                        || r.error() == Errors.LEADER_NOT_AVAILABLE);
                        attempt++) {
                    cluster.advance(500);
                    r = cluster.produce(T, p, 3, -1).get(0);
                }
                ProduceResult last = r;
                int which = p;
                assertTrue(
                        r.acknowledged(),
                        () -> "seed " + seed + ": repaired cluster rejected a write: " + last
                                + "\n" + TestSupport.describeReplicas(cluster, T, which) + "\nsteps:\n"
                                + String.join("\n", steps) + "\njournal:\n" + TestSupport.journalDump(cluster));
                assertEquals(s.partition(T, p).highWatermark(), r.baseOffset(), "seed " + seed);
                acked.get(p)
                        .put(
                                r.baseOffset(),
                                cluster.snapshot()
                                        .replica(r.leader(), s.topic(T).partitionId(p))
                                        .log()
                                        .recordIdAt(r.baseOffset()));
            }
            int total = acked.stream().mapToInt(Map::size).sum();
            assertTrue(
                    cluster.ledger().acknowledgedCount() >= total,
                    "seed " + seed + ": the ledger saw " + cluster.ledger().acknowledgedCount()
                            + " acknowledgements, this test " + total);
            System.out.println("chaos seed " + seed + ": " + total + " acknowledged records survived");
        }
    }

    /**
     * The unsafe configuration: acknowledged records are lost, and the checker's ledger reports every
     * loss this test finds on the settled leaders, as unsafe and explained; of the protocol invariants
     * only log matching may break (an unclean election rewrites committed offsets).
     */
    @Test
    void underUnsafeSettingsTheCheckerReportsEveryLoss() {
        unsafe = true;
        int seedsWithLoss = 0;
        int goneTotal = 0;
        for (long seed : seeds().toArray()) {
            acked.clear();
            Random random = new Random(seed);
            List<String> steps = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                acked.add(new HashMap<>());
            }
            try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, seed))) {
                TestSupport.createTopic(
                        cluster,
                        T,
                        Map.of("min.insync.replicas", "1", "unclean.leader.election.enable", "true"),
                        new int[] {1, 2, 3},
                        new int[] {2, 3, 1},
                        new int[] {3, 1, 2});
                for (int step = 0; step < STEPS; step++) {
                    steps.add(step + ": " + randomStep(cluster, random));
                }
                cluster.heal();
                restartControllers(cluster);
                for (int round = 0; round < 5; round++) {
                    for (int id = 1; id <= 3; id++) {
                        if (!cluster.snapshot().broker(id).running()) {
                            cluster.restart(id);
                        }
                    }
                    cluster.advance(1_000);
                }
                cluster.checkNow();
                String where = "seed " + seed + "\nsteps:\n" + String.join("\n", steps);
                List<Ledger.Loss> losses = cluster.ledger().losses();
                for (Ledger.Loss loss : losses) {
                    assertFalse(loss.safe(), where + "\na loss under unsafe settings breaks no promise: " + loss);
                    assertFalse(loss.explanation().isBlank(), where + "\nevery loss is explained: " + loss);
                    assertTrue(loss.eventSeq() >= 0, where + "\nevery loss is a journal event: " + loss);
                }
                List<String> protocolViolations = cluster.checker().violations().stream()
                        .filter(v -> !v.invariant().equals("LogMatching"))
                        .map(Violation::toString)
                        .toList();
                assertEquals(List.of(), protocolViolations, where);
                // This test's own oracle: acknowledged records missing from (or replaced on) the leader.
                ClusterSnapshot s = cluster.snapshot();
                for (int p = 0; p < PARTITIONS; p++) {
                    PartitionRegistration reg = s.metadata().partition(T, p);
                    ReplicaView leader =
                            reg.hasLeader() ? s.replica(reg.leader(), s.topic(T).partitionId(p)) : null;
                    if (leader == null) {
                        continue;
                    }
                    String name = T + "-" + p;
                    for (Map.Entry<Long, Long> e : acked.get(p).entrySet()) {
                        long offset = e.getKey();
                        long recordId = e.getValue();
                        boolean present =
                                offset < leader.endOffset() && leader.log().recordIdAt(offset) == recordId;
                        if (!present) {
                            goneTotal++;
                            assertTrue(
                                    losses.stream()
                                            .anyMatch(loss -> loss.partition().equals(name)
                                                    && loss.records().stream()
                                                            .anyMatch(a ->
                                                                    a.offset() == offset && a.recordId() == recordId)),
                                    where + "\nrecord " + recordId + " acked at " + name + "@" + offset
                                            + " is gone from leader " + reg.leader() + " but the ledger has no loss"
                                            + " for it; losses: " + losses);
                        }
                    }
                }
                if (!losses.isEmpty()) {
                    seedsWithLoss++;
                }
                System.out.println("unsafe chaos seed " + seed + ": the ledger reports " + losses.size()
                        + " loss(es) of " + cluster.ledger().lostCount() + " record(s)");
            }
        }
        System.out.println("unsafe chaos: losses on " + seedsWithLoss + " seed(s); " + goneTotal
                + " acknowledged record(s) gone from settled leaders, every one reported by the ledger");
        if (seeds().count() >= 10) {
            assertTrue(seedsWithLoss > 0, "acks=1 with unclean elections must lose acknowledged records on some seed");
            assertTrue(goneTotal > 0, "some loss must still show on the settled leaders, or the cross-check is empty");
        }
    }

    private String randomStep(Cluster cluster, Random random) {
        ClusterSnapshot s = cluster.snapshot();
        List<Integer> running = new ArrayList<>();
        List<Integer> stopped = new ArrayList<>();
        for (ClusterSnapshot.BrokerState b : s.brokers()) {
            (b.running() ? running : stopped).add(b.id());
        }
        int dice = random.nextInt(100);
        if (dice < 30) {
            int p = random.nextInt(PARTITIONS);
            int count = 1 + random.nextInt(5);
            ProduceResult r = cluster.produce(T, p, count, unsafe ? 1 : -1).get(0);
            if (r.acknowledged()) {
                int id = s.topic(T).partitionId(p);
                LogView log = cluster.snapshot().replica(r.leader(), id).log();
                for (long o = r.baseOffset(); o < r.baseOffset() + count; o++) {
                    acked.get(p).put(o, log.recordIdAt(o));
                }
            }
            return "produce " + count + (unsafe ? " acks=1" : " acks=all") + " to " + T + "-" + p + " -> " + r.error()
                    + " @" + r.baseOffset();
        } else if (dice < 36) {
            int p = random.nextInt(PARTITIONS);
            ProduceResult r = cluster.produce(T, p, 1 + random.nextInt(3), 1).get(0);
            return "produce acks=1 to " + T + "-" + p + " -> " + r.error();
        } else if (dice < 45 && !running.isEmpty()) {
            int id = running.get(random.nextInt(running.size()));
            cluster.kill(id);
            return "kill " + id;
        } else if (dice < 55 && !stopped.isEmpty()) {
            int id = stopped.get(random.nextInt(stopped.size()));
            cluster.restart(id);
            return "restart " + id;
        } else if (dice < 59 && !running.isEmpty()) {
            int id = running.get(random.nextInt(running.size()));
            return "shutdown " + id + " -> " + cluster.shutdown(id);
        } else if (dice < 68) {
            int id = 1 + random.nextInt(3);
            IsolateFrom from = IsolateFrom.values()[random.nextInt(4)];
            Set<Integer> peers = from == IsolateFrom.BROKERS && random.nextBoolean()
                    ? Set.of(1 + (id + random.nextInt(2)) % 3)
                    : Set.of();
            cluster.isolate(id, from, peers);
            return "isolate " + id + " from " + from + " " + peers;
        } else if (dice < 76) {
            cluster.heal();
            return "heal";
        } else if (dice < 80) {
            AdminOperation.ElectionType type = unsafe && random.nextBoolean()
                    ? AdminOperation.ElectionType.UNCLEAN
                    : AdminOperation.ElectionType.PREFERRED;
            var result = cluster.admin(new AdminOperation.ElectLeaders(type, null));
            return "elect " + type + " -> " + result.partitions();
        } else if (dice < 90) {
            return controllerFault(cluster, random);
        } else {
            long ms = 50 + random.nextInt(3_000);
            cluster.advance(ms);
            return "advance " + ms;
        }
    }

    /**
     * A fault on the controller quorum: a crash or restart, a pause, or a cut among the controllers or
     * between one and the brokers. Losing the quorum is allowed: no partition fails over until it is back.
     */
    private static String controllerFault(Cluster cluster, Random random) {
        List<Integer> ids = cluster.controllerIds();
        int id = ids.get(random.nextInt(ids.size()));
        boolean running = controllerRunning(cluster, id);
        switch (random.nextInt(5)) {
            case 0 -> {
                if (running) {
                    cluster.kill(id);
                    return "kill controller " + id;
                }
                cluster.restart(id);
                return "restart controller " + id;
            }
            case 1 -> {
                long ms = 100 + random.nextInt(1_500);
                if (running) {
                    cluster.stall(id, ms);
                }
                return "stall controller " + id + " " + ms + " ms" + (running ? "" : " (stopped: nothing)");
            }
            case 2 -> {
                IsolateFrom from = List.of(IsolateFrom.ALL, IsolateFrom.CONTROLLER, IsolateFrom.BROKERS)
                        .get(random.nextInt(3));
                return cluster.isolate(id, from, Set.of());
            }
            case 3 -> {
                // The controller alone, or with one broker, against the rest of the cluster.
                int broker = 1 + random.nextInt(3);
                boolean withBroker = random.nextBoolean();
                Set<Integer> rest = new java.util.TreeSet<>(Set.of(1, 2, 3));
                if (withBroker) {
                    rest.remove(broker);
                }
                return cluster.partition(List.of(withBroker ? Set.of(id, broker) : Set.of(id), rest), 1);
            }
            default -> {
                for (int other : ids) {
                    if (other != id && !controllerRunning(cluster, other)) {
                        cluster.restart(other);
                    }
                }
                if (!running) {
                    cluster.restart(id);
                }
                return "restart every stopped controller";
            }
        }
    }

    /** Every stopped controller restarted, so the repaired cluster has its whole quorum again. */
    private static void restartControllers(Cluster cluster) {
        for (int id : cluster.controllerIds()) {
            if (!controllerRunning(cluster, id)) {
                cluster.restart(id);
            }
        }
    }

    /** Its process, as the runtime knows it (a just restarted controller has published no view yet). */
    private static boolean controllerRunning(Cluster cluster, int id) {
        return cluster.runtime().isRunning(leaderlab.cluster.runtime.Address.controller(id));
    }

    private static boolean uncleanElection(Cluster cluster, String partition) {
        return TestSupport.events(
                                cluster,
                                0,
                                e -> e.type() == leaderlab.cluster.journal.EventType.LEADER_ELECTED
                                        && e.partition() != null
                                        && partition.equals(e.partition().name())
                                        && ((leaderlab.cluster.journal.EventDetail.LeaderElected) e.detail()).unclean())
                        .size()
                > 0;
    }

    private void check(Cluster cluster, long seed, List<String> steps) {
        ClusterSnapshot s = cluster.snapshot();
        TopicInfo topic = s.topic(T);
        for (int p = 0; p < PARTITIONS; p++) {
            String where = "seed " + seed + ", " + T + "-" + p + " after step " + steps.get(steps.size() - 1);
            int id = topic.partitionId(p);
            PartitionRegistration reg = s.metadata().partition(T, p);
            try {
                // Eligible leader replicas are on (Kafka 4.4's default): the ISR may empty, the ELR may not
                // overlap it, and a RECOVERING leader must come from an unclean (last-known-leader) election.
                assertTrue(Replicas.containsAll(reg.replicas(), reg.isr()), "ISR outside replicas");
                assertTrue(Replicas.containsAll(reg.replicas(), reg.elr()), "ELR outside replicas");
                assertTrue(Replicas.withoutAll(reg.elr(), reg.isr()).length == reg.elr().length, "ELR overlaps ISR");
                assertTrue(reg.elr().length == 0 || reg.isr().length < 2, "ELR while the ISR is at min ISR");
                assertTrue(!reg.hasLeader() || Replicas.contains(reg.isr(), reg.leader()), "leader not in ISR");
                assertTrue(reg.leaderEpoch() <= reg.partitionEpoch(), "leader epoch above partition epoch");
                assertTrue(
                        !reg.recovering() || uncleanElection(cluster, reg.name()),
                        "RECOVERING without any unclean election");
                Map<Integer, Integer> leaderOfEpoch = new HashMap<>();
                List<ReplicaView> replicas = new ArrayList<>();
                for (int broker : reg.replicas()) {
                    ReplicaView r = s.replica(broker, id);
                    if (r == null) {
                        continue;
                    }
                    replicas.add(r);
                    assertTrue(r.highWatermark() <= r.endOffset(), "HW above LEO on broker " + broker);
                    if ("LEADER".equals(r.role())) {
                        Integer other = leaderOfEpoch.put(r.leaderEpoch(), broker);
                        assertTrue(
                                other == null,
                                "brokers " + other + " and " + broker + " both lead at epoch " + r.leaderEpoch());
                    }
                }
                // Committed prefixes agree: below both HWs, two replicas hold the same records.
                for (int a = 0; a < replicas.size(); a++) {
                    for (int b = a + 1; b < replicas.size(); b++) {
                        LogView x = replicas.get(a).log();
                        LogView y = replicas.get(b).log();
                        long upTo = Math.min(x.highWatermark(), y.highWatermark());
                        for (long o = 0; o < upTo; o++) {
                            assertEquals(x.recordIdAt(o), y.recordIdAt(o), "committed logs disagree at offset " + o);
                        }
                    }
                }
                // Acknowledged records are on the current leader (as the controller sees it), in place.
                if (reg.hasLeader()) {
                    ReplicaView leader = s.replica(reg.leader(), id);
                    if (leader != null && leader.leaderEpoch() == reg.leaderEpoch()) {
                        for (Map.Entry<Long, Long> e : acked.get(p).entrySet()) {
                            assertTrue(
                                    e.getKey() < leader.endOffset(),
                                    "acked offset " + e.getKey() + " missing on leader " + reg.leader() + " (LEO "
                                            + leader.endOffset() + ")");
                            assertEquals(
                                    e.getValue(),
                                    leader.log().recordIdAt(e.getKey()),
                                    "acked record at offset " + e.getKey() + " replaced on leader " + reg.leader());
                        }
                    }
                }
            } catch (AssertionError e) {
                fail(
                        where + ": " + e.getMessage() + "\n" + TestSupport.describe(cluster, T, p) + "\nsteps:\n"
                                + String.join("\n", steps) + "\njournal:\n" + TestSupport.journalDump(cluster),
                        e);
            }
        }
        // The checker's own verdict agrees with the checks above: nothing violated, and nothing lost that the
        // configuration promised to keep. The run also writes a few untracked acks=1 batches; those may be
        // lost (a leader alone had them, or the last known leader is elected when the ISR and ELR are empty),
        // and the ledger must then say the configuration did not protect them.
        cluster.checkNow();
        String where = "seed " + seed + " after step " + steps.get(steps.size() - 1);
        assertEquals(List.of(), cluster.checker().violations(), where + ": the safety checker found violations");
        for (Ledger.Loss loss : cluster.ledger().losses()) {
            assertFalse(loss.safe(), where + ": lost despite the safe configuration: " + loss);
            for (Ledger.Acked record : loss.records()) {
                assertEquals(1, record.acks(), where + ": an acks=all record was lost: " + loss);
            }
        }
    }
}
