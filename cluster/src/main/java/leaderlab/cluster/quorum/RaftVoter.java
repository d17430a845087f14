package leaderlab.cluster.quorum;

import java.util.Set;
import java.util.TreeSet;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.QuorumEvents.ElectionTrigger;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.RaftApi.BeginQuorumEpochRequest;
import leaderlab.cluster.protocol.RaftApi.EndQuorumEpochRequest;
import leaderlab.cluster.protocol.RaftApi.QuorumFetchRequest;
import leaderlab.cluster.protocol.RaftApi.QuorumFetchResponse;
import leaderlab.cluster.protocol.RaftApi.VoteRequest;
import leaderlab.cluster.protocol.RaftApi.VoteResponse;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Message;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.runtime.Timer;

/**
 * A controller's part in the Raft quorum (after Kafka's KafkaRaftClient): elections with pre-vote
 * (timed by {@link ElectionClock}), BeginQuorumEpoch and EndQuorumEpoch, and which side of pull-based
 * replication runs: a follower's ({@link FollowerLog}, with diverging-epoch truncation) or the leader's
 * ({@link LeaderFetches}). Runs on its controller's thread; tells the controller when it gains or loses
 * the leadership and when the high watermark moves.
 */
public final class RaftVoter {

    private final NodeContext context;
    private final RaftLog log;
    private final QuorumState state;
    private final QuorumListener listener;
    private final ElectionClock clock;
    private final long fetchMaxWaitMs;
    private final Set<Integer> votes = new TreeSet<>();
    private LeaderFetches leader;
    private ElectionTrigger pendingTrigger = ElectionTrigger.ELECTION_TIMEOUT;
    private final FollowerLog follower;

    public RaftVoter(NodeContext context, QuorumStorage storage, Configs configs, QuorumListener listener) {
        this.context = context;
        this.log = storage.log();
        this.state = storage.state();
        this.listener = listener;
        this.clock = new ElectionClock(context, configs);
        this.fetchMaxWaitMs = configs.getLong(ConfigKey.METADATA_FETCH_MAX_WAIT_MS);
        this.follower = new FollowerLog(context, log, fetchMaxWaitMs);
    }

    /** Like Kafka, the only voter of a quorum elects itself at once; others wait an election timeout. */
    public void start() {
        state.restart();
        if (state.voters().size() == 1) {
            startProspective(ElectionTrigger.ELECTION_TIMEOUT);
        } else {
            clock.startElectionTimeout(true);
        }
    }

    public QuorumState state() {
        return state;
    }

    public boolean isLeader() {
        return state.role() == QuorumState.Role.LEADER;
    }

    public long highWatermark() {
        return leader != null ? Math.max(0, leader.highWatermark()) : follower.highWatermark();
    }

    public void onMessage(Address from, Message message) {
        if (message instanceof VoteRequest vote) {
            onVoteRequest(from, vote);
        } else if (message instanceof VoteResponse vote) {
            onVoteResponse(vote);
        } else if (message instanceof BeginQuorumEpochRequest begin) {
            if (begin.epoch() > state.epoch() || (begin.epoch() == state.epoch() && state.leaderId() < 0)) {
                becomeFollower(begin.epoch(), begin.leaderId());
            }
        } else if (message instanceof EndQuorumEpochRequest end) {
            onEndQuorumEpoch(end);
        } else if (message instanceof QuorumFetchRequest fetch) {
            onFetchRequest(from, fetch);
        } else if (message instanceof QuorumFetchResponse fetched) {
            onFetchResponse(fetched);
        } else {
            throw new IllegalArgumentException("not a quorum message: " + message);
        }
    }

    public boolean handles(Timer timer) {
        return timer instanceof QuorumTimers.ElectionTimer
                || timer instanceof QuorumTimers.CheckQuorum
                || timer instanceof QuorumTimers.FetchRetry
                || timer instanceof LeaderFetches.HeldFetchExpiry;
    }

    public void onTimer(Timer timer) {
        if (timer instanceof QuorumTimers.ElectionTimer election && clock.isCurrent(election)) {
            onElectionTimer(election.backoffOver());
        } else if (timer instanceof QuorumTimers.CheckQuorum check && isLeader() && check.epoch() == state.epoch()) {
            if (leader.state().checkQuorum()) {
                context.schedule(clock.checkQuorumMs(), new QuorumTimers.CheckQuorum(state.epoch()));
            } else {
                resign();
            }
        } else if (timer instanceof QuorumTimers.FetchRetry retry
                && follower.isCurrent(retry)
                && state.role() == QuorumState.Role.FOLLOWER) {
            sendFetch();
        } else if (timer instanceof LeaderFetches.HeldFetchExpiry expiry && leader != null) {
            leader.onExpiry(expiry);
        }
    }

    /** The controller appended records as leader: count its own copy and answer waiting followers. */
    public void onLocalAppend() {
        if (leader != null) {
            leader.onLocalAppend();
        }
    }

    // ---- Elections ----------------------------------------------------------------------------------

    private void onElectionTimer(boolean backoffOver) {
        switch (state.role()) {
            case UNATTACHED -> startProspective(pendingTrigger);
            case FOLLOWER ->
                startProspective(
                        pendingTrigger == ElectionTrigger.LEADER_RESIGNED
                                ? ElectionTrigger.LEADER_RESIGNED
                                : ElectionTrigger.FETCH_TIMEOUT);
            case RESIGNED -> startProspective(ElectionTrigger.LEADER_RESIGNED);
            case PROSPECTIVE, CANDIDATE -> {
                if (backoffOver) {
                    startProspective(ElectionTrigger.RETRY);
                } else {
                    if (state.role() == QuorumState.Role.CANDIDATE) {
                        state.toProspective();
                    }
                    clock.backOff();
                }
            }
            case LEADER -> {}
        }
    }

    private void startProspective(ElectionTrigger trigger) {
        pendingTrigger = ElectionTrigger.ELECTION_TIMEOUT;
        state.toProspective();
        votes.clear();
        votes.add(state.localId());
        journal(new EventDetail.QuorumElectionStarted(state.localId(), state.epoch() + 1, true, trigger));
        clock.startElectionTimeout(false);
        if (!maybeWinPreVote()) {
            broadcast(new VoteRequest(state.epoch() + 1, state.localId(), log.lastEpoch(), log.endOffset(), true));
        }
    }

    private boolean maybeWinPreVote() {
        if (votes.size() < state.majority()) {
            return false;
        }
        state.toCandidate();
        votes.clear();
        votes.add(state.localId());
        journal(new EventDetail.QuorumElectionStarted(state.localId(), state.epoch(), false, ElectionTrigger.RETRY));
        clock.startElectionTimeout(false);
        if (!maybeWinVote()) {
            broadcast(new VoteRequest(state.epoch(), state.localId(), log.lastEpoch(), log.endOffset(), false));
        }
        return true;
    }

    private boolean maybeWinVote() {
        if (votes.size() < state.majority()) {
            return false;
        }
        state.toLeader();
        clock.won();
        long epochStart = log.endOffset();
        int[] voterIds = state.voters().stream().mapToInt(Integer::intValue).toArray();
        log.append(state.epoch(), new MetadataRecord.LeaderChange(state.localId(), state.epoch(), voterIds));
        journal(new EventDetail.QuorumLeaderElected(
                state.localId(),
                state.epoch(),
                votes.stream().mapToInt(Integer::intValue).toArray()));
        leader = new LeaderFetches(
                context,
                log,
                new LeaderState(state.localId(), state.epoch(), epochStart, state.voters(), context.nowMs()),
                fetchMaxWaitMs,
                this::committed);
        broadcast(new BeginQuorumEpochRequest(state.epoch(), state.localId()));
        context.schedule(clock.checkQuorumMs(), new QuorumTimers.CheckQuorum(state.epoch()));
        listener.onBecomeLeader(state.epoch());
        leader.onLocalAppend();
        return true;
    }

    private void onVoteRequest(Address from, VoteRequest request) {
        boolean upToDate = new OffsetAndEpoch(request.lastEndOffset(), request.lastEpoch()).compareTo(log.end()) >= 0;
        boolean granted;
        if (request.preVote()) {
            // A pre-vote changes nothing here, whatever its epoch.
            granted = request.epoch() > state.epoch() && state.canGrantPreVote(upToDate);
        } else {
            if (request.epoch() > state.epoch()) {
                becomeUnattached(request.epoch());
            }
            granted = request.epoch() == state.epoch() && state.canGrantVote(request.candidateId(), upToDate);
            if (granted) {
                state.grantVote(request.candidateId());
                clock.startElectionTimeout(true);
            }
        }
        journal(new EventDetail.QuorumVote(
                state.localId(), request.candidateId(), request.epoch(), request.preVote(), granted));
        context.send(
                from, new VoteResponse(state.epoch(), state.localId(), granted, request.preVote(), state.leaderId()));
    }

    private void onVoteResponse(VoteResponse response) {
        if (response.epoch() > state.epoch()) {
            learnEpoch(response.epoch(), response.leaderId());
            return;
        }
        if (!response.granted()) {
            // A voter that still follows a live leader in our epoch: follow it too (KIP-996).
            if (state.role() == QuorumState.Role.PROSPECTIVE
                    && response.leaderId() >= 0
                    && response.epoch() == state.epoch()
                    && response.leaderId() != state.localId()) {
                becomeFollower(state.epoch(), response.leaderId());
            }
            return;
        }
        if (response.preVote() && state.role() == QuorumState.Role.PROSPECTIVE) {
            votes.add(response.voterId());
            maybeWinPreVote();
        } else if (!response.preVote()
                && state.role() == QuorumState.Role.CANDIDATE
                && response.epoch() == state.epoch()) {
            votes.add(response.voterId());
            maybeWinVote();
        }
    }

    private void onEndQuorumEpoch(EndQuorumEpochRequest end) {
        if (end.epoch() < state.epoch() || (end.epoch() == state.epoch() && state.leaderId() != end.leaderId())) {
            return;
        }
        if (end.epoch() > state.epoch()) {
            becomeUnattached(end.epoch());
        }
        state.fetchedFromLeader(false);
        pendingTrigger = ElectionTrigger.LEADER_RESIGNED;
        clock.afterResignation(end.preferredSuccessors().indexOf(state.localId()));
    }

    private void resign() {
        int[] successors = leader.state().preferredSuccessors();
        journal(new EventDetail.QuorumLeaderResigned(
                state.localId(), state.epoch(), EventDetail.ResignReason.CHECK_QUORUM));
        state.toResigned();
        dropLeadership();
        broadcast(new EndQuorumEpochRequest(
                state.epoch(),
                state.localId(),
                java.util.Arrays.stream(successors).boxed().toList()));
        clock.startElectionTimeout(true);
    }

    private void dropLeadership() {
        follower.keepHighWatermark(leader.highWatermark());
        leader = null;
        listener.onLeadershipLost();
    }

    /** Another node is in a higher epoch: follow its leader if it names one. */
    private void learnEpoch(int epoch, int leaderId) {
        if (leaderId >= 0 && leaderId != state.localId()) {
            becomeFollower(epoch, leaderId);
        } else {
            becomeUnattached(epoch);
        }
    }

    private void becomeUnattached(int epoch) {
        leaveLeadership(epoch);
        state.toUnattached(epoch);
        clock.startElectionTimeout(true);
    }

    private void becomeFollower(int epoch, int leaderId) {
        leaveLeadership(epoch);
        state.toFollower(epoch, leaderId);
        clock.startFetchTimeout();
        sendFetch();
    }

    private void leaveLeadership(int newEpoch) {
        if (leader != null) {
            journal(new EventDetail.QuorumLeaderResigned(
                    state.localId(), state.epoch(), EventDetail.ResignReason.HIGHER_EPOCH));
            dropLeadership();
        }
        if (newEpoch > state.epoch()) {
            pendingTrigger = ElectionTrigger.ELECTION_TIMEOUT;
        }
    }

    private void broadcast(Message message) {
        for (int voter : state.voters()) {
            if (voter != state.localId()) {
                context.send(Address.controller(voter), message);
            }
        }
    }

    private void journal(EventDetail detail) {
        context.journal()
                .append(
                        context.nowMs(),
                        NodeId.controller(state.localId()),
                        null,
                        detail,
                        "controller quorum (KRaft)",
                        -1);
    }

    // ---- Replication, follower side -----------------------------------------------------------------

    private void sendFetch() {
        follower.fetchFrom(state.leaderId(), state.epoch());
    }

    private void onFetchRequest(Address from, QuorumFetchRequest request) {
        if (request.epoch() > state.epoch()) {
            becomeUnattached(request.epoch());
        }
        if (leader == null) {
            context.send(
                    from,
                    QuorumFetchResponse.refused(
                            Errors.NOT_LEADER_OR_FOLLOWER,
                            state.epoch(),
                            state.leaderId(),
                            request.fetchOffset(),
                            follower.highWatermark()));
        } else if (request.epoch() < state.epoch()) {
            context.send(
                    from,
                    QuorumFetchResponse.refused(
                            Errors.FENCED_LEADER_EPOCH,
                            state.epoch(),
                            state.localId(),
                            request.fetchOffset(),
                            highWatermark()));
        } else {
            leader.onFetch(from, request);
        }
    }

    private void onFetchResponse(QuorumFetchResponse response) {
        if (response.epoch() > state.epoch()) {
            learnEpoch(response.epoch(), response.leaderId());
            return;
        }
        if (state.role() != QuorumState.Role.FOLLOWER
                || response.epoch() < state.epoch()
                || response.error() != Errors.NONE) {
            return; // stale, or a voter that cannot serve us: the fetch timeout decides what next
        }
        if (follower.accept(response)) {
            listener.onCommit(follower.highWatermark());
        }
        state.fetchedFromLeader(true);
        pendingTrigger = ElectionTrigger.FETCH_TIMEOUT;
        clock.startFetchTimeout();
        sendFetch();
    }

    private void committed(long fromOffset, long toOffset) {
        journal(new EventDetail.MetadataCommitted(state.localId(), state.epoch(), fromOffset, toOffset));
        listener.onCommit(toOffset);
    }

    /** This voter's state, immutable, for readers on other threads. */
    public QuorumView view() {
        return QuorumView.of(state, log, highWatermark(), leader, follower.lastFetchMs());
    }
}
