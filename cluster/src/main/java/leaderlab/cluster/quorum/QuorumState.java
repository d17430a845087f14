package leaderlab.cluster.quorum;

import java.util.List;

/**
 * One voter's Raft state (after Kafka's raft QuorumState and its EpochState classes): the role, the
 * epoch, whom it voted for and whom it follows. Transitions only; timers and messages are the
 * {@link RaftVoter}'s. Vote granting follows Kafka's rules so the unit tests can take their vectors from
 * Kafka's own (UnattachedStateTest, FollowerStateTest, CandidateStateTest, KafkaRaftClientPreVoteTest).
 */
public final class QuorumState {

    /** Kafka's epoch states; PROSPECTIVE is the pre-vote phase of KIP-996. */
    public enum Role {
        UNATTACHED,
        PROSPECTIVE,
        CANDIDATE,
        LEADER,
        FOLLOWER,
        RESIGNED
    }

    private final int localId;
    private final List<Integer> voters;
    private Role role = Role.UNATTACHED;
    private int epoch;
    private int votedFor = -1;
    private int leaderId = -1;
    /** As a follower: fetched successfully from the leader within the fetch timeout (KIP-996). */
    private boolean fetchedFromLeader;

    public QuorumState(int localId, List<Integer> voters) {
        this.localId = localId;
        this.voters = List.copyOf(voters);
    }

    public int localId() {
        return localId;
    }

    public List<Integer> voters() {
        return voters;
    }

    public Role role() {
        return role;
    }

    public int epoch() {
        return epoch;
    }

    public int votedFor() {
        return votedFor;
    }

    /** The leader of the current epoch if known, else -1. */
    public int leaderId() {
        return leaderId;
    }

    public int majority() {
        return LeaderState.majority(voters.size());
    }

    /** After a restart: the epoch and the vote are durable, knowing a leader is not. */
    public void restart() {
        role = Role.UNATTACHED;
        leaderId = -1;
        fetchedFromLeader = false;
    }

    public void toUnattached(int newEpoch) {
        requireEpochAtLeast(newEpoch);
        if (newEpoch > epoch) {
            votedFor = -1;
            leaderId = -1;
        }
        epoch = newEpoch;
        role = Role.UNATTACHED;
    }

    public void toFollower(int newEpoch, int leader) {
        requireEpochAtLeast(newEpoch);
        if (newEpoch > epoch) {
            votedFor = -1;
        }
        epoch = newEpoch;
        leaderId = leader;
        role = Role.FOLLOWER;
        fetchedFromLeader = false;
    }

    /** Starts a pre-vote round: the epoch does not change and nobody else's state does either. */
    public void toProspective() {
        if (role == Role.LEADER) {
            throw new IllegalStateException("a leader resigns before it campaigns");
        }
        role = Role.PROSPECTIVE;
        leaderId = -1;
    }

    /** Won the pre-vote: moves to the next epoch and votes for itself. */
    public void toCandidate() {
        epoch++;
        votedFor = localId;
        leaderId = -1;
        role = Role.CANDIDATE;
    }

    public void toLeader() {
        if (role != Role.CANDIDATE) {
            throw new IllegalStateException("only a candidate becomes leader, not a " + role);
        }
        role = Role.LEADER;
        leaderId = localId;
    }

    public void toResigned() {
        if (role != Role.LEADER) {
            throw new IllegalStateException("only a leader resigns, not a " + role);
        }
        role = Role.RESIGNED;
    }

    public void fetchedFromLeader(boolean fetched) {
        fetchedFromLeader = fetched;
    }

    private void requireEpochAtLeast(int newEpoch) {
        if (newEpoch < epoch) {
            throw new IllegalStateException("epoch " + newEpoch + " is older than the current " + epoch);
        }
    }

    /**
     * Whether to grant a vote in the current epoch (the caller has already moved to a higher request
     * epoch). Like Kafka: an unattached voter grants once, to a candidate whose log is at least as up to
     * date; a voter that knows a leader, a candidate, a leader and a resigned leader refuse.
     */
    public boolean canGrantVote(int candidateId, boolean candidateLogUpToDate) {
        return switch (role) {
            case UNATTACHED, PROSPECTIVE -> {
                if (votedFor >= 0) {
                    yield votedFor == candidateId;
                }
                yield leaderId < 0 && candidateLogUpToDate;
            }
            case FOLLOWER, CANDIDATE, LEADER, RESIGNED -> false;
        };
    }

    /**
     * Whether to grant a pre-vote (KIP-996): it changes nothing, so any voter without a live leader
     * grants it to an up-to-date log; a follower that fetched from its leader within the fetch timeout
     * refuses, so a voter that merely lost touch cannot disturb a working leader.
     */
    public boolean canGrantPreVote(boolean candidateLogUpToDate) {
        return switch (role) {
            case LEADER -> false;
            case FOLLOWER -> !fetchedFromLeader && candidateLogUpToDate;
            case UNATTACHED, PROSPECTIVE, CANDIDATE, RESIGNED -> candidateLogUpToDate;
        };
    }

    /** Records a granted vote; a voter votes at most once per epoch. */
    public void grantVote(int candidateId) {
        if (votedFor >= 0 && votedFor != candidateId) {
            throw new IllegalStateException("already voted for " + votedFor + " in epoch " + epoch);
        }
        votedFor = candidateId;
    }
}
