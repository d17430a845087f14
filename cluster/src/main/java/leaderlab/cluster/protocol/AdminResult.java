package leaderlab.cluster.protocol;

import java.util.List;

/**
 * The controller's answer to an admin operation: an overall error (NONE when it was accepted) and,
 * for elections, one result per partition.
 */
public record AdminResult(Errors error, String message, List<PartitionResult> partitions) {

    public record PartitionResult(AdminOperation.TopicPartitionRef partition, Errors error, String message) {}

    public static AdminResult ok(String message) {
        return new AdminResult(Errors.NONE, message, List.of());
    }

    public static AdminResult failed(Errors error, String message) {
        return new AdminResult(error, message, List.of());
    }
}
