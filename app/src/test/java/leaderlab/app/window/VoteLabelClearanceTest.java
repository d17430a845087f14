package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.Event;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A KRaft controller election played on the quorum strip at 1920x1080, in the normal window and in
 * presenter mode: at every moment of the animation no vote label ("pre-vote?", "pre-vote yes", "vote?",
 * "vote yes", "vote no", "leader, epoch N") covers another, the answers say which round they answer, and each shown label sits on its own arc's path (it used to pile the labels of
 * neighbouring arcs on top of each other). Five controllers, so five asks and four answers cross.
 * Geometry, as the painter places it, on the window's own card anchors.
 */
class VoteLabelClearanceTest extends WindowTestBase {

    private static final long FRAME_NANOS = 40_000_000L;

    @Test
    void voteLabelsKeepClearInTheNormalWindow(FxRobot robot) {
        labelsKeepClear(robot, false);
    }

    @Test
    void voteLabelsKeepClearInPresenterMode(FxRobot robot) {
        labelsKeepClear(robot, true);
    }

    private void labelsKeepClear(FxRobot robot, boolean presenter) {
        openWindow(robot, new ClusterOptions(3, 0, 13, true, false, 5), 1920, 1080);
        robot.interact(() -> fixture.window.setPresenter(presenter));
        awaitQuorumLeader();
        long mark = fixture.cluster.journal().size();
        fixture.run("kill controller");
        fixture.run("wait 4s");
        awaitQuorumLeader();
        fixture.awaitCaughtUp(robot);
        VoteAnimation votes = new VoteAnimation();
        List<Integer> controllers = fixture.cluster.controllerIds();
        for (long seq = mark; seq < fixture.cluster.journal().size(); seq++) {
            Event event = fixture.cluster.journal().get(seq);
            votes.read(event, controllers);
        }
        List<String> found = WindowFixture.onFx(() -> {
            List<String> problems = new ArrayList<>();
            double zoom = fixture.window.zoom();
            int most = 0;
            java.util.Set<String> seen = new java.util.TreeSet<>();
            long now = 1_000_000_000L;
            for (int frame = 0; frame < 2_000 && votes.advance(now); frame++, now += FRAME_NANOS) {
                List<VoteAnimation.Label> labels = fixture.window.quorum().voteLabelsForTests(votes, now, zoom);
                most = Math.max(most, labels.size());
                votes.playing().forEach(signal -> seen.add(signal.label()));
                for (int i = 0; i < labels.size(); i++) {
                    for (int j = 0; j < i; j++) {
                        if (overlap(labels.get(i).box(), labels.get(j).box())) {
                            problems.add("at frame " + frame + ": '"
                                    + labels.get(i).signal().label() + "' "
                                    + labels.get(i).box() + " over '"
                                    + labels.get(j).signal().label() + "' "
                                    + labels.get(j).box());
                        }
                    }
                }
            }
            // The answers say which round they answer: a granted pre-vote is not yet a vote.
            for (String answer : List.of("pre-vote?", "pre-vote yes", "vote?", "vote yes")) {
                if (!seen.contains(answer)) {
                    problems.add("no '" + answer + "' arc among " + seen);
                }
            }
            if (seen.contains("yes")) {
                problems.add("a bare 'yes' among " + seen);
            }
            if (most < 3) {
                problems.add("only " + most + " labels at once: the election did not play");
            }
            return problems;
        });
        assertTrue(found.isEmpty(), (presenter ? "presenter mode: " : "normal window: ") + found);
    }

    private void awaitQuorumLeader() {
        for (int step = 0; step < 50 && fixture.cluster.snapshot().quorumLeader() == null; step++) {
            fixture.run("wait 200ms");
        }
        assertTrue(fixture.cluster.snapshot().quorumLeader() != null, "a quorum leader within 10 s");
    }

    private static boolean overlap(ClusterLayout.Box a, ClusterLayout.Box b) {
        return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
    }
}
