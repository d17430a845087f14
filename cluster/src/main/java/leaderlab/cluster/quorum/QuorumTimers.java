package leaderlab.cluster.quorum;

import leaderlab.cluster.runtime.Timer;

/** A voter's timers; each carries what tells a current one from one overtaken by events. */
final class QuorumTimers {

    private QuorumTimers() {}

    /** Fetch timeout (as a follower), election timeout, or election backoff; one at a time. */
    record ElectionTimer(long generation, boolean backoffOver) implements Timer {}

    record CheckQuorum(int epoch) implements Timer {}

    /** A follower's fetch that got no answer (lost, or the leader died): fetch again. */
    record FetchRetry(long generation) implements Timer {}
}
