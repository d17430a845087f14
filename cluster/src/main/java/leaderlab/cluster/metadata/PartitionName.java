package leaderlab.cluster.metadata;

import java.util.Optional;

/**
 * A partition named as Kafka's tools name it, {@code TOPIC-P} (e.g. {@code orders-0}). Topic names may
 * contain '-', so the partition is the number after the last one. The one parser of that form: the
 * shell, the window and the Kafka-equivalent lines all read names through it.
 */
public record PartitionName(String topic, int partition) {

    /** The name, or empty when the text is not TOPIC-P with a non-empty topic and a decimal partition. */
    public static Optional<PartitionName> parse(String text) {
        int dash = text == null ? -1 : text.lastIndexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            return Optional.empty();
        }
        String digits = text.substring(dash + 1);
        if (digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(new PartitionName(text.substring(0, dash), Integer.parseInt(digits)));
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
