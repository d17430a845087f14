package leaderlab.cluster.broker;

import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.protocol.ReplicaApi.DivergingEpoch;

/**
 * Follower truncation on a diverging epoch (Kafka's AbstractFetcherThread, §3.4): find the follower's
 * largest epoch not above the leader's answer and cut the log where the two stop agreeing. When the
 * follower's epoch is older it truncates to that epoch's end and asks again on the next fetch.
 */
final class Truncation {

    private Truncation() {}

    static void onDivergence(ReplicaManager manager, Partition partition, DivergingEpoch diverging, int leaderId) {
        ReplicaLog log = partition.log;
        long ownEnd = log.endOffset();
        long target;
        String rule;
        if (diverging.epoch() < 0) {
            target = Math.min(log.highWatermark(), ownEnd);
            rule = "leader " + leaderId + " has no epoch at or below ours; truncating to the high watermark";
        } else {
            int ownEpoch = log.largestEpochAtMost(diverging.epoch());
            if (ownEpoch < 0) {
                target = Math.min(diverging.endOffset(), ownEnd);
                rule = "leader " + leaderId + " says epoch " + diverging.epoch() + " ends at " + diverging.endOffset();
            } else if (ownEpoch == diverging.epoch()) {
                target = Math.min(Math.min(log.endOffsetFor(ownEpoch).endOffset(), diverging.endOffset()), ownEnd);
                rule = "leader " + leaderId + " says epoch " + diverging.epoch() + " ends at offset "
                        + diverging.endOffset();
            } else {
                target = Math.min(log.endOffsetFor(ownEpoch).endOffset(), ownEnd);
                rule = "leader " + leaderId + " does not know our epoch; truncating to the end of our epoch " + ownEpoch
                        + " and asking again";
            }
        }
        if (target < ownEnd) {
            manager.journal(
                    partition,
                    new EventDetail.Truncated(
                            manager.self,
                            ownEnd,
                            target,
                            log.view().epochAt(target),
                            log.view().epochAt(ownEnd - 1),
                            EventDetail.TruncationReason.DIVERGENCE),
                    rule);
        }
        log.truncateTo(target);
    }
}
