package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.ProduceAttemptFailed;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.protocol.Errors;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.ResultJson;

/** produce and consume with Kafka's own producer and consumer, printed as the simulator prints them. */
final class ClientActions {

    private final KafkaSession kafka;

    ClientActions(KafkaSession kafka) {
        this.kafka = kafka;
    }

    Result produce(Args args, Session session) throws InterruptedException {
        args.expectAtMost(1, "produce TOPIC [--partition P] [--count N] [--acks 0|1|all] [--retries N] [--json]");
        RealState.Topic topic =
                kafka.topic(kafka.state(), args.positional(0, "a topic, e.g. produce orders --count 10"));
        int partition = partitionOption(args, topic);
        int count = args.intOption("count", 1);
        if (count < 1 || count > 100_000) {
            throw new CommandException("--count must be between 1 and 100000 on real Kafka, got " + count);
        }
        int acks = Parse.acks(args.option("acks") != null ? args.option("acks") : "all");
        int retries = args.option("retries") == null ? -1 : args.intOption("retries", 0);
        if (args.option("retries") != null && retries < 0) {
            throw new CommandException("--retries must be 0 or more, got " + retries);
        }
        List<Clients.Batch> batches = kafka.cluster()
                .clients()
                .produce(topic.name(), topic.partitions().size(), partition, count, acks, retries);
        List<String> lines = new ArrayList<>();
        Map<String, String> outcomes = new TreeMap<>();
        List<LastResults.Produced> produced = new ArrayList<>();
        List<ProduceResult> results = new ArrayList<>();
        String acksText = "acks=" + Parse.acksName(acks);
        for (Clients.Batch batch : batches) {
            String name = topic.name() + "-" + batch.partition();
            int leader = kafka.cluster().clients().leaderOf(topic.name(), batch.partition(), acks, retries);
            List<Clients.Sent> records = batch.records();
            String retried = retries(batch);
            Clients.Sent failed =
                    records.stream().filter(s -> s.error() != null).findFirst().orElse(null);
            long low = records.stream().mapToLong(Clients.Sent::offset).min().orElse(-1);
            long high = records.stream().mapToLong(Clients.Sent::offset).max().orElse(-1);
            if (failed != null) {
                long failures = records.stream().filter(s -> s.error() != null).count();
                lines.add(name + ": " + failed.error() + " (" + failures + " of " + records.size()
                        + " record(s) failed)" + retried);
                outcomes.put(name, failed.errorName());
            } else if (acks == 0) {
                lines.add(name + ": sent " + records.size() + " record(s) to broker " + leader + " with " + acksText
                        + " (no answer expected)");
                outcomes.put(name, "acked");
            } else {
                lines.add(name + ": acked offsets " + (low == high ? Long.toString(low) : low + "-" + high) + " ("
                        + records.size() + " record(s), " + acksText + ", leader " + leader + ")" + retried);
                outcomes.put(name, "acked");
            }
            boolean acked = failed == null && acks != 0;
            int journaled = failed == null
                    ? records.size()
                    : (int) records.stream().filter(s -> s.error() != null).count();
            journal(topic.name(), batch.partition(), leader, journaled, failed, acked ? low : -1, high);
            produced.add(new LastResults.Produced(
                    name,
                    outcomes.get(name),
                    acked ? low : -1,
                    acked ? high : -1,
                    records.size(),
                    leader,
                    batch.retries()));
            results.add(new ProduceResult(
                    name,
                    leader,
                    records.size(),
                    acks,
                    failed == null ? Errors.NONE : error(failed.errorName()),
                    acked ? low : -1,
                    failed == null ? "" : failed.error(),
                    batch.retries(),
                    List.of(),
                    false,
                    -1));
        }
        kafka.results().setProduced(produced);
        session.setLastProduce(results);
        return args.flag("json") ? Result.ok(ResultJson.produce(results)) : Result.ok(lines);
    }

    /**
     * One batch's outcome in the observed journal, as the simulator journals it, so the window's produce
     * rate and failures and {@code events --type PRODUCE_FAILED} read real produces too: an acknowledged
     * batch as the leader's PRODUCE_ACKED, a failed one as the producer's PRODUCE_FAILED with the error
     * Kafka returned and the producer giving up (its own retries are behind it by then). An acks=0 send
     * gets no answer, so nothing is known to journal.
     *
     * @param records    how many records the event is about: all of the batch's, or those that failed
     * @param baseOffset the first acknowledged offset, -1 unless acknowledged
     */
    private void journal(
            String topic,
            int partition,
            int leader,
            int records,
            Clients.Sent failed,
            long baseOffset,
            long lastOffset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        long now = kafka.cluster().nowMs();
        if (failed != null) {
            kafka.journal()
                    .append(
                            now,
                            NodeId.client(0),
                            tp,
                            new ProduceAttemptFailed(
                                    leader, error(failed.errorName()), records, failed.error(), 0, 0, 0),
                            "Kafka's producer gives up",
                            -1);
        } else if (baseOffset >= 0) {
            kafka.journal()
                    .append(
                            now,
                            leader < 0 ? NodeId.client(0) : NodeId.broker(leader),
                            tp,
                            new EventDetail.ProduceAcked(leader, baseOffset, lastOffset + 1, false),
                            "Kafka's producer: acknowledged",
                            -1);
        }
    }

    /** Kafka's error as leaderlab names it (the same names and codes), or UNKNOWN_SERVER_ERROR for one it does not know. */
    static Errors error(String kafkaName) {
        for (Errors known : Errors.values()) {
            if (known.name().equals(kafkaName)) {
                return known;
            }
        }
        return Errors.UNKNOWN_SERVER_ERROR;
    }

    /**
     * The retries a batch took, in the simulator's words as far as Kafka's producer tells: how many (its
     * record-retry-total) and where it sent first; the errors it retried on go only to its log.
     */
    private static String retries(Clients.Batch batch) {
        if (batch.retries() == 0) {
            return "";
        }
        return " after " + batch.retries() + " retr" + (batch.retries() == 1 ? "y" : "ies") + " (first sent to "
                + (batch.firstLeader() < 0 ? "no known leader" : "broker " + batch.firstLeader())
                + "; Kafka's producer does not return the errors it retried on)";
    }

    Result consume(Args args) {
        args.expectAtMost(1, "consume TOPIC [--partition P] [--from-beginning]");
        if (args.flag("json")) {
            throw new CommandException("consume --json is not available on real Kafka yet");
        }
        RealState state = kafka.state();
        RealState.Topic topic = kafka.topic(state, args.positional(0, "a topic, e.g. consume orders"));
        int partition = partitionOption(args, topic);
        List<Integer> partitions = partition >= 0
                ? List.of(partition)
                : IntStream.range(0, topic.partitions().size()).boxed().toList();
        List<String> lines = new ArrayList<>();
        for (Clients.Read read :
                kafka.cluster().clients().consume(topic.name(), partitions, args.flag("from-beginning"))) {
            String name = topic.name() + "-" + read.partition();
            int leader = topic.partitions().get(read.partition()).leader();
            if (read.values().isEmpty()) {
                lines.add(name + ": nothing new below HW " + read.highWatermark() + " (leader " + Changes.leader(leader)
                        + ")" + (read.error() == null ? "" : "; " + read.error()));
            } else {
                lines.add(name + ": read offsets " + read.firstOffset() + "-"
                        + (read.firstOffset() + read.values().size() - 1) + " ("
                        + read.values().size()
                        + " record(s)) below HW " + read.highWatermark() + " from leader " + Changes.leader(leader)
                        + ": " + preview(read.values()) + (read.error() == null ? "" : "; " + read.error()));
            }
        }
        return Result.ok(lines);
    }

    private static int partitionOption(Args args, RealState.Topic topic) {
        String text = args.option("partition");
        if (text == null) {
            return -1;
        }
        int partition = Parse.integer(text, "--partition");
        if (partition < 0 || partition >= topic.partitions().size()) {
            throw new CommandException(
                    topic.name() + " has partitions 0.." + (topic.partitions().size() - 1) + ", not " + partition);
        }
        return partition;
    }

    /** The record values, abbreviated as the simulator does: at most 8 shown. */
    private static String preview(List<String> values) {
        if (values.size() <= 8) {
            return String.join(" ", values);
        }
        return String.join(" ", values.subList(0, 4)) + " ... "
                + String.join(" ", values.subList(values.size() - 4, values.size()));
    }
}
