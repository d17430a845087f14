package leaderlab.cluster.protocol;

/**
 * Kafka's error codes that leaderlab produces, with Kafka's own names, numbers and default messages, and
 * UNKNOWN_SERVER_ERROR, which stands for any other error a real Kafka cluster answers with.
 */
public enum Errors {
    UNKNOWN_SERVER_ERROR(
            -1, "UnknownServerException", "The server experienced an unexpected error when processing the request."),
    NONE(0, "", ""),
    OFFSET_OUT_OF_RANGE(
            1,
            "OffsetOutOfRangeException",
            "The requested offset is not within the range of offsets maintained by the server."),
    UNKNOWN_TOPIC_OR_PARTITION(
            3, "UnknownTopicOrPartitionException", "This server does not host this topic-partition."),
    LEADER_NOT_AVAILABLE(
            5,
            "LeaderNotAvailableException",
            "There is no leader for this topic-partition as we are in the middle of a leadership election."),
    NOT_LEADER_OR_FOLLOWER(
            6,
            "NotLeaderOrFollowerException",
            "For requests intended only for the leader, this error indicates that the broker is not the current leader."),
    REQUEST_TIMED_OUT(7, "TimeoutException", "The request timed out."),
    NETWORK_EXCEPTION(13, "NetworkException", "The server disconnected before a response was received."),
    NOT_ENOUGH_REPLICAS(
            19,
            "NotEnoughReplicasException",
            "Messages are rejected since there are fewer in-sync replicas than required."),
    NOT_ENOUGH_REPLICAS_AFTER_APPEND(
            20,
            "NotEnoughReplicasAfterAppendException",
            "Messages are written to the log, but to fewer in-sync replicas than required."),
    OUT_OF_ORDER_SEQUENCE_NUMBER(
            45, "OutOfOrderSequenceException", "The broker received an out of order sequence number."),
    TOPIC_ALREADY_EXISTS(36, "TopicExistsException", "Topic with this name already exists."),
    INVALID_PARTITIONS(37, "InvalidPartitionsException", "Number of partitions is below 1."),
    INVALID_REPLICATION_FACTOR(
            38,
            "InvalidReplicationFactorException",
            "Replication factor is below 1 or larger than the number of available brokers."),
    INVALID_REPLICA_ASSIGNMENT(39, "InvalidReplicaAssignmentException", "Replica assignment is invalid."),
    NOT_CONTROLLER(41, "NotControllerException", "This is not the correct controller for this cluster."),
    INVALID_REQUEST(
            42,
            "InvalidRequestException",
            "This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details."),
    FETCH_SESSION_ID_NOT_FOUND(70, "FetchSessionIdNotFoundException", "The fetch session ID was not found."),
    INVALID_FETCH_SESSION_EPOCH(71, "InvalidFetchSessionEpochException", "The fetch session epoch is invalid."),
    INVALID_CONFIG(40, "InvalidConfigurationException", "Configuration is invalid."),
    STALE_BROKER_EPOCH(77, "StaleBrokerEpochException", "Broker epoch has changed."),
    FENCED_LEADER_EPOCH(
            74, "FencedLeaderEpochException", "The leader epoch in the request is older than the epoch on the broker."),
    UNKNOWN_LEADER_EPOCH(
            75,
            "UnknownLeaderEpochException",
            "The leader epoch in the request is newer than the epoch on the broker."),
    PREFERRED_LEADER_NOT_AVAILABLE(
            80, "PreferredLeaderNotAvailableException", "The preferred leader was not available."),
    ELIGIBLE_LEADERS_NOT_AVAILABLE(
            83, "EligibleLeadersNotAvailableException", "Eligible topic partition leaders are not available."),
    ELECTION_NOT_NEEDED(84, "ElectionNotNeededException", "Leader election not needed for topic partition."),
    NO_REASSIGNMENT_IN_PROGRESS(85, "NoReassignmentInProgressException", "No partition reassignment is in progress."),
    INVALID_UPDATE_VERSION(95, "InvalidUpdateVersionException", "The given update version was invalid."),
    DUPLICATE_BROKER_REGISTRATION(101, "DuplicateBrokerRegistrationException", "This broker ID is already in use."),
    INELIGIBLE_REPLICA(107, "IneligibleReplicaException", "The new ISR contains at least one ineligible replica."),
    NEW_LEADER_ELECTED(
            108,
            "NewLeaderElectedException",
            "The AlterPartition request successfully updated the partition state but the leader has changed.");

    private final int code;
    private final String exceptionName;
    private final String defaultMessage;

    Errors(int code, String exceptionName, String defaultMessage) {
        this.code = code;
        this.exceptionName = exceptionName;
        this.defaultMessage = defaultMessage;
    }

    public int code() {
        return code;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** As a Java client prints the exception: {@code org.apache.kafka.common.errors.X: message}. */
    public String asException(String message) {
        return "org.apache.kafka.common.errors." + exceptionName + ": "
                + (message == null || message.isEmpty() ? defaultMessage : message);
    }

    public boolean isError() {
        return this != NONE;
    }
}
