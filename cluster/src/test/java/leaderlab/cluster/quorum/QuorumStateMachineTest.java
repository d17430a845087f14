package leaderlab.cluster.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import leaderlab.cluster.metadata.MetadataRecord;
import org.junit.jupiter.api.Test;

/**
 * The Raft state machine's rules, with vectors from Kafka's own raft tests (named on each test): vote
 * granting, pre-vote, the high watermark only in the leader's epoch, and truncation on divergence.
 */
class QuorumStateMachineTest {

    private static final List<Integer> VOTERS = List.of(0, 1, 2);

    private static QuorumState unattached(int epoch) {
        QuorumState state = new QuorumState(0, VOTERS);
        state.toUnattached(epoch);
        return state;
    }

    /** Kafka UnattachedStateTest.testGrantVote: an unattached voter grants to an up-to-date log only. */
    @Test
    void unattachedGrantsOnlyToAnUpToDateLog() {
        QuorumState state = unattached(5);
        assertFalse(state.canGrantVote(1, false));
        assertTrue(state.canGrantVote(1, true));
        assertTrue(state.canGrantVote(2, true));
    }

    /** Kafka UnattachedStateTest (voted key): once voted, only the same candidate is granted again. */
    @Test
    void aVoterVotesOncePerEpoch() {
        QuorumState state = unattached(5);
        state.grantVote(1);
        assertTrue(state.canGrantVote(1, true));
        assertTrue(state.canGrantVote(1, false), "the same candidate again, as Kafka answers a retried request");
        assertFalse(state.canGrantVote(2, true));
        assertThrows(IllegalStateException.class, () -> state.grantVote(2));
        state.toUnattached(6);
        assertTrue(state.canGrantVote(2, true), "a new epoch clears the vote");
    }

    /** Kafka FollowerStateTest.testGrantVote, CandidateStateTest.testGrantVote, LeaderStateTest.testGrantVote. */
    @Test
    void followersCandidatesAndLeadersRefuseVotes() {
        QuorumState follower = new QuorumState(0, VOTERS);
        follower.toFollower(5, 1);
        assertFalse(follower.canGrantVote(2, true));
        QuorumState candidate = new QuorumState(0, VOTERS);
        candidate.toProspective();
        candidate.toCandidate();
        assertEquals(1, candidate.epoch());
        assertEquals(0, candidate.votedFor(), "a candidate votes for itself");
        assertFalse(candidate.canGrantVote(1, true));
        candidate.toLeader();
        assertFalse(candidate.canGrantVote(1, true));
    }

    /**
     * KIP-996 (Kafka KafkaRaftClientPreVoteTest.testHandlePreVoteRequestAsFollower...): a follower that
     * fetched from its leader refuses pre-votes, one that lost touch grants them to an up-to-date log.
     */
    @Test
    void preVoteIsRefusedWhileTheLeaderIsHeardFrom() {
        QuorumState follower = new QuorumState(0, VOTERS);
        follower.toFollower(5, 1);
        follower.fetchedFromLeader(true);
        assertFalse(follower.canGrantPreVote(true));
        follower.fetchedFromLeader(false);
        assertTrue(follower.canGrantPreVote(true));
        assertFalse(follower.canGrantPreVote(false));
        assertEquals(-1, follower.votedFor(), "granting a pre-vote records nothing");
        QuorumState leader = new QuorumState(0, List.of(0));
        leader.toProspective();
        leader.toCandidate();
        leader.toLeader();
        assertFalse(leader.canGrantPreVote(true));
    }

    /** Kafka LeaderStateTest.testUpdateHighWatermarkQuorumSizeThree, same offsets (epoch start 10). */
    @Test
    void highWatermarkNeedsAMajorityBeyondTheEpochStart() {
        LeaderState state = new LeaderState(0, 3, 10L, VOTERS, 0);
        assertFalse(state.updateLocalState(15L, 0));
        assertEquals(-1, state.highWatermark());
        assertFalse(state.updateReplicaState(1, 10L, 0));
        assertEquals(-1, state.highWatermark(), "10 is where this epoch starts: nothing of it is committed");
        assertFalse(state.updateReplicaState(2, 10L, 0));
        assertEquals(-1, state.highWatermark());
        assertTrue(state.updateReplicaState(2, 15L, 0));
        assertEquals(15, state.highWatermark());
        assertFalse(state.updateLocalState(20L, 0));
        assertEquals(15, state.highWatermark());
        assertTrue(state.updateReplicaState(1, 20L, 0));
        assertEquals(20, state.highWatermark());
        assertFalse(state.updateReplicaState(2, 20L, 0));
        assertEquals(20, state.highWatermark());
    }

    /** Kafka LeaderStateTest.testNonMonotonicHighWatermarkUpdate: the HW never moves back. */
    @Test
    void highWatermarkNeverMovesBack() {
        LeaderState state = new LeaderState(0, 3, 0L, VOTERS, 0);
        state.updateLocalState(15L, 0);
        state.updateReplicaState(1, 10L, 0);
        assertEquals(10, state.highWatermark());
        assertFalse(state.updateReplicaState(1, 5L, 0));
        assertEquals(10, state.highWatermark());
    }

    /** Kafka LeaderStateTest.testCheckQuorum: a leader without fetches from a majority must resign. */
    @Test
    void checkQuorumNeedsFetchesFromAMajority() {
        LeaderState state = new LeaderState(0, 3, 0L, List.of(0, 1, 2, 3, 4), 0);
        state.updateReplicaState(1, 0L, 0);
        assertFalse(state.checkQuorum(), "itself and one of five is no majority");
        state.updateReplicaState(1, 0L, 0);
        state.updateReplicaState(2, 0L, 0);
        assertTrue(state.checkQuorum());
        assertFalse(state.checkQuorum(), "each period needs fresh fetches");
    }

    private static RaftLog log(int... epochs) {
        RaftLog log = new RaftLog();
        for (int epoch : epochs) {
            log.append(epoch, new MetadataRecord.LeaderChange(0, epoch, new int[] {0}));
        }
        return log;
    }

    /** Kafka LeaderEpochFileCacheTest.shouldReturnNextAvailableEpoch... / KafkaMetadataLogTest endOffsetForEpoch. */
    @Test
    void endOffsetForEpochFindsWhereAnEpochEnds() {
        RaftLog log = log(1, 1, 3, 3, 3, 5);
        assertEquals(new OffsetAndEpoch(6, 5), log.endOffsetForEpoch(5));
        assertEquals(new OffsetAndEpoch(5, 3), log.endOffsetForEpoch(4), "largest epoch at or below 4 is 3");
        assertEquals(new OffsetAndEpoch(2, 1), log.endOffsetForEpoch(2));
        assertEquals(new OffsetAndEpoch(0, 0), log.endOffsetForEpoch(0), "below every epoch: where the first starts");
    }

    /**
     * Kafka KafkaRaftClientTest.testFetchResponseWithDivergingEpoch (follower side): a follower's
     * uncommitted suffix of an older epoch is cut at the leader's end of that epoch.
     */
    @Test
    void truncationDropsTheDivergingSuffix() {
        RaftLog follower = log(1, 1, 2, 2, 2);
        RaftLog leader = log(1, 1, 3);
        OffsetAndEpoch leaderEnd = leader.endOffsetForEpoch(follower.lastEpoch());
        assertEquals(new OffsetAndEpoch(2, 1), leaderEnd, "the leader never had epoch 2: epoch 1 ends at 2");
        OffsetAndEpoch local = follower.endOffsetForEpoch(leaderEnd.epoch());
        follower.truncateTo(Math.min(local.offset(), leaderEnd.offset()));
        assertEquals(2, follower.endOffset());
        assertEquals(1, follower.lastEpoch());
        assertEquals(List.of(new OffsetAndEpoch(0, 1)), follower.epochStarts());
        follower.append(3, new MetadataRecord.LeaderChange(0, 3, new int[] {0}));
        assertEquals(new OffsetAndEpoch(3, 3), follower.end());
    }

    /** Raft's log comparison for votes (Kafka's OffsetAndEpoch compareTo): the epoch first, then the offset. */
    @Test
    void logsCompareByEpochThenOffset() {
        assertTrue(new OffsetAndEpoch(1, 3).compareTo(new OffsetAndEpoch(100, 2)) > 0);
        assertTrue(new OffsetAndEpoch(5, 3).compareTo(new OffsetAndEpoch(6, 3)) < 0);
        assertEquals(0, new OffsetAndEpoch(6, 3).compareTo(new OffsetAndEpoch(6, 3)));
    }
}
