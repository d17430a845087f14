package leaderlab.kafka;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.protocol.Errors;

/**
 * A call to Kafka that did not succeed, as one line: Kafka's error name and code where it sent one
 * (e.g. {@code TOPIC_ALREADY_EXISTS (36): Topic 'orders' already exists.}). An IllegalArgumentException,
 * so the dispatcher shows it as a one-line error.
 */
final class KafkaCallException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    KafkaCallException(String message) {
        super(message);
    }

    KafkaCallException(Throwable cause) {
        super(describe(cause), cause);
    }

    /** Kafka's error name (e.g. NOT_ENOUGH_REPLICAS), or the exception's class for an error Kafka did not send. */
    static String errorName(Throwable cause) {
        return cause instanceof ApiException api
                ? Errors.forException(api).name()
                : cause.getClass().getSimpleName();
    }

    /** Kafka's error name and code, then its message. */
    static String describe(Throwable cause) {
        if (cause instanceof ApiException api) {
            Errors error = Errors.forException(api);
            return error.name() + " (" + error.code() + "): " + api.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
