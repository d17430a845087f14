package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code why controller} and {@code history controller}: a controller election explained from the journal. */
class QuorumWhyTest {

    private Cluster cluster;
    private Dispatcher shell;

    @BeforeEach
    void start() {
        cluster = Cluster.start(ClusterOptions.simulated(3, 42));
        shell = new Dispatcher(CoreCommands.registry(), new Session(cluster));
        ok("wait until quorum-leader is not none --timeout 3s");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private String ok(String line) {
        Result result = shell.execute(line);
        assertEquals(Result.Status.OK, result.status(), () -> line + " -> " + result.lines());
        return String.join("\n", result.lines());
    }

    private int leader() {
        return cluster.snapshot().quorumLeader().id();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Test
    void theFirstElectionHadNoLeaderBefore() {
        JsonNode why = Parsed.json(ok("why controller --json"));
        assertEquals(leader(), why.get("leader").asInt());
        assertEquals(leader(), why.get("electedLeader").asInt());
        assertEquals("ELECTION_TIMEOUT", why.get("trigger").asText());
        assertEquals(-1, why.get("previousLeader").asInt());
        assertTrue(why.get("termEndedBy").isNull());
        assertTrue(ok("why controller").startsWith("controller " + leader() + " is the active controller"));
    }

    @Test
    void aFailoverNamesTheFetchTimeoutTheVotesAndTheKill() {
        int first = leader();
        int epoch = cluster.snapshot().quorumLeader().epoch();
        ok("kill " + first);
        ok("wait until quorum-leader is not none --timeout 3s");
        int second = leader();
        JsonNode why = Parsed.json(ok("why controller --json"));
        assertEquals(second, why.get("leader").asInt());
        assertTrue(why.get("epoch").asInt() > epoch);
        assertEquals("FETCH_TIMEOUT", why.get("trigger").asText());
        assertEquals(first, why.get("previousLeader").asInt());
        assertEquals("KILL", why.get("termEndedBy").get("kind").asText());
        assertEquals(List.of(first), ints(why.get("termEndedBy").get("brokers")));
        // Of three voters, two are a majority: the winner's own vote and one more.
        List<Integer> votes = ints(why.get("votesFrom"));
        assertEquals(1, votes.size(), why.toString());
        assertTrue(!votes.contains(first) && !votes.contains(second), why.toString());

        JsonNode history = Parsed.json(ok("history controller --json"));
        List<Integer> elected = new ArrayList<>();
        List<String> types = new ArrayList<>();
        history.forEach(e -> {
            types.add(e.get("type").asText());
            if (e.get("type").asText().equals("QUORUM_LEADER_ELECTED")) {
                elected.add(e.get("detail").get("leader").asInt());
            }
        });
        assertEquals(List.of(first, second), elected);
        assertTrue(types.indexOf("FAULT_INJECTED") < types.lastIndexOf("QUORUM_LEADER_ELECTED"), types.toString());
        assertTrue(types.contains("QUORUM_ELECTION_STARTED"), types.toString());
    }

    @Test
    void withoutAMajorityItSaysWhoIsMissingAndHowTheLastTermEnded() {
        int first = leader();
        ok("kill " + first);
        ok("wait until quorum-leader is not none --timeout 3s");
        int second = leader();
        ok("kill " + second);
        ok("wait 2s");
        JsonNode why = Parsed.json(ok("why controller --json"));
        assertEquals(-1, why.get("leader").asInt());
        assertEquals(2, why.get("majority").asInt());
        assertEquals(1, why.get("running").size());
        assertEquals(second, why.get("electedLeader").asInt());
        assertEquals("KILL", why.get("termEndedBy").get("kind").asText());
        assertEquals(List.of(second), ints(why.get("termEndedBy").get("brokers")));
        assertTrue(ok("why controller").startsWith("no active controller"));
    }

    /** The active controller cut off from the other voters by {@code line}; returns the new leader. */
    private int cutOffTheLeader(String line) {
        int first = leader();
        ok(line);
        ok("wait until quorum-leader is not " + first + " --timeout 5s");
        ok("wait until quorum-leader is not none --timeout 5s");
        return leader();
    }

    private void assertTheTermEndedByACutOf(int first) {
        JsonNode why = Parsed.json(ok("why controller --json"));
        assertEquals(first, why.get("previousLeader").asInt(), why.toString());
        assertEquals("NETWORK", why.get("termEndedBy").get("kind").asText(), why.toString());
        assertTrue(ints(why.get("termEndedBy").get("brokers")).contains(first), why.toString());
        assertTrue(ok("why controller").contains("its term ended: "), ok("why controller"));
    }

    @Test
    void linkCutsOnTheActiveControllerAreHowItsTermEnded() {
        int first = leader();
        List<Integer> others = cluster.snapshot().controllerIds().stream()
                .filter(id -> id != first)
                .toList();
        ok("link " + first + " " + others.get(0) + " --cut --both");
        int second = cutOffTheLeader("link " + first + " " + others.get(1) + " --cut --both");
        assertTrue(second != first);
        assertTheTermEndedByACutOf(first);
    }

    @Test
    void anIsolatedActiveControllerIsHowItsTermEnded() {
        int first = leader();
        int second = cutOffTheLeader("isolate " + first);
        assertTrue(second != first);
        assertTheTermEndedByACutOf(first);
    }

    @Test
    void historyAndWhyStillTakePartitions() {
        ok("create topic orders --replica-assignment 1:2:3");
        assertTrue(ok("why orders-0").startsWith("orders-0: leader 1"));
        assertTrue(ok("history orders-0").startsWith("orders-0 was created"));
    }
}
