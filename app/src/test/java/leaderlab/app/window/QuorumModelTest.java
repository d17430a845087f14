package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import leaderlab.app.AppCommands;
import leaderlab.app.window.QuorumModel.Liveness;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.quorum.QuorumState;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.Test;

/**
 * The quorum strip's model and its votes, from a real seeded cluster with three controllers: what the
 * cards say of each controller against the engine's own views, and the vote signals against the journal.
 */
class QuorumModelTest {

    private final Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 21));
    private final Dispatcher shell = new Dispatcher(AppCommands.registry(), new Session(cluster));

    private Result run(String line) {
        Result result = shell.execute(line);
        assertTrue(result.isOk(), () -> line + ": " + result.lines());
        return result;
    }

    /** Waits (in steps of cluster time, at most 10 s) until a controller leads the quorum; returns it. */
    private int activeController() {
        for (int step = 0; step < 50 && cluster.snapshot().quorumLeader() == null; step++) {
            run("wait 200ms");
        }
        assertTrue(cluster.snapshot().quorumLeader() != null, "a quorum leader within 10 s");
        return cluster.snapshot().quorumLeader().id();
    }

    @Test
    void theModelShowsTheLeaderItsEpochHighWatermarkAndEachVotersLag() {
        int leader = activeController();
        run("wait 500ms");
        var snapshot = cluster.snapshot();
        QuorumModel model = QuorumModel.of(snapshot);
        assertEquals(QuorumModel.State.LEADING, model.state());
        assertEquals(leader, model.leaderId());
        assertEquals(snapshot.quorumLeader().epoch(), model.epoch());
        assertEquals(snapshot.quorumLeader().highWatermark(), model.highWatermark());
        assertEquals(
                List.of(101, 102, 103),
                model.voters().stream().map(QuorumModel.Voter::id).toList());
        assertEquals(2, model.majority());
        assertEquals(3, model.reachable());
        for (var view : snapshot.quorum()) {
            QuorumModel.Voter voter = model.voter(view.id());
            assertEquals(view.role(), voter.role(), "role of " + view.id());
            assertEquals(view.endOffset(), voter.endOffset(), "log end of " + view.id());
            assertEquals(Math.max(0, snapshot.quorumLeader().endOffset() - view.endOffset()), voter.lag());
            assertEquals(Liveness.ALIVE, voter.liveness());
        }
    }

    @Test
    void aPausedControllerShowsAsStalledAndAnIsolatedOneAsCutOffFromTheOthers() {
        int leader = activeController();
        int follower = leader == 101 ? 102 : 101;
        int other = 101 + 102 + 103 - leader - follower;
        run("stall " + follower + " 5s");
        run("isolate " + other);
        QuorumModel model = QuorumModel.of(cluster.snapshot());
        QuorumModel.Voter paused = model.voter(follower);
        assertEquals(Liveness.STALLED, paused.liveness());
        assertTrue(paused.stalledUntilMs() > cluster.nowMs());
        QuorumModel.Voter isolated = model.voter(other);
        assertEquals(Liveness.ISOLATED, isolated.liveness());
        assertEquals(List.of(leader, follower).stream().sorted().toList(), isolated.cutFrom());
        assertTrue(isolated.cutFromBrokers());
        // The leader is cut from the isolated one and the paused one cannot answer: only it can vote.
        assertEquals(1, model.reachable());
        run("heal");
        run("wait 6s");
        assertEquals(
                Liveness.ALIVE,
                QuorumModel.of(cluster.snapshot()).voter(follower).liveness());
        assertEquals(
                Liveness.ALIVE, QuorumModel.of(cluster.snapshot()).voter(other).liveness());
    }

    @Test
    void theVotesOfAFailoverPlayAsAsksAndAnswersInJournalOrder() {
        int leader = activeController();
        long from = cluster.journal().size();
        run("kill " + leader);
        activeController();
        List<Integer> controllers = cluster.controllerIds();
        VoteAnimation votes = new VoteAnimation();
        List<Event> events = new ArrayList<>();
        for (long seq = from; seq < cluster.journal().size(); seq++) {
            Event event = cluster.journal().get(seq);
            events.add(event);
            votes.read(event, controllers);
        }
        Event firstAsk = events.stream()
                .filter(e -> e.detail() instanceof EventDetail.QuorumElectionStarted)
                .findFirst()
                .orElseThrow();
        int candidate = ((EventDetail.QuorumElectionStarted) firstAsk.detail()).controller();
        long t0 = 1_000_000_000L;
        assertTrue(votes.advance(t0));
        List<VoteAnimation.Signal> round = votes.playing();
        // The candidate asks every other voter at once, the killed one included (it will not answer).
        assertEquals(2, round.size());
        assertTrue(round.stream().allMatch(s -> s.from() == candidate && s.dashed()));
        assertEquals(
                controllers.stream().filter(c -> c != candidate).toList(),
                round.stream().map(VoteAnimation.Signal::to).toList());
        // Answers follow one gap apart, from the voters that got the request.
        long later = t0;
        boolean sawAnswer = false;
        for (int i = 0; i < 40 && votes.active(); i++) {
            later += 600_000_000L;
            votes.advance(later);
            sawAnswer |= votes.playing().stream().anyMatch(s -> !s.dashed() && s.to() >= 0 && s.from() != leader);
        }
        assertTrue(sawAnswer, "an answer from a live voter played");
        assertFalse(votes.active(), "everything played and faded");
    }

    @Test
    void losingTwoOfThreeControllersIsNoQuorumAndStopsPartitionFailover() {
        run("create topic orders --partitions 3 --replication-factor 3");
        int first = activeController();
        run("kill " + first);
        int second = activeController();
        assertNotEquals(first, second);
        run("kill " + second);
        run("wait 3s");
        QuorumModel model = QuorumModel.of(cluster.snapshot());
        assertEquals(QuorumModel.State.NO_QUORUM, model.state());
        assertEquals(-1, model.leaderId());
        assertEquals(1, model.reachable());
        assertEquals(Liveness.KILLED, model.voter(first).liveness());
        assertEquals(Liveness.KILLED, model.voter(second).liveness());
        assertNull(model.voter(second).role());
        int broker = cluster.snapshot().metadata().partition("orders", 0).leader();
        run("kill " + broker);
        run("wait 12s");
        var snapshot = cluster.snapshot();
        assertEquals(broker, snapshot.metadata().partition("orders", 0).leader(), "no controller to move it");
        assertFalse(snapshot.broker(broker).registration().fenced(), "no controller to fence it");
        assertTrue(ControllerBelief.of(snapshot, snapshot.broker(broker)) != null, "the card says so");
        QuorumModel.Voter survivor = QuorumModel.of(snapshot).voters().stream()
                .filter(v -> v.liveness() == Liveness.ALIVE)
                .findFirst()
                .orElseThrow();
        assertNotEquals(QuorumState.Role.LEADER, survivor.role());
        run("restart " + first);
        run("wait until broker " + broker + " is fenced --timeout 20s");
        assertEquals(
                QuorumModel.State.LEADING, QuorumModel.of(cluster.snapshot()).state());
        assertNotEquals(
                broker, cluster.snapshot().metadata().partition("orders", 0).leader());
    }
}
