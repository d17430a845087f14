package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;

/** produce and consume with Kafka's own producer and consumer, printed as the simulator prints them. */
final class ClientActions {

    private final KafkaSession kafka;

    ClientActions(KafkaSession kafka) {
        this.kafka = kafka;
    }

    Result produce(Args args) throws InterruptedException {
        args.expectAtMost(1, "produce TOPIC [--partition P] [--count N] [--acks 0|1|all] [--retries N]");
        if (args.flag("json")) {
            throw new CommandException("produce --json is not available on real Kafka yet");
        }
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
        List<Clients.Sent> sent = kafka.cluster()
                .clients()
                .produce(topic.name(), topic.partitions().size(), partition, count, acks, retries);
        Map<Integer, List<Clients.Sent>> byPartition = new TreeMap<>();
        sent.forEach(s -> byPartition
                .computeIfAbsent(s.partition(), p -> new ArrayList<>())
                .add(s));
        List<String> lines = new ArrayList<>();
        Map<String, String> outcomes = new TreeMap<>();
        String acksText = "acks=" + Parse.acksName(acks);
        for (Map.Entry<Integer, List<Clients.Sent>> entry : byPartition.entrySet()) {
            String name = topic.name() + "-" + entry.getKey();
            int leader = kafka.cluster().clients().leaderOf(topic.name(), entry.getKey(), acks, retries);
            List<Clients.Sent> records = entry.getValue();
            Clients.Sent failed =
                    records.stream().filter(s -> s.error() != null).findFirst().orElse(null);
            if (failed != null) {
                long failures = records.stream().filter(s -> s.error() != null).count();
                lines.add(name + ": " + failed.error() + " (" + failures + " of " + records.size()
                        + " record(s) failed)");
                outcomes.put(name, failed.errorName());
            } else if (acks == 0) {
                lines.add(name + ": sent " + records.size() + " record(s) to broker " + leader + " with " + acksText
                        + " (no answer expected)");
                outcomes.put(name, "acked");
            } else {
                long low =
                        records.stream().mapToLong(Clients.Sent::offset).min().orElse(-1);
                long high =
                        records.stream().mapToLong(Clients.Sent::offset).max().orElse(-1);
                lines.add(name + ": acked offsets " + (low == high ? Long.toString(low) : low + "-" + high) + " ("
                        + records.size() + " record(s), " + acksText + ", leader " + leader + ")");
                outcomes.put(name, "acked");
            }
        }
        kafka.setLastProduce(outcomes);
        return Result.ok(lines);
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
