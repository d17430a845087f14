package leaderlab.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import leaderlab.cluster.config.ConfigKey;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's own producer and consumer, with leaderlab's client timings (delivery.timeout.ms,
 * request.timeout.ms, retry.backoff.ms: classroom or Kafka's). One producer per acks and retries
 * setting and partition, made when first used; one consumer that remembers its position per partition between
 * commands. Used on the command thread only.
 */
final class Clients implements AutoCloseable {

    /**
     * One record's outcome, for a partition's line.
     *
     * @param errorName Kafka's error name (NOT_ENOUGH_REPLICAS), null when it was acknowledged
     * @param error     that error in one line, null when acknowledged
     */
    record Sent(int partition, long offset, String errorName, String error) {}

    private final Properties base;
    private final boolean kafkaTimings;
    private final Map<String, KafkaProducer<String, String>> producers = new HashMap<>();
    private KafkaConsumer<String, String> consumer;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private long nextRecordId = 1;

    /** Far longer than appending a command's records takes; the flush sends them at once anyway. */
    private static final int BATCH_LINGER_MS = 1_000;

    private static final int BATCH_BYTES = 1 << 20;

    Clients(Properties base, boolean kafkaTimings) {
        this.base = base;
        this.kafkaTimings = kafkaTimings;
    }

    private String timing(ConfigKey key) {
        return String.valueOf(key.defaultValue(kafkaTimings));
    }

    /**
     * One partition's share of a produce: its records' outcomes, and what Kafka's producer reports of
     * the way there.
     *
     * @param firstLeader the leader the producer's metadata named before sending, -1 if none
     * @param retries     how often the batch was resent: the producer's record-retry-total (records
     *                    resent) over the records sent, exact while the records fit one batch
     */
    record Batch(int partition, int firstLeader, int retries, List<Sent> records) {}

    /**
     * Sends {@code count} records ("m1", "m2", ... as the simulator names them), to one partition or
     * round-robin over all, and waits for every answer (bounded by delivery.timeout.ms). Each partition
     * has a producer of its own, so its retries are its own in Kafka's producer metrics; its records go
     * out as one batch (they are appended, then flushed), as the simulator sends one batch per partition.
     *
     * @param acks    0, 1 or -1 (all)
     * @param retries -1 for Kafka's default
     */
    List<Batch> produce(String topic, int partitions, int partition, int count, int acks, int retries)
            throws InterruptedException {
        Map<Integer, List<String>> values = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int target = partition >= 0 ? partition : i % partitions;
            values.computeIfAbsent(target, p -> new ArrayList<>()).add("m" + nextRecordId++);
        }
        Map<Integer, Double> retriedBefore = new TreeMap<>();
        Map<Integer, Integer> firstLeaders = new TreeMap<>();
        Map<Integer, List<Future<RecordMetadata>>> futures = new TreeMap<>();
        for (Map.Entry<Integer, List<String>> entry : values.entrySet()) {
            int target = entry.getKey();
            KafkaProducer<String, String> producer = producer(acks, retries, target);
            retriedBefore.put(target, recordsRetried(producer));
            firstLeaders.put(target, leaderOf(topic, target, acks, retries));
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : entry.getValue()) {
                sent.add(producer.send(new ProducerRecord<>(topic, target, null, value)));
            }
            futures.put(target, sent);
        }
        futures.keySet().forEach(target -> producer(acks, retries, target).flush());
        long waitMs = Long.parseLong(timing(ConfigKey.DELIVERY_TIMEOUT_MS)) + 5_000;
        List<Batch> batches = new ArrayList<>();
        for (Map.Entry<Integer, List<Future<RecordMetadata>>> entry : futures.entrySet()) {
            int target = entry.getKey();
            List<Sent> sent = new ArrayList<>();
            for (Future<RecordMetadata> future : entry.getValue()) {
                sent.add(outcome(target, future, waitMs));
            }
            double retried = recordsRetried(producer(acks, retries, target)) - retriedBefore.get(target);
            batches.add(new Batch(target, firstLeaders.get(target), (int) (retried / sent.size()), sent));
        }
        return batches;
    }

    private static Sent outcome(int partition, Future<RecordMetadata> future, long waitMs) throws InterruptedException {
        try {
            return new Sent(partition, future.get(waitMs, TimeUnit.MILLISECONDS).offset(), null, null);
        } catch (ExecutionException e) {
            return new Sent(
                    partition,
                    -1,
                    KafkaCallException.errorName(e.getCause()),
                    KafkaCallException.describe(e.getCause()));
        } catch (TimeoutException e) {
            return new Sent(partition, -1, "REQUEST_TIMED_OUT", "no answer within " + waitMs + " ms");
        }
    }

    /** Kafka's producer-metrics record-retry-total: records resent after a retriable error, in all. */
    private static double recordsRetried(KafkaProducer<String, String> producer) {
        return producer.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("producer-metrics")
                        && e.getKey().name().equals("record-retry-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    /** The leader the partition's producer's metadata names, -1 if none. */
    int leaderOf(String topic, int partition, int acks, int retries) {
        for (PartitionInfo info : producer(acks, retries, partition).partitionsFor(topic)) {
            if (info.partition() == partition) {
                return info.leader() == null || info.leader().isEmpty()
                        ? -1
                        : info.leader().id();
            }
        }
        return -1;
    }

    private KafkaProducer<String, String> producer(int acks, int retries, int partition) {
        return producers.computeIfAbsent(acks + "/" + retries + "/" + partition, k -> {
            Properties props = new Properties();
            props.putAll(base);
            props.put(ProducerConfig.ACKS_CONFIG, acks < 0 ? "all" : Integer.toString(acks));
            // Idempotence needs acks=all and retries; Kafka refuses the combination otherwise.
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString(acks < 0 && retries != 0));
            if (retries >= 0) {
                props.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(retries));
            }
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timing(ConfigKey.DELIVERY_TIMEOUT_MS));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timing(ConfigKey.REQUEST_TIMEOUT_MS));
            props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, timing(ConfigKey.RETRY_BACKOFF_MS));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timing(ConfigKey.DELIVERY_TIMEOUT_MS));
            // One batch per partition, sent at the flush: the records wait in the accumulator until then
            // (linger.ms no longer than delivery.timeout.ms allows) and fit one batch up to 1 MiB.
            props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(BATCH_LINGER_MS));
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_BYTES));
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            return new KafkaProducer<>(props);
        });
    }

    /** What one consume read from one partition. */
    record Read(int partition, long firstOffset, List<String> values, long highWatermark, String error) {}

    /**
     * Reads every committed record (below the high watermark) after this consumer's last position in
     * each partition, or from offset 0.
     */
    List<Read> consume(String topic, List<Integer> partitions, boolean fromBeginning) {
        KafkaConsumer<String, String> c = consumer();
        List<TopicPartition> tps = new ArrayList<>();
        partitions.forEach(p -> tps.add(new TopicPartition(topic, p)));
        c.assign(tps);
        Duration timeout = Duration.ofMillis(Long.parseLong(timing(ConfigKey.REQUEST_TIMEOUT_MS)) * 2);
        Map<TopicPartition, Long> ends = c.endOffsets(tps, timeout);
        Map<TopicPartition, List<String>> values = new HashMap<>();
        Map<TopicPartition, Long> firsts = new HashMap<>();
        for (TopicPartition tp : tps) {
            c.seek(tp, fromBeginning ? 0 : positions.getOrDefault(tp, 0L));
            values.put(tp, new ArrayList<>());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !caughtUp(c, tps, ends)) {
            for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                firsts.putIfAbsent(tp, record.offset());
                values.get(tp).add(record.value());
            }
        }
        List<Read> reads = new ArrayList<>();
        for (TopicPartition tp : tps) {
            long position = c.position(tp, timeout);
            positions.put(tp, position);
            long end = ends.getOrDefault(tp, -1L);
            reads.add(new Read(
                    tp.partition(),
                    firsts.getOrDefault(tp, position),
                    values.get(tp),
                    end,
                    position < end ? "read up to " + position + " before the wait ended" : null));
        }
        return reads;
    }

    private static boolean caughtUp(
            KafkaConsumer<String, String> c, List<TopicPartition> tps, Map<TopicPartition, Long> ends) {
        for (TopicPartition tp : tps) {
            if (c.position(tp) < ends.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            Properties props = new Properties();
            props.putAll(base);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timing(ConfigKey.REQUEST_TIMEOUT_MS));
            props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timing(ConfigKey.DELIVERY_TIMEOUT_MS));
            props.put(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, timing(ConfigKey.RETRY_BACKOFF_MS));
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
        }
        return consumer;
    }

    @Override
    public void close() {
        producers.values().forEach(p -> p.close(Duration.ofSeconds(1)));
        producers.clear();
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
