package leaderlab.cluster.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import org.junit.jupiter.api.Test;

/** A replica's role transitions, as Partition's Javadoc writes them down: the legal ones, and refusals. */
class PartitionTest {

    private static final int SELF = 1;
    private static final int[] REPLICAS = {1, 2, 3};

    private static PartitionRegistration registration(int leader, int leaderEpoch, int partitionEpoch, int... isr) {
        return new PartitionRegistration(
                0, "t", 0, REPLICAS, isr, leader, leaderEpoch, partitionEpoch, false, Replicas.NONE, Replicas.NONE);
    }

    private static Partition replica() {
        return new Partition(SELF, registration(SELF, 0, 0, 1, 2, 3), new ReplicaLog());
    }

    @Test
    void aNewReplicaLeadsOrFollowsAndLeadershipMovesOnlyWithANewerEpoch() {
        Partition p = replica();
        assertEquals(Partition.Role.OFFLINE, p.role());
        p.becomeLeader(registration(SELF, 0, 0, 1, 2, 3), 0);
        assertEquals(Partition.Role.LEADER, p.role());
        p.becomeLeader(registration(SELF, 0, 1, 1, 2), 0); // an ISR change, same epoch
        assertArrayEquals(new int[] {1, 2}, p.committedIsr());
        p.becomeFollower(registration(2, 1, 2, 2));
        assertEquals(Partition.Role.FOLLOWER, p.role());
        assertEquals(2, p.leaderId());
        p.updateState(registration(2, 1, 3, 2, 1));
        assertArrayEquals(new int[] {2, 1}, p.committedIsr());
        p.becomeFollower(registration(PartitionRegistration.NO_LEADER, 2, 4, 2));
        assertEquals(Partition.Role.OFFLINE, p.role());
        p.becomeLeader(registration(SELF, 3, 5, 1), 0);
        assertEquals(Partition.Role.LEADER, p.role());
        assertEquals(3, p.leaderEpoch());
    }

    @Test
    void anOlderOrUnchangedEpochCannotChangeTheRole() {
        Partition p = replica();
        p.becomeLeader(registration(SELF, 4, 0, 1, 2, 3), 0);
        IllegalStateException stale = assertThrows(
                IllegalStateException.class,
                () -> p.becomeFollower(registration(2, 4, 1, 2, 3)),
                "a new leader in the same epoch");
        assertTrue(stale.getMessage().contains("becomeFollower from LEADER"), stale.getMessage());
        assertThrows(IllegalStateException.class, () -> p.becomeLeader(registration(SELF, 3, 1, 1), 0), "older epoch");
        assertEquals(Partition.Role.LEADER, p.role(), "a refused transition changes nothing");
        assertEquals(4, p.leaderEpoch());

        p.becomeFollower(registration(2, 5, 1, 2, 3));
        assertThrows(
                IllegalStateException.class,
                () -> p.becomeLeader(registration(SELF, 5, 2, 1, 2), 0),
                "a follower becomes leader only in a newer epoch");
        assertThrows(
                IllegalStateException.class,
                () -> p.updateState(registration(3, 6, 2, 3)),
                "updateState may not change the leader or its epoch");
    }

    @Test
    void leaderAndFollowerTransitionsCheckWhomTheRegistrationNames() {
        Partition p = replica();
        assertThrows(IllegalStateException.class, () -> p.becomeLeader(registration(2, 1, 1, 2), 0));
        assertThrows(IllegalStateException.class, () -> p.becomeFollower(registration(SELF, 1, 1, 1)));
        assertEquals(Partition.Role.OFFLINE, p.role());
    }

    @Test
    void aStoppedReplicaNeverChangesAgain() {
        Partition p = replica();
        p.becomeFollower(registration(2, 1, 1, 2, 1));
        p.proposeIsr(new int[] {2, 1, 3});
        p.stop();
        assertEquals(Partition.Role.STOPPED, p.role());
        assertNull(p.pendingIsr());
        assertThrows(IllegalStateException.class, () -> p.becomeLeader(registration(SELF, 9, 9, 1), 0));
        assertThrows(IllegalStateException.class, () -> p.becomeFollower(registration(2, 9, 9, 2)));
        assertThrows(IllegalStateException.class, () -> p.updateState(registration(2, 1, 2, 2)));
    }

    @Test
    void anIsrProposalCountsTowardsTheMaximalIsrUntilSettled() {
        Partition p = replica();
        p.becomeLeader(registration(SELF, 0, 0, 1, 2), 0);
        p.proposeIsr(new int[] {1, 2, 3});
        assertArrayEquals(new int[] {1, 2, 3}, p.maximalIsr());
        p.settleIsrProposal();
        assertArrayEquals(new int[] {1, 2}, p.maximalIsr());
    }
}
