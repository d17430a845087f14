package leaderlab.cluster.quorum;

import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.runtime.NodeContext;

/**
 * When a voter may next start an election (Kafka's election timeout, fetch timeout and binary
 * exponential backoff), drawn from the controller's seeded random. A voter has one election timer at a
 * time; its generation tells the current one from timers overtaken by events.
 */
final class ElectionClock {

    /** Kafka's base for the exponential election backoff. */
    private static final long BACKOFF_BASE_MS = 50;

    private final NodeContext context;
    private final long electionTimeoutMs;
    private final long fetchTimeoutMs;
    private final long backoffMaxMs;
    private long generation;
    private int failedElections;

    ElectionClock(NodeContext context, Configs configs) {
        this.context = context;
        this.electionTimeoutMs = configs.getLong(ConfigKey.CONTROLLER_QUORUM_ELECTION_TIMEOUT_MS);
        this.fetchTimeoutMs = configs.getLong(ConfigKey.CONTROLLER_QUORUM_FETCH_TIMEOUT_MS);
        this.backoffMaxMs = configs.getLong(ConfigKey.CONTROLLER_QUORUM_ELECTION_BACKOFF_MAX_MS);
    }

    /** How long a leader waits for fetches from a majority before it resigns (Kafka: 1.5 x fetch timeout). */
    long checkQuorumMs() {
        return fetchTimeoutMs * 3 / 2;
    }

    boolean isCurrent(QuorumTimers.ElectionTimer timer) {
        return timer.generation() == generation;
    }

    /** A random election timeout, between one and two times controller.quorum.election.timeout.ms. */
    void startElectionTimeout(boolean backoffOver) {
        schedule(electionTimeoutMs + context.random().nextInt((int) Math.max(1, electionTimeoutMs)), backoffOver);
    }

    /** A follower that hears nothing from its leader for controller.quorum.fetch.timeout.ms campaigns. */
    void startFetchTimeout() {
        schedule(fetchTimeoutMs, true);
    }

    /** An election failed: wait random up to base * 2^(failures - 1), capped, before the next. */
    void backOff() {
        failedElections++;
        long cap = Math.min(backoffMaxMs, BACKOFF_BASE_MS << Math.min(20, Math.max(0, failedElections - 1)));
        schedule(1 + context.random().nextInt((int) Math.max(1, cap)), true);
    }

    /**
     * The leader resigned: the best successor campaigns at once, the others after a growing backoff
     * (Kafka's strictExponentialElectionBackoffMs), so they seldom split the vote.
     *
     * @param position this voter's place in the resigning leader's preferred successors, -1 if absent
     */
    void afterResignation(int position) {
        schedule(position <= 0 ? 1 : Math.min(backoffMaxMs, BACKOFF_BASE_MS << (position - 1)), true);
    }

    /** Won: no election timer runs while it leads, and the backoff starts over. */
    void won() {
        failedElections = 0;
        generation++;
    }

    private void schedule(long delayMs, boolean backoffOver) {
        context.schedule(delayMs, new QuorumTimers.ElectionTimer(++generation, backoffOver));
    }
}
