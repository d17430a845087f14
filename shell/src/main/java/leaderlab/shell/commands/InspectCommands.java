package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.controller.BrokerSession;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.metadata.MetadataView;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.PartitionView;
import leaderlab.cluster.view.ReplicaView;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Json;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Table;
import leaderlab.shell.command.Targets;

/** Inspection: brokers, a partition's replica logs side by side, and its leadership history. */
final class InspectCommands {

    /** Offsets shown by {@code log} unless --last says otherwise. */
    private static final int DEFAULT_LOG_ROWS = 12;

    private InspectCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("brokers")
                .recording(Command.Recording.ENDS_STEP)
                .usage("brokers [--json]")
                .summary("each broker: process, what the controller believes, leaderships, metadata lag, heartbeat age")
                .flags("json")
                .example("brokers")
                .run(InspectCommands::brokers));
        registry.add(Command.builder("log")
                .completes(Completions.first(Completions.partitions()))
                .recording(Command.Recording.ENDS_STEP)
                .usage("log TOPIC-P [--last N | --all] [--json]")
                .summary("each replica's log side by side: offsets, leader epochs, record ids, HW and LEO markers")
                .details("Rows are offsets, newest first; each cell is 'e<epoch> m<record>'. '<HW' marks the high "
                        + "watermark (records below it are committed) and '<LEO' the log end offset (where the next "
                        + "record goes). The epoch cache line shows where each leader epoch starts on each replica, "
                        + "which is how followers find where their log diverges.")
                .options("last")
                .flags("json", "all")
                .example("log orders-0")
                .example("log orders-0 --last 30")
                .run(InspectCommands::log));
        registry.add(Command.builder("history")
                .completes(Completions.first(Completions.both(
                        Completions.words("the controller quorum's elections", "controller"),
                        Completions.partitions())))
                .recording(Command.Recording.ENDS_STEP)
                .usage("history TOPIC-P|controller [--json]")
                .summary("leadership, epochs, ISR and ELR of a partition over time, or the quorum's elections")
                .flags("json")
                .example("history orders-0")
                .example("history controller")
                .run(InspectCommands::history));
    }

    private static Result brokers(Args args, Session session) {
        args.expectAtMost(0, "brokers [--json]");
        ClusterSnapshot snapshot = session.snapshots().snapshot();
        MetadataView metadata = snapshot.metadata();
        int[] leaders = new int[snapshot.brokers().size() + 2];
        int[] replicas = new int[leaders.length];
        for (int id = 0; id < metadata.partitions().size(); id++) {
            PartitionRegistration p = metadata.partitions().get(id);
            if (p.hasLeader() && p.leader() < leaders.length) {
                leaders[p.leader()]++;
            }
            for (int r : p.replicas()) {
                if (r < replicas.length) {
                    replicas[r]++;
                }
            }
        }
        if (args.flag("json")) {
            Json json = new Json().beginArray();
            for (ClusterSnapshot.BrokerState b : snapshot.brokers()) {
                BrokerSession s = b.session();
                json.beginObject()
                        .field("id", b.id())
                        .field("rack", b.rack())
                        .field("process", b.running() ? "RUNNING" : "STOPPED")
                        .field("registration", b.registrationState())
                        .field(
                                "brokerEpoch",
                                b.registration() == null ? -1 : b.registration().epoch())
                        .field("leaders", leaders[b.id()])
                        .field("replicas", replicas[b.id()])
                        .field(
                                "metadataOffset",
                                b.view().metadata() == null
                                        ? -1
                                        : b.view().metadata().offset())
                        .field("lastHeartbeatMsAgo", s == null ? null : snapshot.timeMs() - s.lastContactMs())
                        .field(
                                "demoted",
                                b.registration() != null && b.registration().demoted())
                        .field("reality", b.reality().describe())
                        .endObject();
            }
            return Result.ok(json.endArray().toString());
        }
        Table table = new Table(
                "BROKER",
                "RACK",
                "PROCESS",
                "CONTROLLER SAYS",
                "EPOCH",
                "LEADERS",
                "REPLICAS",
                "METADATA LAG",
                "LAST HEARTBEAT",
                "REALLY");
        for (ClusterSnapshot.BrokerState b : snapshot.brokers()) {
            BrokerSession s = b.session();
            long lag = b.view().metadata() == null
                    ? -1
                    : metadata.offset() - b.view().metadata().offset();
            table.row(
                    b.id(),
                    b.rack() == null ? "-" : b.rack(),
                    b.running() ? "RUNNING" : "STOPPED",
                    b.registrationState()
                            + (b.registration() != null && b.registration().demoted() ? " DEMOTED" : ""),
                    b.registration() == null ? "-" : b.registration().epoch(),
                    leaders[b.id()],
                    replicas[b.id()],
                    lag < 0 ? "-" : lag + " records",
                    s == null ? "-" : (snapshot.timeMs() - s.lastContactMs()) + " ms ago",
                    b.reality().describe());
        }
        return Result.ok(table.lines());
    }

    private static Result log(Args args, Session session) {
        args.expectAtMost(1, "log TOPIC-P [--last N | --all] [--json]");
        Targets.TopicPartition tp = Targets.partition(session, args.positional(0, "a partition, e.g. log orders-0"));
        ClusterSnapshot snapshot = session.cluster().snapshot();
        PartitionView partition = snapshot.partition(tp.topic().name(), tp.partition());
        int id = tp.topic().partitionId(tp.partition());
        List<Integer> brokers = new ArrayList<>();
        List<LogView> logs = new ArrayList<>();
        for (int broker : partition.replicas()) {
            ReplicaView replica = snapshot.replica(broker, id);
            brokers.add(broker);
            logs.add(replica == null ? LogView.EMPTY : replica.log());
        }
        if (args.flag("json")) {
            return Result.ok(logJson(partition, brokers, logs));
        }
        long end = logs.stream().mapToLong(LogView::endOffset).max().orElse(0);
        int rows = args.flag("all") ? Integer.MAX_VALUE : args.intOption("last", DEFAULT_LOG_ROWS);
        long from = Math.max(0, end - rows + 1);
        List<String> lines = new ArrayList<>();
        lines.add(partition.name() + "  leader " + (partition.leader() < 0 ? "none" : partition.leader())
                + "  leader epoch " + Replicas.epoch(partition.leaderEpoch()) + "  replicas "
                + Replicas.format(partition.replicas())
                + "  ISR " + Replicas.format(partition.isr()) + "  HW " + partition.highWatermark());
        String[] header = new String[brokers.size() + 1];
        header[0] = "OFFSET";
        for (int i = 0; i < brokers.size(); i++) {
            header[i + 1] = "BROKER " + brokers.get(i) + (brokers.get(i) == partition.leader() ? " (LEADER)" : "")
                    + (snapshot.broker(brokers.get(i)).running() ? "" : " (STOPPED)");
        }
        Table table = new Table(header);
        for (long offset = end; offset >= from; offset--) {
            Object[] row = new Object[brokers.size() + 1];
            row[0] = offset;
            for (int i = 0; i < logs.size(); i++) {
                LogView log = logs.get(i);
                String cell = offset < log.endOffset() ? "e" + log.epochAt(offset) + " m" + log.recordIdAt(offset) : "";
                String markers =
                        (offset == log.highWatermark() ? " <HW" : "") + (offset == log.endOffset() ? " <LEO" : "");
                row[i + 1] = (cell + markers).strip();
            }
            table.row(row);
        }
        lines.addAll(table.lines());
        if (from > 0) {
            lines.add("(offsets below " + from + " not shown; --all shows every offset)");
        }
        StringBuilder cache = new StringBuilder("epoch cache (epoch@start offset):");
        for (int i = 0; i < logs.size(); i++) {
            LogView log = logs.get(i);
            cache.append(i == 0 ? " " : "; ")
                    .append("broker ")
                    .append(brokers.get(i))
                    .append(" [");
            for (int e = 0; e < log.cacheSize(); e++) {
                cache.append(e == 0 ? "" : ", ")
                        .append('e')
                        .append(log.cacheEpochs()[e])
                        .append('@')
                        .append(log.cacheStartOffsets()[e]);
            }
            cache.append(']');
        }
        lines.add(cache.toString());
        return Result.ok(lines);
    }

    private static String logJson(PartitionView partition, List<Integer> brokers, List<LogView> logs) {
        Json json = new Json()
                .beginObject()
                .field("partition", partition.name())
                .field("leader", partition.leader())
                .field("leaderEpoch", partition.leaderEpoch() < 0 ? null : partition.leaderEpoch())
                .field("hw", partition.highWatermark());
        json.name("replicas").beginArray();
        for (int i = 0; i < brokers.size(); i++) {
            LogView log = logs.get(i);
            json.beginObject()
                    .field("broker", brokers.get(i))
                    .field("leo", log.endOffset())
                    .field("hw", log.highWatermark());
            json.name("records").beginArray();
            for (int offset = 0; offset < log.endOffset(); offset++) {
                json.beginObject()
                        .field("offset", offset)
                        .field("epoch", log.epochAt(offset))
                        .field("record", log.recordIdAt(offset))
                        .endObject();
            }
            json.endArray();
            json.name("epochCache").beginArray();
            for (int e = 0; e < log.cacheSize(); e++) {
                json.beginObject()
                        .field("epoch", log.cacheEpochs()[e])
                        .field("startOffset", log.cacheStartOffsets()[e])
                        .endObject();
            }
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static Result history(Args args, Session session) {
        args.expectAtMost(1, "history TOPIC-P|controller [--json]");
        String target = args.positional(0, "a partition or controller, e.g. history orders-0");
        if (QuorumWhy.WORDS.contains(target)) {
            return QuorumWhy.history(session, args.flag("json"));
        }
        Targets.TopicPartition tp = Targets.partition(session, target);
        String name = tp.name();
        List<Event> events = session.cluster()
                .journal()
                .since(
                        0,
                        e -> e.isAbout(tp.topic().name(), tp.partition())
                                && (e.type() == EventType.LEADER_ELECTED
                                        || e.type() == EventType.ISR_SHRUNK
                                        || e.type() == EventType.ISR_EXPANDED
                                        || e.type() == EventType.ELR_CHANGED
                                        || e.type() == EventType.REASSIGNMENT
                                        || e.type() == EventType.TRUNCATED
                                        || e.type() == EventType.TOPIC_CREATED));
        if (args.flag("json")) {
            return Result.ok(eventsJson(events));
        }
        List<String> lines = new ArrayList<>();
        PartitionView now = session.cluster().snapshot().partition(tp.topic().name(), tp.partition());
        lines.add(name + " was created with replicas " + Replicas.format(now.replicas()) + "; changes since:");
        events.forEach(e -> lines.add(e.format()));
        if (events.isEmpty()) {
            lines.add("  (none)");
        }
        lines.add("now: leader " + (now.leader() < 0 ? "none" : now.leader()) + ", leader epoch "
                + Replicas.epoch(now.leaderEpoch()) + ", ISR " + Replicas.format(now.isr()) + ", HW "
                + now.highWatermark());
        return Result.ok(lines);
    }

    /** Journal events as a JSON array, with their typed fields. */
    static String eventsJson(List<Event> events) {
        Json json = new Json().beginArray();
        events.forEach(e -> json.beginObject()
                .field("seq", e.seq())
                .field("timeMs", e.timeMs())
                .field("type", e.type().name())
                .field("detail", e.detailFields())
                .field("text", e.text())
                .field("cause", e.cause())
                .endObject());
        return json.endArray().toString();
    }
}
