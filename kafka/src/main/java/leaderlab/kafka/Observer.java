package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.SnapshotSource;
import org.apache.kafka.common.TopicPartition;

/**
 * Polls a real cluster on a thread of its own and publishes what it saw: the latest {@link RealState}, the
 * same as a {@link ClusterSnapshot} (what the window draws), and what changed as {@link ObservedEvent}s
 * and journal events (what {@code events}, {@code why} and the window's timeline read). Each poll's Admin
 * calls are bounded; the next poll waits at least as long as the last one took, and doubles its
 * interval (up to {@link #MAX_INTERVAL_MS}) while the cluster does not answer, so a slow cluster is not
 * hammered. A failed poll keeps the last snapshot and says since when it is stale. High watermarks are
 * read a {@link HighWatermarkSlice} a poll (those of new leaders first), so a poll of a large cluster stays
 * bounded; the status says how old the oldest one shown is. Neither the command thread nor the window
 * ever waits for it.
 */
public final class Observer implements AutoCloseable, SnapshotSource {

    static final long INTERVAL_MS = 500;
    static final long MAX_INTERVAL_MS = 8_000;

    private final RealCluster cluster;
    private final List<ObservedEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<ObservedEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Journal journal = new Journal();
    private final SnapshotBuilder snapshots;
    private final HighWatermarkSlice highWatermarks;
    private final Thread thread;
    private volatile RealState latest;
    private volatile ClusterSnapshot snapshot;
    private volatile PollStatus status;
    private volatile boolean running = true;
    /** The broker event the partition changes seen since are linked to (observer thread only), or null. */
    private ObservedEvent down;

    private long downSeq = -1;
    /** What happened to it, in a word for the cause: stopped, paused, was fenced. */
    private String downWord;

    /**
     * What the last polls came to.
     *
     * @param lastGoodMs   cluster time of the last poll that answered in full
     * @param lastPollMs   how long that poll took
     * @param intervalMs   the wait before the next one
     * @param failure      why the last poll failed, or null when it answered
     * @param highWatermarks null when every high watermark was read by that poll, else how many are and how
     *                     old the oldest one shown is
     */
    public record PollStatus(long lastGoodMs, long lastPollMs, long intervalMs, String failure, String highWatermarks) {

        public PollStatus(long lastGoodMs, long lastPollMs, long intervalMs, String failure) {
            this(lastGoodMs, lastPollMs, intervalMs, failure, null);
        }
    }

    public Observer(RealCluster cluster, RealState first) {
        this(cluster, first, HighWatermarkSlice.OBSERVER_PER_POLL);
    }

    /** @param highWatermarksPerPoll the most partitions one poll asks for their high watermark */
    Observer(RealCluster cluster, RealState first, int highWatermarksPerPoll) {
        this.cluster = cluster;
        this.highWatermarks = new HighWatermarkSlice(highWatermarksPerPoll);
        remember(first);
        this.latest = first;
        this.snapshots = new SnapshotBuilder(cluster.kafkaTimings());
        this.snapshot = snapshots.next(first);
        this.status = new PollStatus(first.timeMs(), 0, INTERVAL_MS, null);
        this.thread = new Thread(this::loop, "leaderlab-kafka-observer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The last state seen (what the prompt shows), at most one poll old. */
    public RealState latest() {
        return latest;
    }

    /** The last state seen, as the window and the shell's own describe read a cluster. */
    @Override
    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    /** The observed changes as journal events (cause "observed"), for the window's timeline and headline. */
    @Override
    public Journal journal() {
        return journal;
    }

    public PollStatus status() {
        return status;
    }

    @Override
    public String staleness() {
        PollStatus now = status;
        if (now.failure() == null) {
            String slow = now.lastPollMs() > INTERVAL_MS
                    ? String.format(
                            Locale.ROOT,
                            "slow cluster: a poll takes %.1f s, next in %.1f s",
                            now.lastPollMs() / 1000.0,
                            now.intervalMs() / 1000.0)
                    : null;
            String hw = now.highWatermarks();
            return join(join(slow, hw), staleTopics(latest, cluster.nowMs()));
        }
        return String.format(
                Locale.ROOT,
                "stale: no answer for %.0f s (%s)",
                (cluster.nowMs() - now.lastGoodMs()) / 1000.0,
                now.failure());
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    /**
     * The topics the last poll kept as last known because Kafka answered an error for them alone, e.g.
     * "2 topic(s) as last read: orders (UNKNOWN_TOPIC_OR_PARTITION, 3.1 s ago), ..."; null when none.
     */
    static String staleTopics(RealState state, long nowMs) {
        List<RealState.Topic> stale = state.staleTopics();
        if (stale.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d topic(s) as last read: ", stale.size()));
        int shown = Math.min(3, stale.size());
        for (int i = 0; i < shown; i++) {
            RealState.Topic topic = stale.get(i);
            text.append(i == 0 ? "" : ", ")
                    .append(String.format(
                            Locale.ROOT,
                            "%s (%s, %.1f s ago)",
                            topic.name(),
                            topic.staleReason(),
                            (nowMs - topic.staleSinceMs()) / 1000.0));
        }
        return stale.size() > shown ? text.append(", ...").toString() : text.toString();
    }

    /** Every event seen so far, oldest first. */
    public List<ObservedEvent> events() {
        return new ArrayList<>(events);
    }

    public void onEvent(Consumer<ObservedEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Reads the cluster and records what changed since the last read (on the observer's thread only).
     *
     * @return how long the read took, in milliseconds
     */
    private long poll() {
        long start = System.nanoTime();
        RealState now = cluster.state(highWatermarks, latest);
        ClusterSnapshot next = snapshots.next(now);
        record(Changes.between(latest, now));
        latest = now;
        snapshot = next;
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Journals one poll's changes. Kafka does not say why metadata changed; a partition change seen while a
     * broker is down (since the last broker that went down, until it is back) is linked to that broker's
     * event, which is what the timeline and headline show as its cause, and one failover's elections read
     * as one headline.
     */
    private void record(List<ObservedEvent> changes) {
        for (ObservedEvent event : changes) {
            events.add(event);
            listeners.forEach(listener -> listener.accept(event));
            if (event.typed() == null) {
                continue;
            }
            boolean linked = down != null && event.partition() != null;
            long seq = journal.append(
                    event.timeMs(),
                    event.source(),
                    event.partition(),
                    event.typed(),
                    linked
                            ? String.format(
                                    Locale.ROOT,
                                    "%s %.1f s after %s %s; Kafka does not say why",
                                    ObservedEvent.CAUSE,
                                    (event.timeMs() - down.timeMs()) / 1000.0,
                                    down.subject(),
                                    downWord)
                            : ObservedEvent.CAUSE + " (Kafka does not say why)",
                    linked ? downSeq : -1);
            if (event.aboutBroker()) {
                if (event.typed().type() == EventType.BROKER_UNFENCED) {
                    if (down != null && down.subject().equals(event.subject())) {
                        down = null;
                    }
                } else if (down == null || !down.subject().equals(event.subject())) {
                    down = event;
                    downSeq = seq;
                    downWord = switch (event.typed().type()) {
                        case FAULT_INJECTED -> event.detail().endsWith("STALLED") ? "paused" : "stopped";
                        default -> "was fenced";
                    };
                }
            }
        }
    }

    /** The first read's high watermarks, so the first polls need not ask for them again. */
    private void remember(RealState first) {
        for (RealState.Topic topic : first.topics()) {
            for (RealState.Partition p : topic.partitions()) {
                if (p.leader() >= 0 && p.highWatermark() >= 0) {
                    highWatermarks.answered(
                            new TopicPartition(p.topic(), p.partition()),
                            p.leader(),
                            p.highWatermark(),
                            p.leaderEpoch(),
                            first.timeMs());
                }
            }
        }
    }

    /**
     * What the status line says of high watermarks read a slice a poll: how many a poll, how old the oldest
     * shown, and how many new leaders have not answered yet; null when the poll read every one.
     */
    private String highWatermarkAge(long nowMs) {
        if (!highWatermarks.partial()) {
            return null;
        }
        String age = String.format(
                Locale.ROOT,
                "HW %,d of %,d a poll, oldest %.1f s",
                highWatermarks.perPoll(),
                highWatermarks.led(),
                highWatermarks.oldestAgeMs(nowMs) / 1000.0);
        return highWatermarks.unknown() == 0
                ? age
                : age + String.format(Locale.ROOT, ", %,d unread", highWatermarks.unknown());
    }

    private void loop() {
        long interval = INTERVAL_MS;
        while (running) {
            try {
                Thread.sleep(interval);
                long took = poll();
                // A slow answer means a busy cluster: wait as long as it took, so it is asked at most half the time.
                interval = Math.min(MAX_INTERVAL_MS, Math.max(INTERVAL_MS, took));
                status = new PollStatus(latest.timeMs(), took, interval, null, highWatermarkAge(latest.timeMs()));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The cluster did not answer in full: keep the last snapshot, ask again, less often.
                interval = Math.min(MAX_INTERVAL_MS, interval * 2);
                PollStatus last = status;
                status = new PollStatus(
                        last.lastGoodMs(),
                        last.lastPollMs(),
                        interval,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        last.highWatermarks());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
