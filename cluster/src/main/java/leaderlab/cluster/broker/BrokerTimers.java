package leaderlab.cluster.broker;

import leaderlab.cluster.runtime.Timer;

/** The broker's timers. Each carries what it needs to tell whether it is still wanted when it fires. */
final class BrokerTimers {

    private BrokerTimers() {}

    record Heartbeat(long generation) implements Timer {}

    record RegistrationRetry() implements Timer {}

    /** @param retry a planned resend after a redirect, not a fetch that went unanswered */
    record MetadataFetchTimeout(long generation, boolean retry) implements Timer {}

    /** Retry fetching from a leader, after a backoff or a lost response. */
    record FetchRetry(int leaderId, long generation) implements Timer {}

    /** A follower fetch this leader held for lack of data has waited replica.fetch.wait.max.ms. */
    record HeldFetchExpiry(int followerId, long generation) implements Timer {}

    record IsrExpiration() implements Timer {}

    /** A write a slow disk has finished. */
    record DiskWrite(Runnable write) implements Timer {}

    /** Flush every log (log.flush.interval.ms). */
    record Flush() implements Timer {}

    record ProduceTimeout(int partitionId, long requestId) implements Timer {}

    record AlterPartitionTimeout(int partitionId, long generation) implements Timer {}
}
