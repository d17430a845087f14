package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.view.PartitionView;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Json;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/**
 * {@code why TOPIC-P}: the causal chain behind a partition's current leader and ISR, read from the
 * journal: which election chose the leader and by which rule, what triggered it (a fenced broker and
 * how long it was silent, a controlled shutdown, an operator's election, automatic rebalance), and
 * what the operator did to that broker before.
 */
final class WhyCommand {

    private WhyCommand() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("why")
                .completes(Completions.first(Completions.both(
                        Completions.words("the active controller's election", "controller"), Completions.partitions())))
                .recording(Command.Recording.ENDS_STEP)
                .usage("why TOPIC-P|controller [--json]")
                .summary("explain, from the journal, why a partition has its leader and ISR, or the quorum its leader")
                .flags("json")
                .example("why orders-0")
                .example("why controller")
                .run(WhyCommand::why));
    }

    private static Result why(Args args, Session session) {
        args.expectAtMost(1, "why TOPIC-P|controller [--json]");
        String target = args.positional(0, "a partition or controller, e.g. why orders-0");
        if (QuorumWhy.WORDS.contains(target)) {
            return QuorumWhy.why(session, args.flag("json"));
        }
        Targets.TopicPartition tp = Targets.partition(session, target);
        Journal journal = session.cluster().journal();
        PartitionView now = session.cluster().snapshot().partition(tp.topic().name(), tp.partition());
        String name = tp.name();
        Event leader = latest(journal, tp, EventType.LEADER_ELECTED, null);
        Event isr = latest(journal, tp, EventType.ISR_SHRUNK, EventType.ISR_EXPANDED);
        Event elr = latest(journal, tp, EventType.ELR_CHANGED, null);
        List<String> elrChain = elr == null ? List.of() : chain(journal, elr);
        List<String> leaderChain = leader == null ? List.of() : chain(journal, leader);
        List<String> isrChain = isr == null ? List.of() : chain(journal, isr);
        if (args.flag("json")) {
            return Result.ok(new Json()
                    .beginObject()
                    .field("partition", name)
                    .field("leader", now.leader())
                    .field("leaderEpoch", now.leaderEpoch() < 0 ? null : now.leaderEpoch())
                    .field("isr", now.isr())
                    .field("elr", now.elr())
                    .field("lastKnownElr", now.lastKnownElr())
                    .field("leaderBecause", leaderChain)
                    .field("isrBecause", isrChain)
                    .field("elrBecause", elrChain)
                    .endObject()
                    .toString());
        }
        List<String> lines = new ArrayList<>();
        lines.add(name + ": leader " + (now.leader() < 0 ? "none (offline)" : now.leader()) + ", leader epoch "
                + Replicas.epoch(now.leaderEpoch()) + ", ISR "
                + (now.isr().length == 0 ? "(empty)" : Replicas.format(now.isr()))
                + ", replicas " + Replicas.format(now.replicas()));
        if (leader == null) {
            lines.add("Leader: broker " + now.leader() + " has led since the topic was created: a new partition's "
                    + "leader is the first of its replicas that is alive (Kafka §1.3).");
        } else {
            lines.add("Leader:");
            leaderChain.forEach(line -> lines.add("  " + line));
        }
        if (isr == null) {
            lines.add("ISR: unchanged since the topic was created (the replicas alive then).");
        } else {
            lines.add("ISR:");
            isrChain.forEach(line -> lines.add("  " + line));
        }
        if (now.elr().length > 0 || now.lastKnownElr().length > 0) {
            lines.add("ELR " + orNone(now.elr()) + ", LastKnownElr " + orNone(now.lastKnownElr())
                    + ": replicas that left an ISR below min.insync.replicas; with an empty ISR the first of them "
                    + "alive is elected cleanly (KIP-966).");
            elrChain.forEach(line -> lines.add("  " + line));
        }
        if (now.recovering()) {
            lines.add("The partition is RECOVERING: an unclean election chose a replica outside the ISR, which may "
                    + "lack acknowledged records; the ISR grows again once the leader reports it has recovered.");
        }
        return Result.ok(lines);
    }

    private static Event latest(Journal journal, Targets.TopicPartition tp, EventType type, EventType orType) {
        List<Event> found = journal.latest(
                1, e -> e.isAbout(tp.topic().name(), tp.partition()) && (e.type() == type || e.type() == orType));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The event, then what caused it, and so on; ends with what the operator last did to a fenced broker. */
    private static List<String> chain(Journal journal, Event event) {
        List<String> lines = new ArrayList<>();
        lines.add(at(event) + event.text());
        Event current = event;
        String indent = "";
        while (true) {
            indent += "  ";
            if (current.causeSeq() >= 0) {
                Event cause = journal.get(current.causeSeq());
                lines.add(indent + "because, " + at(cause) + cause.text() + " (" + cause.cause() + ")");
                current = cause;
                continue;
            }
            if (!current.cause().isEmpty() && current == event) {
                lines.add(indent + "because: " + current.cause());
            }
            break;
        }
        int broker = current.detail() instanceof EventDetail.BrokerFenced fenced
                ? fenced.broker()
                : current.detail() instanceof EventDetail.ControlledShutdownBegan shutdown ? shutdown.broker() : -1;
        if (broker >= 0) {
            Event operator = lastOperatorAction(journal, current, broker);
            if (operator != null) {
                lines.add(indent + "before that, " + at(operator) + operator.text());
            }
        }
        return lines;
    }

    /** The last operator fault done to a broker (or its clean stop), before an event about it. */
    private static Event lastOperatorAction(Journal journal, Event brokerEvent, int broker) {
        for (long seq = brokerEvent.seq() - 1; seq >= 0; seq--) {
            Event e = journal.get(seq);
            EventDetail detail = e.detail();
            if (detail instanceof EventDetail.FaultInjected fault
                            && fault.brokers().contains(broker)
                    || detail instanceof EventDetail.FaultHealed healed
                            && healed.brokers().contains(broker)
                    || detail instanceof EventDetail.BrokerStopped stopped && stopped.broker() == broker) {
                return e;
            }
        }
        return null;
    }

    static String at(Event event) {
        return String.format(Locale.ROOT, "at %.3fs ", event.timeMs() / 1000.0);
    }

    private static String orNone(int[] replicas) {
        return replicas.length == 0 ? "none" : Replicas.format(replicas);
    }
}
