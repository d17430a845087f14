package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;

/** wait, expect, events, why and brokers on a real cluster: what the observer saw, and the wall clock. */
final class WatchActions {

    static final long DEFAULT_TIMEOUT_MS = 30_000;
    private static final long POLL_MS = 250;

    private final KafkaSession kafka;

    WatchActions(KafkaSession kafka) {
        this.kafka = kafka;
    }

    Result waitCommand(Args args) throws InterruptedException {
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
        RealCondition condition = RealCondition.parse(args.positionals().subList(1, args.count()), kafka);
        long timeout = args.option("timeout") == null ? DEFAULT_TIMEOUT_MS : Parse.durationMs(args.option("timeout"));
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeout);
        RealState state = readOrNull();
        while (state == null || !condition.holds(state)) {
            if (System.nanoTime() > deadline) {
                return Result.failed("wait until " + condition.text() + " timed out after " + Parse.seconds(timeout)
                        + "; it is " + (state == null ? "unknown (Kafka did not answer)" : condition.actual(state)));
            }
            Thread.sleep(POLL_MS);
            state = readOrNull();
        }
        return Result.ok(
                condition.text() + " after " + Parse.seconds(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
    }

    /** The cluster now, or null when it did not answer in time (a stalled broker can hold an Admin call). */
    private RealState readOrNull() {
        try {
            return kafka.state();
        } catch (KafkaCallException e) {
            return null;
        }
    }

    Result expect(Args args) {
        if (args.count() == 0) {
            throw new CommandException("expect needs a condition, e.g. expect leader orders-0 is 2");
        }
        RealCondition condition = RealCondition.parse(args.positionals(), kafka);
        RealState state = kafka.state();
        if (!condition.holds(state)) {
            return Result.failed("expectation failed: " + condition.text() + ", but it is " + condition.actual(state));
        }
        return Result.ok("ok: " + condition.text());
    }

    Result events(Args args) {
        args.expectAtMost(0, "events [--type TYPE]");
        for (String unsupported : List.of("follow", "json")) {
            if (args.flag(unsupported)) {
                throw new CommandException("events --" + unsupported + " is not available on real Kafka yet");
            }
        }
        String type = args.option("type");
        if (type != null) {
            try {
                ObservedEvent.Type.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandException("events seen on real Kafka are of type "
                        + java.util.Arrays.toString(ObservedEvent.Type.values()) + ", not " + type);
            }
        }
        List<String> lines = new ArrayList<>();
        for (ObservedEvent event : kafka.observer().events()) {
            if (type == null || event.type().name().equalsIgnoreCase(type)) {
                lines.add(event.format());
            }
        }
        if (lines.isEmpty()) {
            lines.add("no change observed yet (leaderlab polls the cluster every " + Observer.INTERVAL_MS + " ms)");
        }
        return Result.ok(lines);
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
