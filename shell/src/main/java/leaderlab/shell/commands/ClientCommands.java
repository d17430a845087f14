package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.client.ConsumeResult;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.protocol.LogSlice;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/** The producer and consumer. */
final class ClientCommands {

    /** Most records one consume command reads per partition. */
    private static final int MAX_CONSUME = 10_000;

    private ClientCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("produce")
                .completes(Completions.first(Completions.topics()))
                .kafka(args ->
                        "kafka-console-producer.sh " + KafkaTools.BOOTSTRAP + " --topic " + args.positional(0, ""))
                .usage("produce TOPIC [--partition P] [--count N] [--acks 0|1|all] [--retries N] [--json]")
                .summary("write records; prints the acknowledged offsets or Kafka's error")
                .details("Without --partition the records are spread round-robin over the partitions, one request "
                        + "each. acks=1 is answered after the leader's own append; acks=all waits until the high "
                        + "watermark covers the records and needs |ISR| >= min.insync.replicas "
                        + "(NOT_ENOUGH_REPLICAS before writing, NOT_ENOUGH_REPLICAS_AFTER_APPEND after). acks=0 gets "
                        + "no answer. The producer behaves as Kafka 4.x's: a batch it cannot send (no leader yet, or a "
                        + "refused connection to a crashed broker) waits unsent, refreshing metadata every "
                        + "retry.backoff.ms, and goes once a leader it can connect to is known: no retry is used and "
                        + "nothing fails (the result says how long it waited). A request in flight that fails with a "
                        + "retriable error (NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS, a timeout) is resent after "
                        + "retry.backoff.ms; the result lists the retries it took. delivery.timeout.ms (classroom 12 s; "
                        + "Kafka 120 s, --kafka-timings) after the batch was made it expires with a TimeoutException; "
                        + "with no broker answering it waits up to max.block.ms for metadata. --retries 0 (or config "
                        + "set retries 0) reports the first error of a request in flight instead. enable.idempotence=true (Kafka's default) gives each produce command a "
                        + "producer id and each batch sequence numbers, so a leader that already holds a resent batch "
                        + "answers with its first offsets instead of writing it twice (the result says duplicate); it "
                        + "needs acks=all, retries > 0 and max.in.flight.requests.per.connection <= 5: acks or retries "
                        + "that conflict turn it off quietly unless you set it yourself (then the produce is refused with "
                        + "Kafka's ConfigException); more than 5 in flight is refused either way, as in Kafka 4.x "
                        + "(set enable.idempotence false to allow it). At most max.in.flight.requests.per.connection (5) requests wait "
                        + "for one broker. Simplified: each produce command is a new producer (like one "
                        + "kafka-console-producer run) that gets its producer id without InitProducerId; one batch "
                        + "per partition, so nothing can be reordered; retry.backoff.ms fixed (no exponential backoff "
                        + "to retry.backoff.max.ms), no linger or batching. --json prints "
                        + ResultJson.PRODUCE_SHAPE)
                .options("partition", "count", "retries")
                .option("acks", Completions.words("acks", "0", "1", "all"))
                .flags("json")
                .example("produce orders --count 10")
                .example("produce orders --partition 0 --count 5 --acks 1")
                .run(ClientCommands::produce));
        registry.add(Command.builder("consume")
                .completes(Completions.first(Completions.topics()))
                .recording(Command.Recording.ENDS_STEP)
                .kafka(args -> "kafka-console-consumer.sh " + KafkaTools.BOOTSTRAP + " --topic "
                        + args.positional(0, "") + " --from-beginning")
                .usage("consume TOPIC [--partition P] [--from-beginning] [--json]")
                .summary("read committed records (below the high watermark) from each partition's leader")
                .details("The consumer remembers its position per partition between commands; --from-beginning "
                        + "starts again at offset 0. Consumers never see records at or above the HW. Through a "
                        + "failover it behaves as Kafka 4.x's consumer: no leader, NOT_LEADER_OR_FOLLOWER, "
                        + "FENCED_LEADER_EPOCH, a refused connection or a timeout make it refresh metadata and fetch "
                        + "again after retry.backoff.ms from the new leader, with no error for the application (the "
                        + "result lists the retries, the journal has CONSUME_FAILED events); if "
                        + "default.api.timeout.ms (classroom 6 s, Kafka 60 s) passes first, the poll returns no "
                        + "records for that partition. Simplified: one consume is one poll that ends at the leader's "
                        + "first answer, even an empty one; the timeout plays kafka-console-consumer's --timeout-ms; "
                        + "a position beyond the leader's log (after an unclean election) is reset to offset 0, as "
                        + "auto.offset.reset=earliest does (Kafka's consumer would first find the divergence by "
                        + "leader epoch, KIP-320); no consumer group, no committed offsets. --json prints "
                        + ResultJson.CONSUME_SHAPE)
                .options("partition")
                .flags("from-beginning", "json")
                .example("consume orders --from-beginning")
                .run(ClientCommands::consume));
    }

    private static int partitionOption(Args args, TopicInfo topic) {
        String text = args.option("partition");
        if (text == null) {
            return -1;
        }
        int partition = Parse.integer(text, "--partition");
        if (partition < 0 || partition >= topic.partitionCount()) {
            throw new CommandException(
                    topic.name() + " has partitions 0.." + (topic.partitionCount() - 1) + ", not " + partition);
        }
        return partition;
    }

    private static Result produce(Args args, Session session) {
        args.expectAtMost(1, "produce TOPIC [--partition P] [--count N] [--acks 0|1|all] [--retries N] [--json]");
        TopicInfo topic = Targets.topic(session, args.positional(0, "a topic, e.g. produce orders --count 10"));
        int partition = partitionOption(args, topic);
        int count = args.intOption("count", 1);
        if (count < 1 || count > 1_000_000) {
            throw new CommandException("--count must be between 1 and 1000000, got " + count);
        }
        int acks = Parse.acks(
                args.option("acks") != null
                        ? args.option("acks")
                        : session.cluster().clientConfigs().getString(ConfigKey.ACKS));
        int retries = args.option("retries") == null ? -1 : args.intOption("retries", 0);
        if (args.option("retries") != null && retries < 0) {
            throw new CommandException("--retries must be 0 or more, got " + retries);
        }
        List<ProduceResult> results = session.cluster().produce(topic.name(), partition, count, acks, retries);
        session.setLastProduce(results);
        if (args.flag("json")) {
            return Result.ok(ResultJson.produce(results));
        }
        List<String> lines = new ArrayList<>();
        for (ProduceResult r : results) {
            String acksText = "acks=" + Parse.acksName(r.acks());
            if (r.error().isError()) {
                lines.add(r.partition() + ": " + r.error().name() + " ("
                        + r.error().code() + ") " + (r.leader() < 0 ? "" : "from broker " + r.leader() + ": ")
                        + r.detail() + retries(r.retries(), r.retried()));
            } else if (r.baseOffset() < 0) {
                lines.add(r.partition() + ": sent " + r.count() + " record(s) to broker " + r.leader() + " with "
                        + acksText + " (no answer expected)");
            } else {
                long last = r.baseOffset() + r.count() - 1;
                lines.add(r.partition() + ": acked offsets "
                        + (r.count() == 1 ? r.baseOffset() : r.baseOffset() + "-" + last) + " (" + r.count()
                        + " record(s), " + acksText + ", leader " + r.leader() + ")" + waited(r.waitedMs())
                        + retries(r.retries(), r.retried())
                        + (r.duplicate() ? "; the leader already held the resent batch, kept once (idempotence)" : ""));
            }
        }
        return Result.ok(lines);
    }

    /** How long a batch stayed unsent for a leader it could reach (no retry is used for that). */
    private static String waited(long waitedMs) {
        return waitedMs <= 0 ? "" : " after waiting " + waitedMs + " ms unsent for a leader it could connect to";
    }

    /** The retries a result took, as the client met them. */
    private static String retries(int retries, List<String> retried) {
        return retries == 0
                ? ""
                : " after " + retries + " retr" + (retries == 1 ? "y" : "ies") + " ("
                        + String.join(", ", new java.util.LinkedHashSet<>(retried)) + ")";
    }

    private static Result consume(Args args, Session session) {
        args.expectAtMost(1, "consume TOPIC [--partition P] [--from-beginning]");
        TopicInfo topic = Targets.topic(session, args.positional(0, "a topic, e.g. consume orders"));
        int partition = partitionOption(args, topic);
        List<ConsumeResult> results =
                session.cluster().consume(topic.name(), partition, args.flag("from-beginning"), MAX_CONSUME);
        if (args.flag("json")) {
            return Result.ok(ResultJson.consume(results));
        }
        List<String> lines = new ArrayList<>();
        for (ConsumeResult r : results) {
            if (r.timedOut()) {
                lines.add(r.partition() + ": no records: the poll timed out (default.api.timeout.ms="
                        + session.cluster().clientConfigs().getLong(ConfigKey.DEFAULT_API_TIMEOUT_MS) + ")"
                        + retries(r.retries(), r.retried()));
                continue;
            }
            if (r.error().isError()) {
                lines.add(r.partition() + ": " + r.error().name() + " ("
                        + r.error().code() + ")" + (r.leader() < 0 ? "" : " from broker " + r.leader()));
                continue;
            }
            LogSlice records = r.records();
            if (records.size() == 0) {
                lines.add(r.partition() + ": nothing new below HW " + r.highWatermark() + " (leader " + r.leader() + ")"
                        + retries(r.retries(), r.retried()));
            } else {
                lines.add(r.partition() + ": read offsets " + records.baseOffset() + "-" + (records.endOffset() - 1)
                        + " (" + records.size() + " record(s)) below HW " + r.highWatermark() + " from leader "
                        + r.leader() + retries(r.retries(), r.retried()) + ": " + preview(records));
            }
        }
        return Result.ok(lines);
    }

    /** The record ids, abbreviated: m1 m2 ... m10 at most 8 shown. */
    private static String preview(LogSlice records) {
        StringBuilder out = new StringBuilder();
        int n = records.size();
        for (int i = 0; i < n; i++) {
            if (n > 8 && i == 4) {
                out.append("... ");
                i = n - 4;
            }
            out.append('m').append(records.recordIds()[i]).append(i == n - 1 ? "" : " ");
        }
        return out.toString();
    }
}
