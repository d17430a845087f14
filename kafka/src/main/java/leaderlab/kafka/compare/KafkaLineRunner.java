package leaderlab.kafka.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import leaderlab.kafka.KafkaCommands;
import leaderlab.kafka.LastResults;
import leaderlab.kafka.Observer;
import leaderlab.kafka.RealCluster;
import leaderlab.kafka.RealState;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;

/**
 * Runs lines written for the simulator on a real cluster, allowing for Kafka's own pace: an
 * {@code expect} that does not hold yet is given up to the settling bound to come true (a checkpoint,
 * not a snapshot of one instant), and a {@code wait until} gets at least that bound, since a script's
 * timeouts are the simulator's. Everything else runs as {@code --kafka} runs it. Command thread only.
 */
public final class KafkaLineRunner implements AutoCloseable {

    /** How often a settling look asks the Admin API again. */
    static final long POLL_MS = 250;

    /** Unchanged this long, a state is taken as settled (classroom session timeout 1.5 s, replica lag 2 s). */
    static final long STABLE_MS = 3_000;

    /**
     * One line's outcome.
     *
     * @param settledMs for an expect that held only after settling, how long that took; else -1
     */
    public record Outcome(Result result, long settledMs) {}

    private final RealCluster cluster;
    private final KafkaCommands.Registry registry;
    private final Dispatcher dispatcher;
    private final long settleMs;

    public KafkaLineRunner(RealCluster cluster, Observer observer, long settleMs) {
        this.cluster = cluster;
        this.registry = KafkaCommands.registry(cluster, observer);
        this.dispatcher = new Dispatcher(registry.commands(), registry.newSession());
        this.settleMs = settleMs;
    }

    public long settleMs() {
        return settleMs;
    }

    LastResults results() {
        return registry.results();
    }

    /** The cluster now, or null when it did not answer in time (a stalled broker can hold an Admin call). */
    RealState stateOrNull() {
        try {
            return cluster.state();
        } catch (IllegalArgumentException notAnswered) {
            return null;
        }
    }

    /**
     * Looks again every {@link #POLL_MS} until {@code done} holds or the settling bound runs out.
     *
     * @return the last look (null if Kafka never answered) and how long it took
     */
    Settled settle(Predicate<RealState> done) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(settleMs);
        RealState state = stateOrNull();
        while ((state == null || !done.test(state)) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MS);
            state = stateOrNull();
        }
        return new Settled(state, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    record Settled(RealState state, long elapsedMs) {}

    /**
     * Like {@link #settle}, but also stops once what {@code watched} picks out has not changed for
     * {@link #STABLE_MS}: longer than a broker's session timeout or replica lag, so a change on its way
     * would have shown.
     */
    Settled settleOrStable(Predicate<RealState> done, java.util.function.Function<RealState, Object> watched)
            throws InterruptedException {
        Object[] last = {null};
        long[] since = {System.nanoTime()};
        return settle(state -> {
            if (done.test(state)) {
                return true;
            }
            Object now = watched.apply(state);
            if (!now.equals(last[0])) {
                last[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] > TimeUnit.MILLISECONDS.toNanos(STABLE_MS);
        });
    }

    /** Runs one line, settling expects and lengthening waits as the class says. */
    public Outcome run(String text) {
        List<String> words = leaderlab.shell.command.Tokenizer.split(text);
        if (words.isEmpty()) {
            return new Outcome(Result.ok(), -1);
        }
        if (words.get(0).equals("wait") && words.size() > 1 && words.get(1).equals("until")) {
            return new Outcome(dispatcher.execute(withTimeoutAtLeast(words)), -1);
        }
        Result result = dispatcher.execute(text);
        if (!words.get(0).equals("expect") || result.status() != Result.Status.FAILED || aboutTheLastProduce(words)) {
            return new Outcome(result, -1);
        }
        long start = System.nanoTime();
        Result waited = dispatcher.execute(
                "wait until " + String.join(" ", words.subList(1, words.size())) + " --timeout " + settleMs + "ms");
        if (!waited.isOk()) {
            return new Outcome(dispatcher.execute(text), -1);
        }
        return new Outcome(
                Result.ok("ok: " + text.substring("expect".length()).strip() + " (once Kafka had settled)"),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** The last produce's outcome does not change by waiting. */
    private static boolean aboutTheLastProduce(List<String> words) {
        return words.size() > 1 && words.get(1).equals("last-produce");
    }

    /** The wait with its --timeout raised to the settling bound when it was shorter (without one, Kafka's 30 s). */
    private String withTimeoutAtLeast(List<String> words) {
        List<String> out = new ArrayList<>(words);
        int at = out.indexOf("--timeout");
        if (at >= 0 && at + 1 < out.size()) {
            long given = Parse.durationMs(out.get(at + 1));
            out.set(at + 1, Math.max(given, settleMs) + "ms");
        }
        return String.join(" ", out);
    }

    @Override
    public void close() throws Exception {
        registry.close();
    }
}
