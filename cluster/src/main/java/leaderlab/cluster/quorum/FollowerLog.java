package leaderlab.cluster.quorum;

import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.protocol.RaftApi.QuorumFetchRequest;
import leaderlab.cluster.protocol.RaftApi.QuorumFetchResponse;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NodeContext;

/**
 * A follower voter's side of replication: it fetches from the leader, and handles the answer (Kafka's
 * KafkaRaftClient.handleFetchResponse): append the leader's records, or truncate where its log
 * diverges, and follow the leader's high watermark.
 */
final class FollowerLog {

    private final NodeContext context;
    private final RaftLog log;
    private final long fetchMaxWaitMs;
    private long fetchGeneration;
    private long highWatermark;
    private long lastFetchMs = -1;

    FollowerLog(NodeContext context, RaftLog log, long fetchMaxWaitMs) {
        this.context = context;
        this.log = log;
        this.fetchMaxWaitMs = fetchMaxWaitMs;
    }

    /** Asks the leader for what follows this log's end (Kafka's pull-based replication). */
    void fetchFrom(int leaderId, int epoch) {
        context.send(
                Address.controller(leaderId),
                new QuorumFetchRequest(epoch, context.self().id(), log.endOffset(), log.lastEpoch()));
        // Held at most fetchMaxWaitMs by the leader; no answer in three times that means it was lost.
        context.schedule(3 * fetchMaxWaitMs, new QuorumTimers.FetchRetry(++fetchGeneration));
    }

    /** Whether a fetch retry is for the latest fetch (an answer or a newer fetch overtakes it). */
    boolean isCurrent(QuorumTimers.FetchRetry retry) {
        return retry.generation() == fetchGeneration;
    }

    long highWatermark() {
        return highWatermark;
    }

    /** As a follower, when it last fetched from the leader successfully; -1 if never. */
    long lastFetchMs() {
        return lastFetchMs;
    }

    /** Keeps what a resigning or deposed leader had committed. */
    void keepHighWatermark(long committed) {
        highWatermark = Math.max(highWatermark, committed);
    }

    /** @return whether the high watermark moved */
    boolean accept(QuorumFetchResponse response) {
        lastFetchMs = context.nowMs();
        if (response.divergingEpoch() >= 0) {
            truncate(response);
            return false;
        }
        if (response.baseOffset() != log.endOffset()) {
            return false;
        }
        for (int i = 0; i < response.records().size(); i++) {
            log.append(response.recordEpochs()[i], response.records().get(i));
        }
        long newHighWatermark = Math.min(response.highWatermark(), log.endOffset());
        if (newHighWatermark <= highWatermark) {
            return false;
        }
        highWatermark = newHighWatermark;
        return true;
    }

    /** Kafka's follower truncation: to where the leader's diverging epoch ends, at most our own end of it. */
    private void truncate(QuorumFetchResponse response) {
        OffsetAndEpoch local = log.endOffsetForEpoch(response.divergingEpoch());
        long to = local.epoch() == response.divergingEpoch()
                ? Math.min(local.offset(), response.divergingEndOffset())
                : local.offset();
        to = Math.min(to, log.endOffset());
        int self = context.self().id();
        if (to < highWatermark) {
            throw new IllegalStateException("controller " + self + " asked to truncate below its high watermark "
                    + highWatermark + " to " + to);
        }
        long from = log.endOffset();
        log.truncateTo(to);
        context.journal()
                .append(
                        context.nowMs(),
                        NodeId.controller(self),
                        null,
                        new EventDetail.MetadataTruncated(self, from, to, response.epoch()),
                        "diverging epoch " + response.divergingEpoch() + " from the leader",
                        -1);
    }
}
