package leaderlab.cluster.check;

import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.quorum.OffsetAndEpoch;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The controller quorum's safety invariants (Raft's, as Kafka's raft simulation tests check them):
 * one leader per epoch, the metadata logs agree below the high watermark, no committed metadata record
 * is lost, and every broker's applied metadata is a committed prefix. Remembers the committed end it
 * has seen, so a later leader that lacks it is caught.
 */
final class QuorumChecker {

    /** How a check reports: invariant name, whether it holds, and the sentence if not. */
    interface Requirement {
        void require(String invariant, boolean holds, java.util.function.Supplier<String> message);
    }

    private final Map<Integer, Integer> leaderOfEpoch = new TreeMap<>();
    /** The highest high watermark seen, and the epoch of the record just below it. */
    private long committedOffset;

    private int committedEpoch = -1;
    /** A log holding the committed end, which every other log must agree with below it. */
    private QuorumView reference;

    void check(ClusterSnapshot snapshot, boolean exact, Requirement requirement) {
        for (QuorumView view : snapshot.quorum()) {
            if (view.isLeader()) {
                Integer earlier = leaderOfEpoch.putIfAbsent(view.epoch(), view.id());
                requirement.require(
                        "OneQuorumLeaderPerEpoch",
                        earlier == null || earlier == view.id(),
                        () -> "controllers " + earlier + " and " + view.id() + " both led epoch " + view.epoch());
            }
        }
        for (QuorumView view : snapshot.quorum()) {
            if (view.highWatermark() > committedOffset && view.endOffset() >= view.highWatermark()) {
                committedOffset = view.highWatermark();
                committedEpoch = view.epochAt(committedOffset - 1);
                reference = view;
            }
        }
        QuorumView leader = snapshot.quorumLeader();
        if (leader != null && committedOffset > 0) {
            requirement.require(
                    "CommittedMetadataKept",
                    leader.endOffset() >= committedOffset && leader.epochAt(committedOffset - 1) == committedEpoch,
                    () -> "leader " + leader.id() + " of epoch " + leader.epoch() + " lacks committed metadata offset "
                            + (committedOffset - 1) + " of epoch " + committedEpoch);
        }
        for (QuorumView view : snapshot.quorum()) {
            long below = Math.min(view.highWatermark(), committedOffset);
            requirement.require(
                    "MetadataLogMatching",
                    below <= 0 || matchesCommitted(view, below),
                    () -> "controller " + view.id() + "'s log differs from the committed one below offset " + below);
        }
        if (exact) {
            for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
                var metadata = broker.view().metadata();
                requirement.require(
                        "BrokersSeeCommittedMetadata",
                        metadata == null || metadata.offset() <= committedOffset,
                        () -> "broker " + broker.id() + " applied metadata up to " + metadata.offset() + " but only "
                                + committedOffset + " is committed");
            }
        }
    }

    /** Whether the view's epochs below {@code below} are those of the reference log (by epoch starts). */
    private boolean matchesCommitted(QuorumView view, long below) {
        for (OffsetAndEpoch start : view.epochStarts()) {
            if (start.offset() < below && reference.epochAt(start.offset()) != start.epoch()) {
                return false;
            }
        }
        return view.epochAt(below - 1) == reference.epochAt(below - 1);
    }
}
