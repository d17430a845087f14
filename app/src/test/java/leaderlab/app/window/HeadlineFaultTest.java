package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A command and a kill right after the cluster's controller election (as a lesson's step does, seconds after its cluster
 * starts) takes the headline: the election used to hold it for 3 s of cluster time, so the reveal of
 * lesson 3 showed "controller 102 leads the quorum" while broker 1 had just crashed.
 */
class HeadlineFaultTest extends WindowTestBase {

    @Test
    void aKillSoonAfterTheQuorumElectionIsTheHeadline(FxRobot robot) {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1600, 1000);
        fixture.run("wait 300ms");
        fixture.awaitCaughtUp(robot);
        fixture.awaitFx(
                "the quorum election headlined first",
                () -> fixture.window.headline().getText().contains("leads the quorum"));
        assertTrue(fixture.cluster.nowMs() < 2_000, "within the election's hold: " + fixture.cluster.nowMs());
        fixture.run("create topic orders --partitions 3");
        fixture.awaitCaughtUp(robot);
        fixture.awaitFx(
                "the operator's topic headlined",
                () -> fixture.window.headline().getText().contains("created topic orders"));
        fixture.run("kill 1");
        fixture.awaitCaughtUp(robot);
        fixture.awaitFx(
                "the kill headlined", () -> fixture.window.headline().getText().contains("broker 1 killed"));
    }
}
