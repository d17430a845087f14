package leaderlab.cluster.broker;

import leaderlab.cluster.runtime.Address;

/**
 * An acks=all produce appended by the leader and waiting for the high watermark to pass it (Kafka's
 * DelayedProduce).
 *
 * @param requiredHighWatermark the HW at which every record of the request is committed
 * @param duplicate             the records were already in the log from an earlier attempt (idempotence)
 */
record PendingProduce(Address client, long requestId, long baseOffset, long requiredHighWatermark, boolean duplicate) {}
