package leaderlab.cluster.controller;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import leaderlab.cluster.controller.PartitionChangeBuilder.Change;
import leaderlab.cluster.controller.PartitionChangeBuilder.Election;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import org.junit.jupiter.api.Test;

/** Kafka's KRaft PartitionChangeBuilder rules (reference §1.3, §1.4, §1.6), one rule per test. */
class PartitionChangeBuilderTest {

    private static final int[] NONE = Replicas.NONE;

    private static PartitionRegistration partition(
            int[] replicas, int[] isr, int leader, int leaderEpoch, int partitionEpoch) {
        return new PartitionRegistration(
                0, "t", 0, replicas, isr, leader, leaderEpoch, partitionEpoch, false, NONE, NONE);
    }

    private static int[] ids(int... ids) {
        return ids;
    }

    private static IntPredicate allBut(int... down) {
        return broker -> !Replicas.contains(down, broker);
    }

    private static PartitionRegistration built(Optional<Change> change) {
        assertTrue(change.isPresent(), "expected a change record");
        return change.get().registration();
    }

    // ---- ONLINE -------------------------------------------------------------------------------------

    @Test
    void onlineKeepsValidCurrentLeaderEvenIfNotPreferred() {
        // Leader 2 is valid: KRaft never moves leadership to a "better" replica on an ONLINE election.
        PartitionRegistration p = partition(ids(1, 2, 3), ids(2, 3, 1), 2, 4, 9);
        PartitionRegistration next = built(
                new PartitionChangeBuilder(p, allBut(3)).targetIsr(ids(2, 1)).build());
        assertEquals(2, next.leader());
        assertEquals(4, next.leaderEpoch(), "ISR shrink alone must not bump the leader epoch");
        assertEquals(10, next.partitionEpoch());
        assertArrayEquals(ids(2, 1), next.isr());
    }

    @Test
    void onlinePicksFirstValidReplicaInAssignmentOrderNotIsrOrder() {
        // ISR order is [3,2,1]; assignment order is [1,2,3]; 1 (the leader) is fenced.
        PartitionRegistration p = partition(ids(1, 2, 3), ids(3, 2, 1), 1, 0, 0);
        Optional<Change> change =
                new PartitionChangeBuilder(p, allBut(1)).targetIsr(ids(3, 2)).build();
        PartitionRegistration next = built(change);
        assertEquals(2, next.leader(), "first valid replica in assignment order [1,2,3] is 2, not ISR-first 3");
        assertEquals(1, next.leaderEpoch());
        assertEquals(1, next.partitionEpoch());
        assertArrayEquals(ids(3, 2), next.isr());
        assertFalse(next.recovering());
        assertFalse(change.get().unclean());
    }

    @Test
    void onlineSkipsReplicasThatAreAliveButNotInIsr() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 3), 1, 2, 5);
        PartitionRegistration next =
                built(new PartitionChangeBuilder(p, allBut(1)).targetIsr(ids(3)).build());
        assertEquals(3, next.leader(), "2 is alive but out of sync; 3 is the only valid candidate");
    }

    @Test
    void onlineSkipsInSyncReplicasThatAreNotAcceptable() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 2, 3), 1, 0, 0);
        // 2 is in the target ISR but not acceptable (e.g. in controlled shutdown).
        PartitionRegistration next = built(
                new PartitionChangeBuilder(p, allBut(1, 2)).targetIsr(ids(2, 3)).build());
        assertEquals(3, next.leader());
    }

    @Test
    void onlineWithNoValidCandidateGoesOfflineAndNeverWritesAnEmptyIsr() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1), 1, 3, 7);
        Optional<Change> change =
                new PartitionChangeBuilder(p, allBut(1)).targetIsr(NONE).build();
        PartitionRegistration next = built(change);
        assertEquals(PartitionRegistration.NO_LEADER, next.leader());
        assertArrayEquals(ids(1), next.isr(), "without ELR the ISR keeps its last member");
        assertEquals(4, next.leaderEpoch(), "leader -> -1 is a leader change and bumps the leader epoch");
        assertEquals(8, next.partitionEpoch());
        assertFalse(next.recovering());
        assertFalse(change.get().unclean());
    }

    @Test
    void noChangeMeansNoRecord() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 2, 3), 1, 0, 0);
        assertTrue(new PartitionChangeBuilder(p, allBut()).build().isEmpty());
        assertTrue(new PartitionChangeBuilder(p, allBut())
                .election(Election.UNCLEAN)
                .build()
                .isEmpty());
        assertTrue(new PartitionChangeBuilder(p, allBut())
                .targetIsr(ids(1, 2, 3))
                .build()
                .isEmpty());
    }

    // ---- UNCLEAN ------------------------------------------------------------------------------------

    @Test
    void uncleanFallsBackToFirstAcceptableReplicaAndMarksRecovering() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1), 1, 5, 11);
        Optional<Change> change = new PartitionChangeBuilder(p, allBut(1))
                .election(Election.UNCLEAN)
                .targetIsr(NONE)
                .build();
        PartitionRegistration next = built(change);
        assertEquals(2, next.leader());
        assertArrayEquals(ids(2), next.isr(), "an unclean election sets the ISR to the new leader alone");
        assertTrue(next.recovering(), "an unclean election sets RECOVERING");
        assertTrue(change.get().unclean());
        assertEquals(Election.UNCLEAN, change.get().election());
        assertEquals(6, next.leaderEpoch());
        assertEquals(12, next.partitionEpoch());
    }

    @Test
    void uncleanFallbackUsesAssignmentOrderAndSkipsDeadReplicas() {
        PartitionRegistration p = partition(ids(3, 1, 2), ids(3), 3, 0, 0);
        PartitionRegistration next = built(new PartitionChangeBuilder(p, allBut(3, 1))
                .election(Election.UNCLEAN)
                .targetIsr(NONE)
                .build());
        assertEquals(2, next.leader());
        assertArrayEquals(ids(2), next.isr());
    }

    @Test
    void uncleanStillPrefersACleanCandidate() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 3), 1, 0, 0);
        Optional<Change> change = new PartitionChangeBuilder(p, allBut(1))
                .election(Election.UNCLEAN)
                .targetIsr(ids(3))
                .build();
        PartitionRegistration next = built(change);
        assertEquals(3, next.leader(), "in-sync 3 wins over out-of-sync 2 even for UNCLEAN");
        assertArrayEquals(ids(3), next.isr());
        assertFalse(next.recovering());
        assertFalse(change.get().unclean());
    }

    @Test
    void uncleanWithNobodyAliveGoesOffline() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1), 1, 0, 0);
        PartitionRegistration next = built(new PartitionChangeBuilder(p, allBut(1, 2, 3))
                .election(Election.UNCLEAN)
                .targetIsr(NONE)
                .build());
        assertEquals(-1, next.leader());
        assertArrayEquals(ids(1), next.isr());
        assertFalse(next.recovering());
    }

    @Test
    void recoveringPersistsAcrossALaterCleanLeaderChange() {
        // PCBT testChangeInLeadershipDoesNotChangeRecoveryState.
        PartitionRegistration p =
                new PartitionRegistration(0, "t", 0, ids(1, 2, 3), ids(2, 3), 2, 6, 12, true, NONE, NONE);
        PartitionRegistration next =
                built(new PartitionChangeBuilder(p, allBut(2)).targetIsr(ids(3)).build());
        assertEquals(3, next.leader());
        assertTrue(next.recovering());
    }

    @Test
    void recoveredClearsRecoveringWithoutALeaderEpochBump() {
        PartitionRegistration p =
                new PartitionRegistration(0, "t", 0, ids(1, 2, 3), ids(2), 2, 6, 12, true, NONE, NONE);
        PartitionRegistration next =
                built(new PartitionChangeBuilder(p, allBut()).recovered().build());
        assertFalse(next.recovering());
        assertEquals(6, next.leaderEpoch());
        assertEquals(13, next.partitionEpoch());
    }

    // ---- PREFERRED ----------------------------------------------------------------------------------

    @Test
    void preferredPicksFirstReplicaWhenValid() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(2, 3, 1), 2, 3, 8);
        PartitionRegistration next = built(new PartitionChangeBuilder(p, allBut())
                .election(Election.PREFERRED)
                .build());
        assertEquals(1, next.leader());
        assertEquals(4, next.leaderEpoch());
        assertEquals(9, next.partitionEpoch());
        assertArrayEquals(ids(2, 3, 1), next.isr(), "a preferred election leaves the ISR alone");
    }

    @Test
    void preferredKeepsValidCurrentLeaderWhenPreferredIsNotValid() {
        // Preferred replica 1 is alive but out of sync: no change, so no record.
        PartitionRegistration p = partition(ids(1, 2, 3), ids(2, 3), 3, 3, 8);
        assertTrue(new PartitionChangeBuilder(p, allBut())
                .election(Election.PREFERRED)
                .build()
                .isEmpty());
        // Preferred replica 1 is in sync but fenced: same.
        PartitionRegistration q = partition(ids(1, 2, 3), ids(1, 2, 3), 3, 3, 8);
        assertTrue(new PartitionChangeBuilder(q, allBut(1))
                .election(Election.PREFERRED)
                .build()
                .isEmpty());
    }

    @Test
    void preferredFallsBackToFirstValidOfTheRestWhenCurrentLeaderIsInvalid() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(3, 2), -1, 3, 8);
        PartitionRegistration next = built(new PartitionChangeBuilder(p, allBut(1))
                .election(Election.PREFERRED)
                .build());
        assertEquals(2, next.leader(), "first valid of replicas[1..] in assignment order");
        assertEquals(4, next.leaderEpoch());
    }

    @Test
    void preferredWithNoValidReplicaDoesNotElectUncleanly() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1), -1, 3, 8);
        assertTrue(new PartitionChangeBuilder(p, allBut(1))
                .election(Election.PREFERRED)
                .build()
                .isEmpty());
    }

    // ---- Kafka RCM testElectUncleanLeaders_WithoutElr ---------------------------------------------

    @Test
    void fencingEveryIsrMemberLeavesLastOneInIsrWithNoLeader() {
        Set<Integer> fenced = new HashSet<>();
        IntPredicate acceptable = b -> !fenced.contains(b);
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 2, 3), 1, 0, 0);
        for (int broker : ids(2, 3, 1)) {
            fenced.add(broker);
            p = built(new PartitionChangeBuilder(p, acceptable)
                    .targetIsr(Replicas.without(p.isr(), broker))
                    .build());
        }
        assertEquals(-1, p.leader());
        assertArrayEquals(ids(1), p.isr());
        assertEquals(1, p.leaderEpoch(), "only the last step changed the leader");
        assertEquals(3, p.partitionEpoch(), "one partition epoch per record");

        // Later an UNCLEAN election (admin) once 2 is back: 2 leads alone, RECOVERING.
        fenced.remove(2);
        PartitionRegistration next = built(new PartitionChangeBuilder(p, acceptable)
                .election(Election.UNCLEAN)
                .build());
        assertEquals(2, next.leader());
        assertArrayEquals(ids(2), next.isr());
        assertTrue(next.recovering());
        // Whereas broker 1 coming back is a clean election (it is still the ISR's member).
        fenced.clear();
        PartitionRegistration clean = built(new PartitionChangeBuilder(p, acceptable).build());
        assertEquals(1, clean.leader());
        assertFalse(clean.recovering());
    }

    // ---- Epoch arithmetic --------------------------------------------------------------------------

    @Test
    void isrExpansionBumpsOnlyThePartitionEpoch() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 2), 1, 7, 20);
        PartitionRegistration next = built(
                new PartitionChangeBuilder(p, allBut()).targetIsr(ids(1, 2, 3)).build());
        assertEquals(7, next.leaderEpoch());
        assertEquals(21, next.partitionEpoch());
        assertArrayEquals(ids(1, 2, 3), next.isr());
        assertEquals(1, next.leader());
    }

    @Test
    void everyLeaderChangeBumpsBothEpochsByOne() {
        Set<Integer> fenced = new HashSet<>();
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 2, 3), 1, 0, 0);
        fenced.add(1);
        PartitionRegistration a = built(new PartitionChangeBuilder(p, b -> !fenced.contains(b))
                .targetIsr(ids(2, 3))
                .build());
        assertEquals(2, a.leader());
        assertEquals(1, a.leaderEpoch());
        assertEquals(1, a.partitionEpoch());
        fenced.clear();
        PartitionRegistration b = built(
                new PartitionChangeBuilder(a, x -> true).targetIsr(ids(2, 3, 1)).build());
        assertEquals(1, b.leaderEpoch());
        assertEquals(2, b.partitionEpoch());
        PartitionRegistration c = built(new PartitionChangeBuilder(b, x -> true)
                .election(Election.PREFERRED)
                .build());
        assertEquals(1, c.leader());
        assertEquals(2, c.leaderEpoch());
        assertEquals(3, c.partitionEpoch());
    }

    @Test
    void removingAReplicaFromTheAssignmentForcesALeaderEpochBump() {
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 2, 3), 1, 4, 9);
        Optional<Change> change = new PartitionChangeBuilder(p, allBut())
                .targetIsr(ids(1, 2))
                .targetAssignment(ids(1, 2), NONE, NONE)
                .build();
        PartitionRegistration next = built(change);
        assertEquals(1, next.leader(), "the leader stays");
        assertEquals(5, next.leaderEpoch(), "but its epoch moves so the removed replica is fenced");
        assertEquals(10, next.partitionEpoch());
        assertArrayEquals(ids(1, 2), next.replicas());
    }

    @Test
    void addingReplicasDoesNotBumpTheLeaderEpoch() {
        // Reassignment start [1,2,3] -> [1,2,3,4]: replicas stay a superset.
        PartitionRegistration p = partition(ids(1, 2, 3), ids(1, 2, 3), 1, 4, 9);
        PartitionRegistration next = built(new PartitionChangeBuilder(p, allBut())
                .targetAssignment(ids(1, 2, 3, 4), ids(4), NONE)
                .build());
        assertEquals(4, next.leaderEpoch());
        assertEquals(10, next.partitionEpoch());
        assertArrayEquals(ids(4), next.adding());
    }

    // ---- Reassignment completion (§1.4) --------------------------------------------------------------

    private static PartitionRegistration reassigning(
            int[] replicas, int[] isr, int leader, int[] adding, int[] removing) {
        return new PartitionRegistration(0, "t", 0, replicas, isr, leader, 2, 5, false, adding, removing);
    }

    @Test
    void reassignmentDoesNotCompleteUntilEveryTargetReplicaIsInSync() {
        // [1,2,3] -> [4,2,3]: replicas [4,2,3,1], adding [4], removing [1].
        PartitionRegistration p = reassigning(ids(4, 2, 3, 1), ids(1, 2, 3), 1, ids(4), ids(1));
        assertTrue(new PartitionChangeBuilder(p, allBut()).build().isEmpty());
        // An ISR shrink during the reassignment changes only the ISR.
        PartitionRegistration shrunk = built(
                new PartitionChangeBuilder(p, allBut()).targetIsr(ids(1, 2)).build());
        assertArrayEquals(ids(4, 2, 3, 1), shrunk.replicas());
        assertTrue(shrunk.isReassigning());
        assertEquals(1, shrunk.leader());
        assertEquals(2, shrunk.leaderEpoch());
    }

    @Test
    void reassignmentCompletesAndElectsFromNewReplicasWhenLeaderIsRemoved() {
        PartitionRegistration p = reassigning(ids(4, 2, 3, 1), ids(1, 2, 3), 1, ids(4), ids(1));
        PartitionRegistration next = built(new PartitionChangeBuilder(p, allBut())
                .targetIsr(ids(1, 2, 3, 4))
                .build());
        assertArrayEquals(ids(4, 2, 3), next.replicas());
        assertArrayEquals(ids(2, 3, 4), next.isr(), "newISR = targetISR - removing");
        assertArrayEquals(NONE, next.adding());
        assertArrayEquals(NONE, next.removing());
        assertEquals(4, next.leader(), "the first valid replica in target order [4,2,3]");
        assertEquals(3, next.leaderEpoch());
        assertEquals(6, next.partitionEpoch());
        assertFalse(next.isReassigning());
    }

    @Test
    void reassignmentCompletionKeepsLeaderThatStaysButStillBumpsItsEpoch() {
        // [1,2,3] -> [1,2,4]: replicas [1,2,4,3], adding [4], removing [3].
        PartitionRegistration p = reassigning(ids(1, 2, 4, 3), ids(1, 2, 3), 1, ids(4), ids(3));
        PartitionRegistration next = built(new PartitionChangeBuilder(p, allBut())
                .targetIsr(ids(1, 2, 3, 4))
                .build());
        assertArrayEquals(ids(1, 2, 4), next.replicas());
        assertArrayEquals(ids(1, 2, 4), next.isr());
        assertEquals(1, next.leader());
        assertEquals(3, next.leaderEpoch(), "replica 3 left the assignment: forced leader epoch bump");
    }

    @Test
    void removedLeaderIsDemotedAfterReassignmentEvenIfNoNewEligibleLeader() {
        // PCBT testStoppedLeaderIsDemotedAfterReassignmentCompletesEvenIfNoNewEligibleLeaders.
        PartitionRegistration p = reassigning(ids(2, 1), ids(1, 2), 1, ids(2), ids(1));
        PartitionRegistration next = built(new PartitionChangeBuilder(p, allBut(2)).build());
        assertArrayEquals(ids(2), next.replicas());
        assertArrayEquals(ids(2), next.isr());
        assertEquals(-1, next.leader());
        assertFalse(next.isReassigning());
    }

    @Test
    void reassignmentDoesNotCompleteIfTheNewIsrWouldBeEmpty() {
        // Only the removed replica is in sync: completing would leave no ISR.
        PartitionRegistration p = reassigning(ids(4, 1), ids(1), 1, ids(4), ids(1));
        assertTrue(new PartitionChangeBuilder(p, allBut()).build().isEmpty());
    }
}
