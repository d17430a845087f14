package leaderlab.cluster.client;

import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;

/**
 * What one producer starts with, checked as Kafka 4.4's ProducerConfig checks it
 * (postProcessAndValidateIdempotenceConfigs). Idempotence, on by default, needs retries > 0, acks=all and
 * max.in.flight.requests.per.connection <= 5. Retries of 0 or acks other than all turn it off quietly when
 * the user left enable.idempotence at its default, and refuse the producer with Kafka's ConfigException
 * message when the user set it; more than 5 in flight refuses the producer either way (Kafka 3.x turned
 * idempotence off quietly there, and warned that 4.0 would make it an error).
 *
 * @param acks        0, 1 or -1 (all)
 * @param retries     resends allowed per batch
 * @param idempotent  whether batches carry a producer id and sequence numbers
 * @param maxInFlight most produce requests waiting for an answer from one broker
 */
public record ProducerSettings(int acks, int retries, boolean idempotent, int maxInFlight) {

    /** Kafka's MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION_FOR_IDEMPOTENCE. */
    static final int MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;

    /**
     * @param idempotenceSetByUser enable.idempotence was set explicitly (Kafka: it is in the originals)
     * @param retries              this producer's retries, or -1 for the {@code retries} setting
     * @throws IllegalArgumentException with Kafka's message, when an explicit enable.idempotence=true conflicts
     */
    public static ProducerSettings of(Configs configs, boolean idempotenceSetByUser, int acks, int retries) {
        int resends = retries >= 0 ? retries : configs.getInt(ConfigKey.RETRIES, null);
        int maxInFlight = configs.getInt(ConfigKey.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, null);
        boolean idempotent = configs.getBoolean(ConfigKey.ENABLE_IDEMPOTENCE, null);
        if (idempotent) {
            String conflict = resends == 0
                    ? "Must set retries to non-zero when using the idempotent producer."
                    : acks != -1
                            ? "Must set acks to all in order to use the idempotent producer. Otherwise we cannot "
                                    + "guarantee idempotence."
                            : null;
            if (conflict != null && idempotenceSetByUser) {
                throw new IllegalArgumentException("ConfigException: " + conflict);
            }
            if (maxInFlight > MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
                throw new IllegalArgumentException("ConfigException: To use the idempotent producer, "
                        + "max.in.flight.requests.per.connection must be set to at most 5. Current value is "
                        + maxInFlight + ".");
            }
            idempotent = conflict == null;
        }
        return new ProducerSettings(acks, resends, idempotent, maxInFlight);
    }
}
