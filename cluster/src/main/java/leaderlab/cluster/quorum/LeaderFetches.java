package leaderlab.cluster.quorum;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.RaftApi.QuorumFetchRequest;
import leaderlab.cluster.protocol.RaftApi.QuorumFetchResponse;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.runtime.Timer;

/**
 * The quorum leader's side of replication (Kafka's KafkaRaftClient.handleFetchRequest): validates each
 * follower's fetch position against its own log (answering a diverging epoch when they disagree), counts
 * the position towards the high watermark, and answers at once when there is data or holds the fetch
 * until there is, the high watermark moves, or the max wait passes.
 */
final class LeaderFetches {

    /** Records per fetch response, on the same boundaries as the brokers' metadata reads. */
    static final int MAX_RECORDS_PER_FETCH = 50_000;

    record HeldFetchExpiry(int replicaId, long generation) implements Timer {}

    private record Held(QuorumFetchRequest request, long highWatermarkSent, long generation) {}

    /** Told when the high watermark moves. */
    interface CommitListener {
        void committed(long fromOffset, long toOffset);
    }

    private final NodeContext context;
    private final RaftLog log;
    private final LeaderState state;
    private final long fetchMaxWaitMs;
    private final CommitListener commits;
    private final Map<Integer, Held> held = new TreeMap<>();
    private long heldGeneration;

    LeaderFetches(NodeContext context, RaftLog log, LeaderState state, long fetchMaxWaitMs, CommitListener commits) {
        this.context = context;
        this.log = log;
        this.state = state;
        this.fetchMaxWaitMs = fetchMaxWaitMs;
        this.commits = commits;
    }

    LeaderState state() {
        return state;
    }

    long highWatermark() {
        return state.highWatermark();
    }

    void onLocalAppend() {
        advance(state.updateLocalState(log.endOffset(), context.nowMs()), Math.max(0, state.highWatermark()));
        answerHeld();
    }

    void onFetch(Address from, QuorumFetchRequest request) {
        OffsetAndEpoch end = log.endOffsetForEpoch(request.lastFetchedEpoch());
        if (end.epoch() < request.lastFetchedEpoch() || end.offset() < request.fetchOffset()) {
            context.send(
                    from,
                    new QuorumFetchResponse(
                            Errors.NONE,
                            state.epoch(),
                            context.self().id(),
                            request.fetchOffset(),
                            List.of(),
                            new int[0],
                            Math.max(0, state.highWatermark()),
                            end.epoch(),
                            end.offset()));
            return;
        }
        long before = Math.max(0, state.highWatermark());
        advance(state.updateReplicaState(request.replicaId(), request.fetchOffset(), context.nowMs()), before);
        if (request.fetchOffset() < log.endOffset()) {
            held.remove(request.replicaId());
            answer(request);
        } else {
            held.put(request.replicaId(), new Held(request, Math.max(0, state.highWatermark()), ++heldGeneration));
            context.schedule(fetchMaxWaitMs, new HeldFetchExpiry(request.replicaId(), heldGeneration));
        }
        answerHeld();
    }

    void onExpiry(HeldFetchExpiry expiry) {
        Held waiting = held.get(expiry.replicaId());
        if (waiting != null && waiting.generation() == expiry.generation()) {
            held.remove(expiry.replicaId());
            answer(waiting.request());
        }
    }

    private void advance(boolean moved, long fromOffset) {
        if (moved) {
            commits.committed(fromOffset, state.highWatermark());
        }
    }

    private void answerHeld() {
        Iterator<Map.Entry<Integer, Held>> iterator = held.entrySet().iterator();
        while (iterator.hasNext()) {
            Held waiting = iterator.next().getValue();
            if (log.endOffset() > waiting.request().fetchOffset()
                    || state.highWatermark() > waiting.highWatermarkSent()) {
                iterator.remove();
                answer(waiting.request());
            }
        }
    }

    private void answer(QuorumFetchRequest request) {
        long from = request.fetchOffset();
        long to = Math.min(log.endOffset(), from - from % MAX_RECORDS_PER_FETCH + MAX_RECORDS_PER_FETCH);
        context.send(
                Address.controller(request.replicaId()),
                new QuorumFetchResponse(
                        Errors.NONE,
                        state.epoch(),
                        context.self().id(),
                        from,
                        log.read(from, to),
                        log.epochs(from, to),
                        Math.max(0, state.highWatermark()),
                        -1,
                        -1));
    }
}
