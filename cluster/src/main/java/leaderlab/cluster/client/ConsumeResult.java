package leaderlab.cluster.client;

import java.util.List;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.LogSlice;

/**
 * What a consumer read from one partition: records from {@code records.baseOffset()}, below the HW.
 *
 * @param leader   the broker that answered, -1 if none did before the poll's timeout
 * @param retries  how many times the consumer fetched again (after a metadata refresh) before this outcome
 * @param retried  the retriable errors it met on the way, oldest first, e.g. "NETWORK_EXCEPTION from broker 1"
 * @param timedOut the poll's timeout (default.api.timeout.ms) passed first: no records, and, as in Kafka,
 *                 no error for the application
 */
public record ConsumeResult(
        String partition,
        int leader,
        Errors error,
        long highWatermark,
        LogSlice records,
        int retries,
        List<String> retried,
        boolean timedOut) {

    public ConsumeResult(String partition, int leader, Errors error, long highWatermark, LogSlice records) {
        this(partition, leader, error, highWatermark, records, 0, List.of(), false);
    }
}
