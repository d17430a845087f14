package leaderlab.cluster.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import leaderlab.cluster.PropertyCheck;
import leaderlab.cluster.broker.ReplicaLog.EpochEnd;
import leaderlab.cluster.view.LogView;
import org.junit.jupiter.api.Test;

/**
 * ReplicaLog's leader-epoch cache (Kafka's LeaderEpochFileCache) against a naive model: a list of
 * records and a list of (epoch, start offset) entries, queried by linear scans. After every step the
 * answers agree ({@code endOffsetFor} for every epoch, {@code largestEpochAtMost}, latest epoch, log
 * end, high watermark), the published view shows the same entries and records, and the cache describes
 * the log: every record's epoch is that of the last entry starting at or before it.
 */
class EpochCachePropertyTest {

    private sealed interface Step {}

    /** Appends a record of epoch (last record's epoch + delta): record epochs never go back in a log. */
    private record Append(int delta) implements Step {}

    /** A new leader's epoch (latest cache epoch + 1 + delta) starting at the log end (makeLeader). */
    private record BecomeLeader(int delta) implements Step {}

    /** Truncates to {@code back} offsets before the log end (a follower's divergence or a lost tail). */
    private record Truncate(int back) implements Step {}

    private record Flush() implements Step {}

    private record LoseUnflushed() implements Step {}

    private record SetHighWatermark(int back) implements Step {}

    /** The model: what the cache means, computed the slow and obvious way. */
    private static final class NaiveLog {
        record Entry(int epoch, long start) {}

        final List<Integer> epochs = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();
        long highWatermark;
        long flushed;

        int latest() {
            return entries.isEmpty() ? -1 : entries.get(entries.size() - 1).epoch();
        }

        int lastRecordEpoch() {
            return epochs.isEmpty() ? -1 : epochs.get(epochs.size() - 1);
        }

        void append(int epoch, long id) {
            if (epoch < latest()) {
                // An older epoch after newer entries that have no records: those go, and the record
                // continues its epoch's entry if that has records already.
                entries.removeIf(e -> e.epoch() > epoch || e.start() >= epochs.size());
            }
            if (epoch > latest()) {
                entries.add(new Entry(epoch, epochs.size()));
            }
            epochs.add(epoch);
            ids.add(id);
        }

        void becomeLeader(int epoch) {
            entries.add(new Entry(epoch, epochs.size()));
        }

        void truncateTo(long offset) {
            int keep = (int) Math.max(0, offset);
            while (epochs.size() > keep) {
                epochs.remove(epochs.size() - 1);
                ids.remove(ids.size() - 1);
            }
            entries.removeIf(e -> e.start() >= keep);
            highWatermark = Math.min(highWatermark, epochs.size());
            flushed = Math.min(flushed, epochs.size());
        }

        EpochEnd endOffsetFor(int requested) {
            if (entries.isEmpty() || requested < 0 || requested > latest()) {
                return new EpochEnd(-1, -1);
            }
            if (requested == latest()) {
                return new EpochEnd(requested, epochs.size());
            }
            Entry floor = entries.stream()
                    .filter(e -> e.epoch() <= requested)
                    .reduce((a, b) -> b)
                    .orElse(null);
            Entry next = entries.stream()
                    .filter(e -> e.epoch() > requested)
                    .findFirst()
                    .orElseThrow();
            return new EpochEnd(floor == null ? requested : floor.epoch(), next.start());
        }

        int largestEpochAtMost(int epoch) {
            return entries.stream()
                    .mapToInt(Entry::epoch)
                    .filter(e -> e <= epoch)
                    .max()
                    .orElse(-1);
        }
    }

    @Test
    void agreesWithANaiveModel() {
        PropertyCheck.forAll("epoch cache = naive model", 1_000, EpochCachePropertyTest::steps, steps -> {
            ReplicaLog log = new ReplicaLog();
            NaiveLog model = new NaiveLog();
            long nextId = 0;
            for (Step step : steps) {
                if (step instanceof Append append) {
                    int epoch = Math.max(0, model.lastRecordEpoch()) + append.delta();
                    log.append(epoch, nextId);
                    model.append(epoch, nextId++);
                } else if (step instanceof BecomeLeader leader) {
                    int epoch = model.latest() + 1 + leader.delta();
                    log.assignEpochStartOffset(epoch, log.endOffset());
                    model.becomeLeader(epoch);
                } else if (step instanceof Truncate truncate) {
                    long offset = model.epochs.size() - truncate.back();
                    log.truncateTo(offset);
                    if (offset <= model.epochs.size()) {
                        model.truncateTo(offset);
                    }
                } else if (step instanceof Flush) {
                    log.flush();
                    model.flushed = model.epochs.size();
                } else if (step instanceof LoseUnflushed) {
                    assertEquals(model.epochs.size(), log.loseUnflushed(), "end offset before the loss");
                    model.truncateTo(Math.min(model.flushed, model.epochs.size()));
                } else if (step instanceof SetHighWatermark hw) {
                    long offset = model.epochs.size() - hw.back();
                    log.setHighWatermark(offset);
                    model.highWatermark = Math.min(offset, model.epochs.size());
                }
                agree(model, log, step);
            }
        });
    }

    private static void agree(NaiveLog model, ReplicaLog log, Step after) {
        String where = " after " + after;
        assertEquals(model.epochs.size(), log.endOffset(), "end offset" + where);
        assertEquals(model.highWatermark, log.highWatermark(), "high watermark" + where);
        assertEquals(model.latest(), log.latestEpoch(), "latest epoch" + where);
        assertEquals(model.lastRecordEpoch(), log.lastRecordEpoch(), "last record epoch" + where);
        for (int epoch = -2; epoch <= model.latest() + 2; epoch++) {
            assertEquals(model.endOffsetFor(epoch), log.endOffsetFor(epoch), "endOffsetFor(" + epoch + ")" + where);
            assertEquals(
                    model.largestEpochAtMost(epoch),
                    log.largestEpochAtMost(epoch),
                    "largestEpochAtMost(" + epoch + ")" + where);
        }
        LogView view = log.view();
        assertEquals(model.entries.size(), view.cacheSize(), "view cache size" + where);
        for (int i = 0; i < model.entries.size(); i++) {
            assertEquals(model.entries.get(i).epoch(), view.cacheEpochs()[i], "view cache epoch " + i + where);
            assertEquals(model.entries.get(i).start(), view.cacheStartOffsets()[i], "view cache start " + i + where);
        }
        for (int offset = 0; offset < model.epochs.size(); offset++) {
            assertEquals(model.epochs.get(offset), view.epochAt(offset), "view epoch at " + offset + where);
            assertEquals(model.ids.get(offset), view.recordIdAt(offset), "view record at " + offset + where);
            // The cache describes the log: a record's epoch is that of the last entry starting at or before it.
            int at = offset;
            int covering = model.entries.stream()
                    .filter(e -> e.start() <= at)
                    .reduce((a, b) -> b)
                    .map(NaiveLog.Entry::epoch)
                    .orElse(-1);
            assertEquals(model.epochs.get(offset), covering, "cache entry covering offset " + offset + where);
        }
        for (int i = 1; i < model.entries.size(); i++) {
            assertTrue(model.entries.get(i - 1).epoch() < model.entries.get(i).epoch(), "epochs increase" + where);
            assertTrue(model.entries.get(i - 1).start() <= model.entries.get(i).start(), "starts ascend" + where);
        }
    }

    private static List<Step> steps(Random random) {
        List<Step> steps = new ArrayList<>();
        int count = 5 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(100);
            if (dice < 45) {
                steps.add(new Append(random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2)));
            } else if (dice < 60) {
                steps.add(new BecomeLeader(random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0));
            } else if (dice < 72) {
                steps.add(new Truncate(random.nextInt(6) - 1));
            } else if (dice < 80) {
                steps.add(new Flush());
            } else if (dice < 86) {
                steps.add(new LoseUnflushed());
            } else {
                steps.add(new SetHighWatermark(random.nextInt(4) - 1));
            }
        }
        return steps;
    }
}
