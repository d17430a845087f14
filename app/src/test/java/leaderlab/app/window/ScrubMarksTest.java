package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.Test;

/** The marks above the scrubber: a controller's failed campaigns are not elections; a won one is. */
class ScrubMarksTest {

    @Test
    void preVoteRetriesWithoutAMajorityLeaveNoMarksAndOnlyWonElectionsAreMarkedAsElections() {
        try (Cluster cluster = Cluster.start(WindowFixture.simulated(3, 0, 5))) {
            Dispatcher shell = new Dispatcher(leaderlab.app.AppCommands.registry(), new Session(cluster));
            for (String line : List.of(
                    "wait until quorum-leader is not none --timeout 3s",
                    "kill " + cluster.controllerIds().get(0),
                    "kill " + cluster.controllerIds().get(1),
                    "wait 5s",
                    "restart controllers",
                    "wait until quorum-leader is not none --timeout 10s")) {
                assertTrue(shell.execute(line).isOk(), line);
            }
            List<Event> shown = cluster.journal().since(0, e -> true);
            long campaigns = shown.stream()
                    .filter(e -> e.type() == EventType.QUORUM_ELECTION_STARTED)
                    .count();
            long won = shown.stream()
                    .filter(e -> e.type() == EventType.QUORUM_LEADER_ELECTED)
                    .count();
            assertTrue(campaigns > 2 * won, "seed 5: the lone controller retried: " + campaigns + " campaigns");
            for (Event event : shown) {
                boolean campaign =
                        event.type() == EventType.QUORUM_ELECTION_STARTED || event.type() == EventType.QUORUM_VOTE;
                assertEquals(!campaign, ScrubMarks.colourOf(event, Palette.LIGHT) != null, event.format());
            }
            long electionMarks = shown.stream()
                    .filter(e -> Palette.LIGHT.leader().equals(ScrubMarks.colourOf(e, Palette.LIGHT)))
                    .count();
            long elections = shown.stream()
                    .filter(e -> e.type() == EventType.LEADER_ELECTED || e.type() == EventType.QUORUM_LEADER_ELECTED)
                    .count();
            assertEquals(elections, electionMarks);
            assertTrue(won >= 2, "seed 5: the first leader and the one after the restart");
        }
    }
}
