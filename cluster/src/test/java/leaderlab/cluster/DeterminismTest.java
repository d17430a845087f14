package leaderlab.cluster;

import static leaderlab.cluster.TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.LinkRule;
import leaderlab.cluster.view.PartitionView;
import org.junit.jupiter.api.Test;

/** Same seed + same operations => the same run, event for event. */
class DeterminismTest {

    /**
     * A scripted run touching placement (seeded), elections of every kind, ISR changes, truncation and
     * network faults. Returns the formatted journal plus the final assignment.
     */
    static List<String> scriptedRun(long seed) {
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(4, seed))) {
            // Placement is left to the controller: it draws from the seeded random.
            assertEquals(
                    Errors.NONE,
                    cluster.admin(new AdminOperation.CreateTopic(
                                    "auto", 6, 3, null, Map.of("unclean.leader.election.enable", "true")))
                            .error());
            createTopic(cluster, "fixed", Map.of(), new int[] {1, 2, 3});
            cluster.advance(200);
            cluster.produce("auto", -1, 60, -1);
            cluster.produce("fixed", 0, 20, -1);
            cluster.isolate(2, IsolateFrom.BROKERS, Set.of(1));
            cluster.produce("fixed", 0, 10, 1);
            cluster.advance(4_000);
            cluster.isolate(1, IsolateFrom.BROKERS, Set.of());
            cluster.produce("fixed", 0, 10, 1); // acks=1 writes only broker 1 has: truncated later
            cluster.advance(300);
            cluster.kill(1);
            cluster.advance(2_000);
            cluster.heal();
            cluster.produce("auto", -1, 30, 1);
            cluster.restart(1);
            cluster.advance(3_000);
            cluster.shutdown(3);
            cluster.admin(new AdminOperation.ElectLeaders(AdminOperation.ElectionType.PREFERRED, null));
            cluster.restart(3);
            cluster.advance(8_000);
            cluster.consume("fixed", 0, true, 100);
            List<String> out = new ArrayList<>(formattedJournal(cluster));
            for (PartitionView p :
                    cluster.snapshot().partitions(cluster.snapshot().topic("auto"))) {
                out.add(p.name() + " replicas=" + java.util.Arrays.toString(p.replicas()) + " leader=" + p.leader()
                        + " epoch=" + p.leaderEpoch() + " leo=" + p.leo() + " hw=" + p.highWatermark());
            }
            out.add("topic id " + cluster.snapshot().topic("auto").topicId());
            out.add("events processed " + cluster.runtime().eventsProcessed());
            return out;
        }
    }

    @Test
    void sameSeedSameOperationsGiveAnIdenticalJournal() {
        long seed = 20240601L;
        List<String> first = scriptedRun(seed);
        List<String> second = scriptedRun(seed);
        assertTrue(first.size() > 100, "the script should produce a substantial journal, got " + first.size());
        assertTrue(
                first.stream().anyMatch(line -> line.contains("TRUNCATED") || line.contains("truncated")),
                "the script should include a truncation (seed " + seed + ")");
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            assertEquals(first.get(i), second.get(i), "runs diverge at line " + i + " (seed " + seed + ")");
        }
        assertEquals(first.size(), second.size(), "seed " + seed);
    }

    @Test
    void differentSeedsDrawDifferentTopicIds() {
        // Guards against the seed being ignored altogether.
        assertNotEquals(last(scriptedRun(1)), last(scriptedRun(2)));
    }

    private static String last(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("topic id")).findFirst().orElseThrow();
    }

    /** The placement of a topic the controller places itself, and its id, after some cluster time. */
    private static String placementAfterTraffic(long seed, boolean lossyLink) {
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(4, seed))) {
            if (lossyLink) {
                // The active controller sends heartbeat answers and metadata to broker 2 over a lossy link.
                cluster.link(
                        Address.controller(cluster.snapshot().quorumLeader().id()),
                        Address.broker(2),
                        new LinkRule(false, 0.2, 0));
            }
            cluster.advance(3_000);
            assertEquals(
                    Errors.NONE,
                    cluster.admin(new AdminOperation.CreateTopic("placed", 8, 3, null, Map.of()))
                            .error());
            StringBuilder out =
                    new StringBuilder(cluster.snapshot().topic("placed").topicId());
            for (PartitionView p :
                    cluster.snapshot().partitions(cluster.snapshot().topic("placed"))) {
                out.append(' ').append(java.util.Arrays.toString(p.replicas()));
            }
            return out.toString();
        }
    }

    @Test
    void aLossyLinkDrawsFromTheNetworkStreamNotTheSendersSoPlacementStaysPut() {
        long seed = 31;
        assertEquals(placementAfterTraffic(seed, false), placementAfterTraffic(seed, true), "seed " + seed);
    }

    @Test
    void addressHashIsValueBased() {
        // Node randoms are seeded from Address.hashCode(); it must not depend on identity hashes.
        assertEquals(Address.broker(3).hashCode(), new Address(Address.Kind.BROKER, 3).hashCode());
        assertNotEquals(Address.broker(1).hashCode(), Address.client(1).hashCode());
        assertEquals(
                Address.Kind.BROKER.ordinal() * 1_000_003 + 3, Address.broker(3).hashCode());
    }

    /** Run by {@link #sameSeedGivesTheSameRunInAnotherJvm} in a child JVM. */
    public static void main(String[] args) {
        // Consume identity hash codes first, so identity-based hashing would change the run.
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            System.identityHashCode(new Object());
        }
        scriptedRun(Long.parseLong(args[0])).forEach(System.out::println);
    }

    @Test
    void sameSeedGivesTheSameRunInAnotherJvm() throws IOException, InterruptedException {
        long seed = 77;
        List<String> here = scriptedRun(seed);
        for (int burn : new int[] {0, 1000}) {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process process = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            DeterminismTest.class.getName(),
                            Long.toString(seed),
                            Integer.toString(burn))
                    .redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
            assertEquals(0, process.exitValue(), new String(output, StandardCharsets.UTF_8));
            List<String> there =
                    new String(output, StandardCharsets.UTF_8).lines().toList();
            assertEquals(here, there, "seed " + seed + ", identity hashes burned " + burn);
        }
    }
}
