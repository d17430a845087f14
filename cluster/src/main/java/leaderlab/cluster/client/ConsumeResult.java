package leaderlab.cluster.client;

import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.protocol.LogSlice;

/** What a consumer read from one partition: records from {@code records.baseOffset()}, below the HW. */
public record ConsumeResult(String partition, int leader, Errors error, long highWatermark, LogSlice records) {}
