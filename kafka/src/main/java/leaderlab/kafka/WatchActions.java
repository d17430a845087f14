package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.Condition;

/**
 * wait, expect, why and brokers on a real cluster: the shell's own conditions on the cluster read now, what
 * the observer saw, and the wall clock.
 */
final class WatchActions {

    static final long DEFAULT_TIMEOUT_MS = 30_000;
    private static final long POLL_MS = 250;

    private final KafkaSession kafka;

    WatchActions(KafkaSession kafka) {
        this.kafka = kafka;
    }

    Result waitCommand(Args args, Session session) throws InterruptedException {
        if (args.count() == 0) {
            throw new CommandException("wait needs a DURATION (e.g. wait 2s) or until CONDITION");
        }
        if (!args.positional(0, "").equals("until")) {
            args.expectAtMost(1, "wait DURATION");
            if (args.option("timeout") != null) {
                throw new CommandException("--timeout goes with wait until");
            }
            long ms = Parse.durationMs(args.positional(0, "a DURATION"));
            Thread.sleep(ms);
            return Result.ok("waited " + Parse.seconds(ms) + " (wall clock: real Kafka does not pause)");
        }
        Condition condition = Condition.parse(args.positionals().subList(1, args.count()), session);
        long timeout = args.option("timeout") == null ? DEFAULT_TIMEOUT_MS : Parse.durationMs(args.option("timeout"));
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeout);
        // The parse read the cluster: that read is the first look.
        ClusterSnapshot snapshot = readOrNull(kafka::checked);
        while (snapshot == null || !condition.holds(snapshot)) {
            if (System.nanoTime() > deadline) {
                return Result.failed("wait until " + condition.text() + " timed out after " + Parse.seconds(timeout)
                        + "; it is "
                        + (snapshot == null ? "unknown (Kafka did not answer)" : condition.actual(snapshot)));
            }
            Thread.sleep(POLL_MS);
            snapshot = readOrNull(kafka::fresh);
        }
        return Result.ok(
                condition.text() + " after " + Parse.seconds(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
    }

    /** The cluster now, or null when it did not answer in time (a stalled broker can hold an Admin call). */
    private static ClusterSnapshot readOrNull(java.util.function.Supplier<ClusterSnapshot> read) {
        try {
            return read.get();
        } catch (KafkaCallException e) {
            return null;
        }
    }

    Result expect(Args args, Session session) {
        if (args.count() == 0) {
            throw new CommandException("expect needs a condition, e.g. expect leader orders-0 is 2");
        }
        Condition condition = Condition.parse(args.positionals(), session);
        ClusterSnapshot snapshot = kafka.checked();
        if (!condition.holds(snapshot)) {
            return Result.failed(
                    "expectation failed: " + condition.text() + ", but it is " + condition.actual(snapshot));
        }
        return Result.ok("ok: " + condition.text());
    }

    Result why(Args args) {
        args.expectAtMost(1, "why TOPIC-P");
        if (args.flag("json")) {
            throw new CommandException("why --json is not available on real Kafka yet");
        }
        RealState.Partition p = kafka.partition(kafka.state(), args.positional(0, "a partition, e.g. why orders-0"));
        List<String> lines = new ArrayList<>();
        lines.add(p.name() + ": leader " + Changes.leader(p.leader()) + ", replicas " + Changes.list(p.replicas())
                + ", ISR " + Changes.listOrNone(p.isr()) + ", ELR " + Changes.listOrNone(p.elr()) + ", HW "
                + (p.highWatermark() < 0 ? "unknown" : p.highWatermark()));
        lines.add("Kafka does not say why its metadata changed; these are the changes leaderlab observed " + "(cause: "
                + ObservedEvent.CAUSE + "):");
        int before = lines.size();
        for (ObservedEvent event : kafka.observer().events()) {
            if (event.subject().equals(p.name()) || event.aboutBroker()) {
                lines.add("  " + event.format());
            }
        }
        if (lines.size() == before) {
            lines.add("  none since leaderlab connected");
        }
        return Result.ok(lines);
    }

    Result brokers(Args args) {
        args.expectAtMost(0, "brokers");
        if (args.flag("json")) {
            throw new CommandException("brokers --json is not available on real Kafka yet");
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-6s %-5s %-8s %s", "BROKER", "RACK", "STATE", "PID"));
        for (RealState.Broker broker : kafka.state().brokers()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%-6d %-5s %-8s %s",
                    broker.id(),
                    broker.rack() == null ? "-" : broker.rack(),
                    broker.state(),
                    broker.pid() < 0 ? "-" : Long.toString(broker.pid())));
        }
        return Result.ok(lines);
    }
}
