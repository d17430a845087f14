package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.cluster.check.Ledger;
import leaderlab.cluster.check.Violation;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Json;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/** The data-loss ledger and the safety checker, as commands. */
final class SafetyCommands {

    private SafetyCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("lost")
                .usage("lost [TOPIC] [--json]")
                .summary("acknowledged records that vanished: which offsets, on which replicas, and why")
                .details("Every acknowledged record is tracked. A record is lost when the partition's leader no "
                        + "longer has it at its offset: after an unclean election, or when a leader that acknowledged "
                        + "with acks=1 crashes before its followers copied the record. Under a safe configuration "
                        + "(acks=all, min.insync.replicas >= 2, unclean election off) a loss is also a violation.")
                .flags("json")
                .example("lost")
                .example("lost orders --json")
                .run(SafetyCommands::lost));
        registry.add(Command.builder("violations")
                .usage("violations [--json]")
                .summary("safety invariants that did not hold (checked after every event, or continuously live)")
                .details("Invariants: SingleLeaderPerEpoch, MonotonicEpochs, LeaderInIsr, IsrWithinReplicas, "
                        + "HighWatermarkWithinIsr, LogMatching (replicas agree below the HW), NoAcknowledgedRecordLost "
                        + "(under a safe configuration). The HW and log checks need one-instant snapshots, so they "
                        + "run in the simulator (--seed) only.")
                .flags("json")
                .run(SafetyCommands::violations));
    }

    private static Result lost(Args args, Session session) {
        args.expectAtMost(1, "lost [TOPIC] [--json]");
        String topic = args.count() == 1
                ? Targets.topic(session, args.positional(0, "TOPIC")).name()
                : null;
        session.cluster().checkNow();
        List<Ledger.Loss> losses = new ArrayList<>();
        for (Ledger.Loss loss : session.cluster().ledger().losses()) {
            if (topic == null
                    || loss.partition().startsWith(topic + "-")
                            && loss.partition()
                                    .substring(topic.length() + 1)
                                    .chars()
                                    .allMatch(Character::isDigit)) {
                losses.add(loss);
            }
        }
        long records = losses.stream().mapToLong(l -> l.records().size()).sum();
        if (args.flag("json")) {
            Json json = new Json()
                    .beginObject()
                    .field("lost", records)
                    .field("acknowledged", session.cluster().ledger().acknowledgedCount());
            json.name("losses").beginArray();
            for (Ledger.Loss loss : losses) {
                json.beginObject()
                        .field("partition", loss.partition())
                        .field("fromOffset", loss.fromOffset())
                        .field("toOffset", loss.toOffset())
                        .field("records", loss.records().size())
                        .field(
                                "recordIds",
                                loss.records().stream().map(r -> r.recordId()).toList())
                        .field(
                                "acks",
                                loss.records().get(0).acks() == -1
                                        ? "all"
                                        : Integer.toString(loss.records().get(0).acks()))
                        .field("missingOn", loss.missingOn())
                        .field("lostAtMs", loss.lostAtMs())
                        .field("safeConfiguration", loss.safe())
                        .field("why", loss.explanation())
                        .endObject();
            }
            return Result.ok(json.endArray().endObject().toString());
        }
        List<String> lines = new ArrayList<>();
        lines.add(records + " acknowledged record(s) lost" + (topic == null ? "" : " from " + topic) + " (of "
                + session.cluster().ledger().acknowledgedCount() + " acknowledged in all)");
        for (Ledger.Loss loss : losses) {
            Ledger.Acked first = loss.records().get(0);
            lines.add(String.format(
                    Locale.ROOT,
                    "  %s offsets %d-%d: %d record(s) acked with acks=%s at %s, lost at %s, missing on "
                            + "broker(s) %s%s",
                    loss.partition(),
                    loss.fromOffset(),
                    loss.toOffset(),
                    loss.records().size(),
                    first.acks() == -1 ? "all" : first.acks(),
                    Parse.seconds(first.ackedAtMs()),
                    Parse.seconds(loss.lostAtMs()),
                    loss.missingOn(),
                    loss.safe() ? " (VIOLATION: safe configuration)" : ""));
            lines.add("    why: " + loss.explanation());
        }
        return Result.ok(lines);
    }

    private static Result violations(Args args, Session session) {
        args.expectAtMost(0, "violations [--json]");
        session.cluster().checkNow();
        List<Violation> found = session.cluster().checker().violations();
        if (args.flag("json")) {
            Json json = new Json().beginArray();
            found.forEach(v -> json.beginObject()
                    .field("invariant", v.invariant())
                    .field("where", v.partition())
                    .field("message", v.message())
                    .field("timeMs", v.timeMs())
                    .endObject());
            return Result.ok(json.endArray().toString());
        }
        List<String> lines = new ArrayList<>();
        lines.add(found.size() + " violation(s)" + (session.cluster().checker().enabled() ? "" : " (checker is off)"));
        found.forEach(v -> lines.add("  " + Parse.seconds(v.timeMs()) + "  " + v));
        return Result.ok(lines);
    }
}
