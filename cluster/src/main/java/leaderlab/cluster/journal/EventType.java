package leaderlab.cluster.journal;

/** The kinds of state change the journal records. */
public enum EventType {
    BROKER_REGISTERED,
    BROKER_FENCED,
    BROKER_UNFENCED,
    BROKER_CONTROLLED_SHUTDOWN,
    BROKER_STOPPED,
    BROKER_STARTED,
    BROKER_DEMOTED,
    TOPIC_CREATED,
    CONFIG_CHANGED,
    LEADER_ELECTED,
    ISR_SHRUNK,
    ISR_EXPANDED,
    /** Eligible leader replicas or LastKnownElr changed (KIP-966). */
    ELR_CHANGED,
    REASSIGNMENT,
    BECAME_LEADER,
    BECAME_FOLLOWER,
    HW_ADVANCED,
    TRUNCATED,
    PRODUCE_ACKED,
    /**
     * A produce the application is told failed: the producer gave up (retries or delivery.timeout.ms spent,
     * or an error it does not retry). One per failed batch, as Kafka's send callback is called once.
     */
    PRODUCE_FAILED,
    /**
     * A produce attempt failed with a retriable error and the producer sends again (the application is not
     * told; Kafka's Sender logs "retrying (N attempts left)"). One per failed attempt, with its number.
     */
    PRODUCE_RETRIED,
    /** A leader answered a produce request with an error (the broker's side of a retried or failed produce). */
    PRODUCE_REJECTED,
    /** A consumer fetch failed and the consumer retries after a metadata refresh, or its poll ended empty. */
    CONSUME_FAILED,
    FAULT_INJECTED,
    FAULT_HEALED,
    /** A safety invariant does not hold (see the check package): a bug, or an unsafe setting at work. */
    INVARIANT_VIOLATED,
    /** Acknowledged records are gone from the partition's leader: the data-loss ledger noticed. */
    RECORDS_LOST,
    QUORUM_ELECTION_STARTED,
    QUORUM_VOTE,
    QUORUM_LEADER_ELECTED,
    QUORUM_LEADER_RESIGNED,
    METADATA_COMMITTED,
    METADATA_TRUNCATED
}
