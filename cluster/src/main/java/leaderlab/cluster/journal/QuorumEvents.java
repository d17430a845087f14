package leaderlab.cluster.journal;

import leaderlab.cluster.metadata.Replicas;

/**
 * The controller quorum's events (KIP-595 Raft, KIP-996 pre-vote): elections, votes, resignations and
 * the metadata log's commits and truncations, as typed fields like every {@link EventDetail}. Declared
 * here to keep EventDetail's file small; EventDetail extends this (memberless) interface only so that they are named
 * like every other kind ({@code EventDetail.QuorumVote}; an import needs the canonical name, e.g.
 * {@code QuorumEvents.ElectionTrigger}), and nothing else implements it.
 */
public interface QuorumEvents {

    /** Why a quorum voter started an election. */
    enum ElectionTrigger {
        ELECTION_TIMEOUT,
        FETCH_TIMEOUT,
        LEADER_RESIGNED,
        RETRY
    }

    /** Why a quorum leader stepped down. */
    enum ResignReason {
        CHECK_QUORUM,
        HIGHER_EPOCH
    }

    /** A controller asked the others for (pre-)votes; a real vote moves it to {@code epoch}. */
    record QuorumElectionStarted(int controller, int epoch, boolean preVote, ElectionTrigger trigger)
            implements EventDetail.Quorum {
        public EventType type() {
            return EventType.QUORUM_ELECTION_STARTED;
        }

        public String text() {
            return "controller " + controller
                    + (preVote ? " asks for pre-votes for epoch " : " is a candidate in epoch ") + epoch;
        }
    }

    record QuorumVote(int voter, int candidate, int epoch, boolean preVote, boolean granted)
            implements EventDetail.Quorum {
        public EventType type() {
            return EventType.QUORUM_VOTE;
        }

        public String text() {
            return "controller " + voter + (granted ? " grants " : " refuses ") + (preVote ? "a pre-vote" : "its vote")
                    + " to controller " + candidate + " for epoch " + epoch;
        }
    }

    /** @param voters the controllers that voted for it, itself included */
    record QuorumLeaderElected(int leader, int epoch, int[] voters) implements EventDetail.Quorum {
        public EventType type() {
            return EventType.QUORUM_LEADER_ELECTED;
        }

        public String text() {
            return "controller " + leader + " leads the quorum in epoch " + epoch + " with votes from "
                    + Replicas.bracketed(voters) + ": it is the active controller";
        }
    }

    record QuorumLeaderResigned(int leader, int epoch, ResignReason reason) implements EventDetail.Quorum {
        public EventType type() {
            return EventType.QUORUM_LEADER_RESIGNED;
        }

        public String text() {
            return "controller " + leader + " stops leading epoch " + epoch
                    + (reason == ResignReason.CHECK_QUORUM
                            ? ": no fetch from a majority of voters within the check-quorum time"
                            : ": a higher epoch exists");
        }
    }

    /** The metadata high watermark moved: records below {@code toOffset} are on a majority of voters. */
    record MetadataCommitted(int leader, int epoch, long fromOffset, long toOffset) implements EventDetail.Quorum {
        public EventType type() {
            return EventType.METADATA_COMMITTED;
        }

        public String text() {
            return "metadata HW " + fromOffset + " -> " + toOffset + " (epoch " + epoch
                    + "): a majority of controllers have these records, brokers may see them";
        }
    }

    /** An uncommitted suffix of a controller's metadata log was dropped: it diverged from the leader's. */
    record MetadataTruncated(int controller, long fromOffset, long toOffset, int leaderEpoch)
            implements EventDetail.Quorum {
        public EventType type() {
            return EventType.METADATA_TRUNCATED;
        }

        public String text() {
            return "controller " + controller + " truncated its metadata log " + fromOffset + " -> " + toOffset
                    + " (diverged from the leader of epoch " + leaderEpoch + ")";
        }
    }
}
