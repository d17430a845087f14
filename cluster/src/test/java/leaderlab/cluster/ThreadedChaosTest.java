package leaderlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.ThreadedRuntime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random faults on real threads (brokers and controllers) for a bounded number of steps: no deadlock (the test has a timeout and
 * every wait is bounded), no handler failure, no safety violation the live checker can see, and no
 * thread left behind.
 */
@Tag("threaded")
class ThreadedChaosTest {

    private static final long SEED = 4242;
    private static final int STEPS = 60;

    @Test
    @Timeout(120)
    void randomFaultsOnRealThreads() {
        Random random = new Random(SEED);
        List<String> steps = new ArrayList<>();
        Cluster cluster = Cluster.start(new ClusterOptions(3, 0, SEED, false, false));
        ThreadedRuntime runtime = (ThreadedRuntime) cluster.runtime();
        try {
            cluster.runtime().setSpeed(4);
            TestSupport.createTopic(
                    cluster, "live", Map.of("min.insync.replicas", "2"), new int[] {1, 2, 3}, new int[] {2, 3, 1});
            for (int i = 0; i < STEPS; i++) {
                int broker = 1 + random.nextInt(3);
                int controller = cluster.controllerIds().get(random.nextInt(3));
                boolean controllerRunning = runtime.isRunning(Address.controller(controller));
                int dice = random.nextInt(13);
                if (dice < 4) {
                    cluster.produce("live", random.nextInt(2), 1 + random.nextInt(5), -1);
                    steps.add("produce");
                } else if (dice < 5 && cluster.snapshot().broker(broker).running()) {
                    cluster.kill(broker);
                    steps.add("kill " + broker);
                } else if (dice < 7 && !cluster.snapshot().broker(broker).running()) {
                    cluster.restart(broker);
                    steps.add("restart " + broker);
                } else if (dice < 8) {
                    cluster.isolate(broker, IsolateFrom.values()[random.nextInt(4)], Set.of());
                    steps.add("isolate " + broker);
                } else if (dice < 9) {
                    if (controllerRunning) {
                        cluster.kill(controller);
                    } else {
                        cluster.restart(controller);
                    }
                    steps.add((controllerRunning ? "kill " : "restart ") + controller);
                } else if (dice < 10 && controllerRunning) {
                    cluster.stall(controller, 100 + random.nextInt(800));
                    steps.add("stall " + controller);
                } else if (dice < 11) {
                    IsolateFrom from = random.nextBoolean() ? IsolateFrom.CONTROLLER : IsolateFrom.BROKERS;
                    cluster.isolate(controller, from, Set.of());
                    steps.add("isolate " + controller + " from " + from);
                } else {
                    cluster.heal();
                    steps.add("heal");
                }
                cluster.advance(50 + random.nextInt(400));
            }
            cluster.heal();
            for (int id : cluster.controllerIds()) {
                if (!runtime.isRunning(Address.controller(id))) {
                    cluster.restart(id);
                }
            }
            for (int id = 1; id <= 3; id++) {
                if (!cluster.snapshot().broker(id).running()) {
                    cluster.restart(id);
                }
            }
            boolean settled = cluster.awaitCondition(
                    s -> s.partition("live", 0).isr().length == 3
                            && s.partition("live", 1).isr().length == 3,
                    30_000);
            assertTrue(settled, "seed " + SEED + ": the cluster did not heal; steps " + steps);
            assertEquals(0, runtime.failures(), "seed " + SEED + ": a node handler threw; steps " + steps);
            assertEquals(List.of(), cluster.checker().violations(), "seed " + SEED + "; steps " + steps);
            assertEquals(0, cluster.ledger().lostCount(), "seed " + SEED + ": acks=all, min ISR 2 lost records");
        } finally {
            cluster.close();
        }
        assertEquals(0, runtime.liveThreads(), "node threads left running after close");
        assertTrue(
                Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.isAlive() && t.getName().startsWith("leaderlab-broker")),
                "broker threads leaked");
    }
}
