package leaderlab.kafka.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import leaderlab.cluster.ClusterOptions;
import org.junit.jupiter.api.Test;

/** compare's diff logic over hand-made observations, and the simulator side's observations as data. */
class ComparisonTest {

    private static Observation describe(int leader, List<Integer> isr, long hw) {
        SortedMap<String, String> fields = new TreeMap<>();
        Observation.partition(fields, "orders-0", leader, List.of(1, 2, 3), isr, List.of(), hw);
        return new Observation(5, "describe orders", Observation.Kind.DESCRIBE, fields);
    }

    private static Observation produce(String outcome, long first, long last, int retries) {
        SortedMap<String, String> fields = new TreeMap<>();
        Observation.produced(fields, "orders-0", outcome, first, last, 2, retries);
        return new Observation(7, "produce orders", Observation.Kind.PRODUCE, fields);
    }

    @Test
    void theSameFieldsAgreeAndIsrIsASet() {
        Comparison c =
                Comparison.of(describe(2, List.of(2, 3, 1), 100), describe(2, List.of(1, 2, 3), 100), null, -1, null);
        assertEquals(Comparison.Verdict.AGREE, c.verdict());
        assertEquals(List.of(), c.diffs());
    }

    @Test
    void aDifferenceThatVanishesAfterSettlingIsTiming() {
        Comparison c = Comparison.of(
                describe(2, List.of(2, 3), 100),
                describe(2, List.of(1, 2, 3), 100),
                describe(2, List.of(2, 3), 100),
                1_200,
                null);
        assertEquals(Comparison.Verdict.TIMING, c.verdict());
        assertEquals(1_200, c.settled());
        assertEquals(List.of(new Comparison.FieldDiff("orders-0 isr", "2,3", "1,2,3", true)), c.diffs());
    }

    @Test
    void aDifferenceThatStaysAfterSettlingDisagreesAndShowsTheLastLook() {
        Comparison c = Comparison.of(
                describe(2, List.of(2, 3), 100),
                describe(1, List.of(1, 2, 3), 100),
                describe(3, List.of(2, 3), 90),
                30_000,
                null);
        assertEquals(Comparison.Verdict.DIFFER, c.verdict());
        assertEquals(
                List.of(
                        new Comparison.FieldDiff("orders-0 hw", "100", "90", false),
                        new Comparison.FieldDiff("orders-0 leader", "2", "3", false)),
                c.diffs());
    }

    @Test
    void retriesAloneAreTimingAndAnOutcomeIsNot() {
        Comparison retries =
                Comparison.of(produce("acked", 100, 109, 15), produce("acked", 100, 109, 0), null, -1, null);
        assertEquals(Comparison.Verdict.TIMING, retries.verdict());
        assertEquals(-1, retries.settled());
        assertTrue(retries.diffs().get(0).timingOnly());

        Comparison outcome =
                Comparison.of(produce("acked", 100, 109, 0), produce("NOT_ENOUGH_REPLICAS", -1, -1, 0), null, -1, null);
        assertEquals(Comparison.Verdict.DIFFER, outcome.verdict());
        // An unacknowledged write has no offsets or leader: those fields are missing ("-") on Kafka's side.
        assertEquals(
                List.of("orders-0 leader", "orders-0 offsets", "orders-0 outcome"),
                outcome.diffs().stream().map(Comparison.FieldDiff::field).toList());
        assertEquals("-", outcome.diffs().get(0).kafka());
    }

    private static Observation election(String outcome, String leader) {
        return new Observation(
                9,
                "elect preferred --all",
                Observation.Kind.ELECT,
                new TreeMap<>(java.util.Map.of("orders-0 election", outcome, "orders-0 leader", leader)));
    }

    @Test
    void anElectionTheRebalanceRanFirstIsTimingWhenTheLeaderAgrees() {
        Comparison sameLeader = Comparison.of(election("elected", "1"), election("not needed", "1"), null, -1, null);
        assertEquals(Comparison.Verdict.TIMING, sameLeader.verdict());

        Comparison otherLeader = Comparison.of(election("elected", "1"), election("not needed", "2"), null, -1, null);
        assertEquals(Comparison.Verdict.DIFFER, otherLeader.verdict());
        assertEquals(2, otherLeader.diffs().size());
        assertTrue(otherLeader.diffs().stream().noneMatch(Comparison.FieldDiff::timingOnly));
    }

    @Test
    void theTallyCountsEachVerdict() {
        Observation sim = describe(2, List.of(2, 3), 100);
        List<Comparison> all = List.of(
                Comparison.of(sim, sim, null, -1, null),
                Comparison.of(sim, describe(2, List.of(1, 2, 3), 100), sim, 500, null),
                Comparison.of(sim, describe(3, List.of(3), 100), null, -1, null),
                Comparison.notCompared(sim, "kafka stopped following at line 4 (isolate)"));
        assertEquals(
                "1/3 observations agree, 1 differs by timing only, 1 disagrees; 1 not compared",
                CompareReport.summary(all));
    }

    @Test
    void theSimulatorSideObservesDescribeProduceElectAndExpectAsData() throws Exception {
        List<ScriptLine> script = ScriptLine.read(new BufferedReader(new StringReader(String.join(
                "\n",
                "create topic orders --replica-assignment 1:2:3  # a comment",
                "",
                "produce orders --count 10 --acks all",
                "describe orders",
                "elect preferred orders-0",
                "expect leader orders-0 is 2"))));
        List<SimulatorRun.Line> lines = SimulatorRun.run(script, new ClusterOptions(3, 0, 1, true, false, 1));
        assertEquals(
                List.of(1, 3, 4, 5, 6),
                lines.stream().map(l -> l.line().number()).toList());
        assertEquals(null, lines.get(0).observation());
        Observation produced = lines.get(1).observation();
        assertEquals("acked", produced.fields().get("orders-0 outcome"));
        assertEquals("0-9", produced.fields().get("orders-0 offsets"));
        assertEquals("1", produced.fields().get("orders-0 leader"));
        assertEquals("1,2,3", lines.get(1).before().get("orders-0 isr"));
        Observation described = lines.get(2).observation();
        assertEquals("10", described.fields().get("orders-0 hw"));
        assertEquals("none", described.fields().get("orders-0 elr"));
        assertEquals("not needed", lines.get(3).observation().fields().get("orders-0 election"));
        assertEquals("no", lines.get(4).observation().fields().get("holds"));
    }
}
