package leaderlab.app.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import leaderlab.kafka.local.LocalKafka;
import leaderlab.kafka.local.LocalKafkaOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * The real-Kafka side of {@code bench failover-vs-kafka}: a local cluster ({@link LocalKafka}, child JVMs),
 * topics of {@link FailoverSides#PARTITIONS_PER_TOPIC} partitions with RF 3, a SIGKILL of a broker, and
 * the leaders read back with {@code Admin.describeTopics} (a Metadata request, answered from a surviving
 * broker's metadata cache) until every partition it led has a new one.
 */
final class KafkaFailover implements FailoverSides.Side {

    /** A read that stalls (sent to the dead broker) fails fast and is retried. */
    private static final String READ_TIMEOUT_MS = "1000";

    private static final long SETTLE_TIMEOUT_MS = 300_000;

    private final LocalKafka kafka;
    private final Admin admin;
    private final List<String> topics = new ArrayList<>();
    private int created;

    KafkaFailover(LocalKafkaOptions options) {
        kafka = LocalKafka.start(options);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, READ_TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        admin = Admin.create(props);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void growTo(int partitions) throws InterruptedException {
        while (created < partitions) {
            int count = Math.min(FailoverSides.PARTITIONS_PER_TOPIC, partitions - created);
            String name = "t" + topics.size();
            // One topic a request: the controller refuses a CreateTopics of more than 10,000 records.
            call(
                    () -> admin.createTopics(List.of(new NewTopic(name, count, (short) 3)))
                            .all()
                            .get(),
                    "creating " + name);
            topics.add(name);
            created += count;
        }
        awaitAll(p -> p.leader() != null && p.isr().size() == p.replicas().size(), "every replica in sync");
    }

    @Override
    public FailoverWatch.Timing failOnce(int victim) throws InterruptedException {
        List<int[]> led = new ArrayList<>();
        Map<String, TopicDescription> before = describe();
        for (int t = 0; t < topics.size(); t++) {
            for (TopicPartitionInfo p : before.get(topics.get(t)).partitions()) {
                if (leaderOf(p) == victim) {
                    led.add(new int[] {t, p.partition()});
                }
            }
        }
        long killNanos = System.nanoTime();
        kafka.kill(victim);
        return FailoverWatch.watch(victim, led.size(), killNanos, () -> leadersOf(led), SETTLE_TIMEOUT_MS);
    }

    @Override
    public void restore(int victim) throws InterruptedException {
        kafka.restart(victim);
        awaitAll(p -> p.isr().size() == p.replicas().size(), "broker " + victim + " back in every ISR");
        call(() -> admin.electLeaders(ElectionType.PREFERRED, null).partitions().get(), "a preferred election");
        awaitAll(p -> leaderOf(p) == p.replicas().get(0).id(), "every preferred leader back");
    }

    @Override
    public void close() {
        admin.close();
        kafka.close();
    }

    /** The watched partitions' leaders, or null when this read failed (the dead broker was asked). */
    private int[] leadersOf(List<int[]> watched) throws InterruptedException {
        Map<String, TopicDescription> now = describeOrNull();
        if (now == null) {
            return null;
        }
        int[] leaders = new int[watched.size()];
        for (int i = 0; i < leaders.length; i++) {
            int[] at = watched.get(i);
            leaders[i] = leaderOf(now.get(topics.get(at[0])).partitions().get(at[1]));
        }
        return leaders;
    }

    private static int leaderOf(TopicPartitionInfo partition) {
        Node leader = partition.leader();
        return leader == null || leader.isEmpty() ? -1 : leader.id();
    }

    private Map<String, TopicDescription> describe() throws InterruptedException {
        return call(() -> admin.describeTopics(topics).allTopicNames().get(), "describing topics");
    }

    private void awaitAll(Predicate<TopicPartitionInfo> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        while (!every(describeOrNull(), condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "real Kafka: not " + what + " after " + SETTLE_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(200);
        }
    }

    private Map<String, TopicDescription> describeOrNull() throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static boolean every(Map<String, TopicDescription> topics, Predicate<TopicPartitionInfo> condition) {
        if (topics == null) {
            return false;
        }
        Collection<TopicDescription> all = topics.values();
        return all.stream().flatMap(t -> t.partitions().stream()).allMatch(condition);
    }

    /** An Admin call that must succeed. */
    private static <T> T call(AdminCall<T> call, String what) throws InterruptedException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "real Kafka: " + what + " failed: " + e.getCause().getMessage(), e);
        }
    }

    private interface AdminCall<T> {
        T get() throws ExecutionException, InterruptedException;
    }
}
