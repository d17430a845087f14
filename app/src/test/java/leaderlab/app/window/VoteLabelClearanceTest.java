package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Label;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.Event;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A KRaft controller election played on the quorum strip at 1920x1080, in the normal window and in
 * presenter mode, with three and with five controllers (and five beside a lesson's narration): at every
 * moment of the animation no vote label
 * ("pre-vote?", "pre-vote yes", "vote?", "vote yes", "vote no", "leader, epoch N") covers another, none
 * leaves the band above the cards that the arcs rise into (it would cover a card's title), and the answers
 * say which round they answer (it used to pile the labels of neighbouring arcs on top of each other). The
 * labels' type grows with the cards' in presenter mode: at least three quarters of a card's role line, as in
 * the normal window (it stayed at the normal size, 60% of the presenter role line). Geometry, as the painter
 * places it, on the window's own card anchors.
 */
class VoteLabelClearanceTest extends WindowTestBase {

    private static final long FRAME_NANOS = 40_000_000L;

    /** A vote label's type against a controller card's role line: 14 px to 18 px in the normal window. */
    private static final double LEAST_TYPE_RATIO = 0.75;

    @Test
    void threeControllersInTheNormalWindow(FxRobot robot) {
        labelsKeepClear(robot, false, 3);
    }

    @Test
    void fiveControllersInTheNormalWindow(FxRobot robot) {
        labelsKeepClear(robot, false, 5);
    }

    @Test
    void threeControllersInPresenterMode(FxRobot robot) {
        labelsKeepClear(robot, true, 3);
    }

    @Test
    void fiveControllersInPresenterMode(FxRobot robot) {
        labelsKeepClear(robot, true, 5);
    }

    /**
     * Beside a lesson's narration in presenter mode five cards are narrower than "leader, epoch 1": the
     * leader's flash over the first card reached out of the layer ("ader, epoch 1"). The lesson cluster's
     * start-up election.
     */
    @Test
    void fiveControllersBesideALessonInPresenterMode(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1920, 1080, leaderlab.lessons.LessonCommands.registry());
        presenter(robot, true, 1920, 1080);
        var lesson = new leaderlab.lessons.LessonLibrary()
                .load(Path.of(getClass().getResource("five-controllers.md").toURI())
                        .toString());
        robot.interact(() -> fixture.window.presentLesson(lesson));
        fixture.awaitFx(
                "the lesson's five controllers on screen",
                () -> fixture.window.lessonPanel().lessonCluster() != null
                        && fixture.window.quorum().cardsForTests().size() == 5
                        && fixture.window.shownSnapshot().quorumLeader() != null);
        Cluster cluster = WindowFixture.onFx(() -> fixture.window.lessonPanel().lessonCluster());
        labelsKeepClear(votesOf(cluster, 0), true, 5);
    }

    private void labelsKeepClear(FxRobot robot, boolean presenter, int controllers) {
        openWindow(robot, new ClusterOptions(3, 0, 13, true, false, controllers), 1920, 1080);
        presenter(robot, presenter, 1920, 1080);
        awaitQuorumLeader();
        long mark = fixture.cluster.journal().size();
        fixture.run("kill controller");
        fixture.run("wait 4s");
        awaitQuorumLeader();
        fixture.awaitCaughtUp(robot);
        labelsKeepClear(votesOf(fixture.cluster, mark), presenter, controllers);
    }

    /** The votes of {@code cluster}'s journal from {@code mark} on, as the strip would play them. */
    private static VoteAnimation votesOf(Cluster cluster, long mark) {
        VoteAnimation votes = new VoteAnimation();
        List<Integer> ids = cluster.controllerIds();
        for (long seq = mark; seq < cluster.journal().size(); seq++) {
            Event event = cluster.journal().get(seq);
            votes.read(event, ids);
        }
        return votes;
    }

    private void labelsKeepClear(VoteAnimation votes, boolean presenter, int controllers) {
        List<String> found = WindowFixture.onFx(() -> {
            QuorumPane quorum = fixture.window.quorum();
            List<String> problems = new ArrayList<>(typeProblems(quorum));
            ClusterLayout.Box band = quorum.voteBandForTests();
            int most = 0;
            Set<String> seen = new TreeSet<>();
            long now = 1_000_000_000L;
            for (int frame = 0; frame < 2_000 && votes.advance(now); frame++, now += FRAME_NANOS) {
                List<VoteAnimation.Label> labels = quorum.voteLabelsForTests(votes, now);
                most = Math.max(most, labels.size());
                votes.playing().forEach(signal -> seen.add(signal.label()));
                for (int i = 0; i < labels.size(); i++) {
                    VoteAnimation.Label label = labels.get(i);
                    if (!inside(label.box(), band)) {
                        problems.add("at frame " + frame + ": '"
                                + label.signal().label() + "' " + label.box() + " leaves the band " + band);
                    }
                    for (int j = 0; j < i; j++) {
                        if (overlap(label.box(), labels.get(j).box())) {
                            problems.add("at frame " + frame + ": '"
                                    + label.signal().label() + "' "
                                    + label.box() + " over '"
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
            if (most < Math.min(3, controllers - 1)) {
                problems.add("only " + most + " labels at once: the election did not play");
            }
            return problems;
        });
        assertTrue(
                found.isEmpty(),
                (presenter ? "presenter mode, " : "normal window, ") + controllers + " controllers: " + found);
    }

    /** The labels' type against the role line's of every card. */
    private List<String> typeProblems(QuorumPane quorum) {
        double labelPx = VoteAnimation.font(quorum.voteScale()).getSize();
        List<String> problems = new ArrayList<>();
        for (javafx.scene.Node node : fixture.window.scene().getRoot().lookupAll(".quorum-card-role")) {
            double rolePx = ((Label) node).getFont().getSize();
            if (labelPx < LEAST_TYPE_RATIO * rolePx) {
                problems.add("vote labels in " + labelPx + " px type beside role lines in " + rolePx + " px");
            }
        }
        return problems;
    }

    private void awaitQuorumLeader() {
        for (int step = 0; step < 50 && fixture.cluster.snapshot().quorumLeader() == null; step++) {
            fixture.run("wait 200ms");
        }
        assertTrue(fixture.cluster.snapshot().quorumLeader() != null, "a quorum leader within 10 s");
    }

    private static boolean inside(ClusterLayout.Box box, ClusterLayout.Box band) {
        return box.x() >= band.x()
                && box.y() >= band.y()
                && box.x() + box.w() <= band.x() + band.w()
                && box.y() + box.h() <= band.y() + band.h();
    }

    private static boolean overlap(ClusterLayout.Box a, ClusterLayout.Box b) {
        return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
    }
}
