package leaderlab.app.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import leaderlab.kafka.PollCost;
import leaderlab.kafka.RealCluster;
import leaderlab.kafka.local.LocalKafka;
import leaderlab.kafka.local.LocalKafkaOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewPartitions;
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

    /**
     * Creating a thousand partitions on a busy machine can take longer than a read may: a CreateTopics
     * that timed out and was sent again would find its topic made by the first.
     */
    private static final String SETUP_TIMEOUT_MS = "60000";

    private static final long SETTLE_TIMEOUT_MS = 300_000;

    private static final int POLLS_MEASURED = 5;

    /**
     * Partitions made at once. Made a thousand at a time on this two-core machine, every other topic took
     * 25-105 s to be in sync (the brokers logged thousands of follower partitions "marked as failed",
     * fetches fenced by a newer leader epoch, each waiting for its next metadata change).
     */
    private static final int CREATE_STEP = 250;

    private final LocalKafka kafka;
    /** The same cluster as leaderlab's observer reads it, for what its poll costs at each size. */
    private final RealCluster observed;
    /** Reads the leaders during a failover. */
    private final Admin admin;
    /** Creates topics, restarts, elects: what may take long and must not be sent twice. */
    private final Admin setup;

    private final Consumer<String> progress;
    private final List<String> topics = new ArrayList<>();
    private int created;

    KafkaFailover(LocalKafkaOptions options, Consumer<String> progress) {
        kafka = LocalKafka.start(options);
        observed = RealCluster.local(kafka);
        this.progress = progress;
        admin = Admin.create(adminProps(READ_TIMEOUT_MS, "30000"));
        setup = Admin.create(adminProps(SETUP_TIMEOUT_MS, SETUP_TIMEOUT_MS));
    }

    private Properties adminProps(String requestTimeoutMs, String apiTimeoutMs) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeoutMs);
        return props;
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
            long startNanos = System.nanoTime();
            // One topic a request (the controller refuses a CreateTopics of more than 10,000 records), grown
            // a step at a time, each in sync before the next (see CREATE_STEP).
            int first = Math.min(CREATE_STEP, count);
            call(
                    () -> setup.createTopics(List.of(new NewTopic(name, first, (short) 3)))
                            .all()
                            .get(),
                    "creating " + name);
            awaitInSync(name);
            int made = first;
            while (made < count) {
                int next = Math.min(count, made + CREATE_STEP);
                call(
                        () -> setup.createPartitions(Map.of(name, NewPartitions.increaseTo(next)))
                                .all()
                                .get(),
                        "growing " + name + " to " + next + " partitions");
                made = next;
                awaitInSync(name);
            }
            topics.add(name);
            created += count;
            progress.accept(String.format(
                    Locale.ROOT,
                    "kafka: %s (%,d partitions, %,d in all) created and in sync in %.1f s",
                    name,
                    count,
                    created,
                    (System.nanoTime() - startNanos) / 1e9));
        }
        PollCost poll = PollCost.measure(observed, POLLS_MEASURED);
        progress.accept(String.format(
                Locale.ROOT,
                "kafka: an observer poll of %,d partitions takes %.0f ms reading every high watermark, %.0f ms "
                        + "reading %,d a poll (medians of %d)",
                poll.partitions(),
                poll.fullMs(),
                poll.boundedMs(),
                PollCost.OBSERVER_HIGH_WATERMARKS_PER_POLL,
                POLLS_MEASURED));
    }

    /** Every replica of the topic in sync, and every broker unfenced. */
    private void awaitInSync(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        while (!every(
                describeOrNull(List.of(topic)),
                p -> p.leader() != null && p.isr().size() == p.replicas().size())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "real Kafka: " + topic + " not in sync after " + SETTLE_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(200);
        }
        awaitEveryBrokerUnfenced();
    }

    /** Every broker registered and unfenced (a broker fenced while it made logs must be back first). */
    private void awaitEveryBrokerUnfenced() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        while (true) {
            try {
                Collection<Node> nodes = setup.describeCluster(new DescribeClusterOptions().includeFencedBrokers(true))
                        .nodes()
                        .get(10, TimeUnit.SECONDS);
                if (nodes.size() == kafka.brokers().size() && nodes.stream().noneMatch(Node::isFenced)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // Asked again below.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "real Kafka: a broker still fenced after " + SETTLE_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(200);
        }
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
        awaitEveryBrokerUnfenced();
        call(() -> setup.electLeaders(ElectionType.PREFERRED, null).partitions().get(), "a preferred election");
        awaitAll(p -> leaderOf(p) == p.replicas().get(0).id(), "every preferred leader back");
    }

    @Override
    public void close() {
        admin.close();
        setup.close();
        // Closes the cluster too.
        observed.close();
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
        return describeOrNull(topics);
    }

    private Map<String, TopicDescription> describeOrNull(List<String> names) throws InterruptedException {
        try {
            return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
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
