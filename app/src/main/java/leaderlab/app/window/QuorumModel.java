package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import leaderlab.cluster.quorum.LeaderState;
import leaderlab.cluster.quorum.QuorumState;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NetworkFault;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What the quorum strip shows of one snapshot, as fields (tests read these, not pixels): each controller's
 * Raft role, epoch, log end and lag, whether it is alive, and the quorum's state as a whole. Values, so two
 * frames with equal models draw the same strip and the strip redraws only when this changes.
 *
 * @param leaderId      the quorum leader, the active controller; -1 while there is none
 * @param epoch         the leader's epoch, or the highest any running controller knows while there is none
 * @param highWatermark the metadata high watermark (offsets below it are on a majority); -1 without a leader
 * @param reachable     controllers that run, are not paused, and reach a majority of the voters (themselves
 *                      included): the ones that could still form a quorum
 */
public record QuorumModel(
        List<Voter> voters, int leaderId, int epoch, long highWatermark, int majority, int reachable, State state) {

    /** Whether partition leaders can be elected (and brokers fenced) right now. */
    public enum State {
        /** A leader, the active controller, acts for the cluster. */
        LEADING,
        /** No leader yet, but a majority could elect one: an election is on. */
        ELECTING,
        /** Fewer than a majority of controllers can talk: no leader can be elected at all. */
        NO_QUORUM
    }

    /** What is really happening to a controller process, most serious first. */
    public enum Liveness {
        KILLED,
        STALLED,
        ISOLATED,
        ALIVE
    }

    /**
     * One voter.
     *
     * @param role      its Raft state (Kafka's names), null when its process is not running
     * @param endOffset its metadata log end; for a killed one, what the leader last knew; -1 unknown
     * @param lag       records behind the leader's log end; -1 when unknown (no leader, or never fetched)
     * @param cutFrom   the other controllers it cannot exchange messages with
     * @param cutFromBrokers some broker cannot reach it (no heartbeats, no metadata fetches from there)
     * @param stalledUntilMs while paused, the cluster time it resumes; else 0
     */
    public record Voter(
            int id,
            QuorumState.Role role,
            int epoch,
            int votedFor,
            long endOffset,
            long lag,
            Liveness liveness,
            List<Integer> cutFrom,
            boolean cutFromBrokers,
            long stalledUntilMs) {

        public boolean leader() {
            return role == QuorumState.Role.LEADER;
        }
    }

    public static final QuorumModel EMPTY = new QuorumModel(List.of(), -1, -1, -1, 1, 0, State.NO_QUORUM);

    public static QuorumModel of(ClusterSnapshot snapshot) {
        List<Integer> ids = snapshot.controllerIds();
        if (ids.isEmpty()) {
            return EMPTY;
        }
        QuorumView leader = snapshot.quorumLeader();
        // Raft's majority, as the quorum shell command states it.
        int majority = ids.size() / 2 + 1;
        List<Voter> voters = new ArrayList<>(ids.size());
        int reachable = 0;
        int maxEpoch = -1;
        for (int id : ids) {
            QuorumView view = view(snapshot, id);
            Cuts cuts = cuts(snapshot, id);
            Voter voter = voter(snapshot, id, view, leader, cuts);
            voters.add(voter);
            if (view != null) {
                maxEpoch = Math.max(maxEpoch, view.epoch());
            }
            if (voter.liveness() != Liveness.KILLED
                    && voter.liveness() != Liveness.STALLED
                    && ids.size() - cuts.controllers().size() >= majority) {
                reachable++;
            }
        }
        State state = leader != null ? State.LEADING : reachable >= majority ? State.ELECTING : State.NO_QUORUM;
        return new QuorumModel(
                List.copyOf(voters),
                leader == null ? -1 : leader.id(),
                leader == null ? maxEpoch : leader.epoch(),
                leader == null ? -1 : leader.highWatermark(),
                majority,
                reachable,
                state);
    }

    /** The voter with that id, or null. */
    public Voter voter(int id) {
        return voters.stream().filter(v -> v.id() == id).findFirst().orElse(null);
    }

    private static Voter voter(ClusterSnapshot snapshot, int id, QuorumView view, QuorumView leader, Cuts cuts) {
        LeaderState.VoterProgress progress =
                leader == null ? null : leader.voters().get(id);
        long end = view != null ? view.endOffset() : progress == null ? -1 : progress.endOffset();
        long lag = leader == null || end < 0 ? -1 : Math.max(0, leader.endOffset() - end);
        long stalledUntil = snapshot.controllerStalls().getOrDefault(id, 0L);
        Liveness liveness = view == null
                ? Liveness.KILLED
                : stalledUntil > snapshot.timeMs()
                        ? Liveness.STALLED
                        : cuts.controllers().isEmpty() && !cuts.brokers() ? Liveness.ALIVE : Liveness.ISOLATED;
        return new Voter(
                id,
                view == null ? null : view.role(),
                view == null ? -1 : view.epoch(),
                view == null ? -1 : view.votedFor(),
                end,
                lag,
                liveness,
                List.copyOf(cuts.controllers()),
                cuts.brokers(),
                liveness == Liveness.STALLED ? stalledUntil : 0);
    }

    private static QuorumView view(ClusterSnapshot snapshot, int id) {
        for (QuorumView view : snapshot.quorum()) {
            if (view.id() == id) {
                return view;
            }
        }
        return null;
    }

    /** The other controllers one cannot exchange messages with, and whether some broker is cut from it. */
    private record Cuts(Set<Integer> controllers, boolean brokers) {}

    /**
     * A controller's cuts at the snapshot's time: a link cut either way breaks a vote and a fetch alike.
     * Read from the faults as the network applies them (a link is cut while any active fault cuts it; a
     * flapping fault is active every other period).
     */
    private static Cuts cuts(ClusterSnapshot snapshot, int id) {
        Set<Integer> cut = new TreeSet<>();
        boolean brokers = false;
        Address self = Address.controller(id);
        for (NetworkFault fault : snapshot.faults()) {
            if (!fault.activeAt(snapshot.timeMs())) {
                continue;
            }
            for (var entry : fault.links().entrySet()) {
                Address from = entry.getKey().from();
                Address to = entry.getKey().to();
                if (!entry.getValue().cut()) {
                    continue;
                }
                Address other = from.equals(self) ? to : to.equals(self) ? from : null;
                if (other != null && other.isController()) {
                    cut.add(other.id());
                } else if (other != null && other.isBroker()) {
                    brokers = true;
                }
            }
        }
        cut.remove(id);
        return new Cuts(cut, brokers);
    }
}
