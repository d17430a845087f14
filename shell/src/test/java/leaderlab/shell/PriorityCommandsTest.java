package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leadership priority: demote and undemote, as the issue states them. */
class PriorityCommandsTest {

    private final ShellFixture f = new ShellFixture(21);

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void demotingTheLeaderMovesLeadershipToTheNextInSyncReplica() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("wait until isr orders-0 is 1,2,3 --timeout 5s");
        assertEquals("Demoted broker 1; moved 1 leadership(s) away.", f.text("demote 1"));
        f.ok("expect leader orders-0 is 2");
        assertTrue(f.text("why orders-0").contains("broker 1 demoted"), f.text("why orders-0"));
    }

    @Test
    void aDemotedBrokerThatIsTheOnlyInSyncReplicaStaysLeader() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("isolate 2 --from brokers:1");
        f.ok("isolate 3 --from brokers:1");
        f.ok("produce orders --count 5 --acks 1");
        f.ok("wait until isr orders-0 is 1 --timeout 10s");
        assertEquals("Demoted broker 1; moved 0 leadership(s) away.", f.text("demote 1"));
        f.ok("expect leader orders-0 is 1");
    }

    @Test
    void undemotePlusPreferredElectionRestoresTheLeader() {
        f.ok("config set auto.leader.rebalance.enable false");
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("demote 1");
        f.ok("expect leader orders-0 is 2");
        assertTrue(
                f.text("elect preferred orders-0").contains("PreferredLeaderNotAvailable"),
                "a preferred election skips a demoted preferred replica");
        f.ok("undemote 1");
        f.ok("expect leader orders-0 is 2");
        assertEquals(
                "Successfully completed leader election (PREFERRED) for partitions orders-0",
                f.text("elect preferred orders-0"));
        f.ok("expect leader orders-0 is 1");
    }

    @Test
    void automaticRebalanceRespectsDemotionAndRestartsKeepIt() {
        f.ok("create topic orders --replica-assignment 1:2:3");
        f.ok("demote 1");
        f.ok("wait 12s");
        f.ok("expect leader orders-0 is 2");
        f.ok("kill 1");
        f.ok("wait until broker 1 is fenced --timeout 5s");
        f.ok("restart 1");
        f.ok("wait until isr orders-0 is 2,3,1 --timeout 10s");
        f.ok("wait 12s");
        f.ok("expect leader orders-0 is 2");
        f.ok("undemote 1");
        f.ok("wait until leader orders-0 is 1 --timeout 15s");
    }

    @Test
    void demotingAnUnknownBrokerIsAOneLineError() {
        assertEquals(
                "error: no broker 9: brokers are 1..3",
                f.run("demote 9").lines().get(0));
    }
}
