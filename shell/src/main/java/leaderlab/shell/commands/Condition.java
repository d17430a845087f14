package leaderlab.shell.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionView;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Completion;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/**
 * A checkable statement about the cluster, as written after {@code expect} and {@code wait until}:
 * {@code SUBJECT TARGET is [not] VALUE}, e.g. {@code leader orders-0 is 2}, {@code isr orders-0 is 1,3},
 * {@code broker 2 is fenced}, {@code last-produce is NOT_ENOUGH_REPLICAS}.
 */
public final class Condition {

    static final String FORMS = "leader T-P is N|none, isr T-P is 1,2|none (in any order), elr T-P is 1,2|none, "
            + "last-known-elr T-P is 1|none, replicas T-P is 1,2,3, hw T-P is N, "
            + "epoch T-P is N, offline T-P is true|false, leo T-P on B is N, broker B is running|stopped|fenced|"
            + "unfenced|shutting_down, last-produce is acked|ERROR_NAME, quorum-leader is N|none, lost TOPIC is N, violations is N (each may say 'is not')";

    /** What follows a condition's subject word, before "is". */
    enum Target {
        PARTITION,
        BROKER,
        TOPIC,
        NOTHING
    }

    /** Every subject word {@link #parse} reads, with what follows it: completion offers exactly these. */
    static final Map<String, Target> SUBJECTS = subjects();

    private static Map<String, Target> subjects() {
        Map<String, Target> subjects = new LinkedHashMap<>();
        for (String partitionSubject :
                List.of("leader", "isr", "elr", "last-known-elr", "replicas", "hw", "epoch", "offline", "leo")) {
            subjects.put(partitionSubject, Target.PARTITION);
        }
        subjects.put("broker", Target.BROKER);
        subjects.put("lost", Target.TOPIC);
        subjects.put("violations", Target.NOTHING);
        subjects.put("last-produce", Target.NOTHING);
        subjects.put("quorum-leader", Target.NOTHING);
        return java.util.Collections.unmodifiableMap(subjects);
    }

    /** Completes a condition, and after "do" (in when) a triggerable command and its arguments. */
    static final Completion COMPLETION = Condition::complete;

    /** As {@link #COMPLETION}, with wait's leading "until". */
    static final Completion COMPLETION_AFTER_UNTIL = (context, out) -> {
        List<String> before = context.before();
        if (before.isEmpty()) {
            out.offer("until", "wait until CONDITION");
        }
        List<String> rest =
                !before.isEmpty() && before.get(0).equals("until") ? before.subList(1, before.size()) : before;
        complete(new Completion.Context(context.snapshot(), rest, context.registry()), out);
    };

    private final String text;
    private final boolean negated;
    private final String expected;
    private final Function<ClusterSnapshot, String> actual;

    private Condition(String text, boolean negated, String expected, Function<ClusterSnapshot, String> actual) {
        this.text = text;
        this.negated = negated;
        this.expected = expected;
        this.actual = actual;
    }

    public String text() {
        return text;
    }

    /** The current value, e.g. "3" or "1,2", as the condition compares it. */
    public String actual(ClusterSnapshot snapshot) {
        return actual.apply(snapshot);
    }

    public boolean holds(ClusterSnapshot snapshot) {
        return actual(snapshot).equals(expected) != negated;
    }

    private static void complete(Completion.Context context, Completion.Sink out) {
        List<String> words = context.before();
        int split = words.indexOf("do");
        if (split >= 0) {
            List<String> command = words.subList(split + 1, words.size());
            if (command.isEmpty()) {
                context.registry().all().stream()
                        .filter(Command::triggerable)
                        .forEach(c -> out.offer(c.name(), c.summary()));
                return;
            }
            Command target = context.registry().find(command.get(0));
            if (target != null) {
                target.completion()
                        .complete(
                                new Completion.Context(
                                        context.snapshot(), command.subList(1, command.size()), context.registry()),
                                out);
            }
            return;
        }
        if (words.isEmpty()) {
            SUBJECTS.keySet().forEach(s -> out.offer(s, "condition"));
            return;
        }
        Target target = SUBJECTS.get(words.get(0));
        if (target == null) {
            return;
        }
        if (words.contains("is")) {
            if (words.get(words.size() - 1).equals("is")
                    || words.get(words.size() - 1).equals("not")) {
                return;
            }
            out.offer("do", "then run a fault (when only)");
            return;
        }
        Completion next = switch (target) {
            case BROKER -> words.size() == 1 ? Completions.allBrokers() : null;
            case TOPIC -> words.size() == 1 ? Completions.topics() : null;
            case PARTITION ->
                words.size() == 1
                        ? Completions.partitions()
                        : words.get(0).equals("leo") && words.size() == 2
                                ? Completions.words("", "on")
                                : words.get(0).equals("leo") && words.size() == 3 ? Completions.allBrokers() : null;
            case NOTHING -> null;
        };
        if (next == null) {
            out.offer("is", "");
        } else {
            next.complete(context, out);
        }
    }

    /**
     * Reads a condition against the session's cluster ({@link Session#snapshots()}: the simulator, or a
     * real cluster's snapshots); the ledger's and checker's subjects need the simulator.
     */
    public static Condition parse(List<String> words, Session session) {
        String text = String.join(" ", words);
        int is = words.indexOf("is");
        if (is < 1 || is == words.size() - 1) {
            throw new CommandException("cannot read condition '" + text + "'; write one of: " + FORMS);
        }
        boolean negated = words.get(is + 1).equals("not");
        List<String> valueWords = words.subList(is + (negated ? 2 : 1), words.size());
        if (valueWords.size() != 1) {
            throw new CommandException("condition '" + text + "' needs one value after 'is'; e.g. isr orders-0 is 1,3");
        }
        String value = valueWords.get(0);
        List<String> subject = words.subList(0, is);
        String kind = subject.get(0).toLowerCase(Locale.ROOT);
        if (!SUBJECTS.containsKey(kind)) {
            throw new CommandException("unknown condition '" + kind + "'; write one of: " + FORMS);
        }
        if (!session.simulated() && (kind.equals("lost") || kind.equals("violations"))) {
            throw new CommandException(kind + " reads leaderlab's data-loss ledger and safety checker, which watch "
                    + "the simulator only: a real cluster does not say which acknowledged records it lost");
        }
        switch (kind) {
            case "broker" -> {
                expectWords(subject, 2, text);
                int id = Targets.broker(session, subject.get(1));
                String state = value.toUpperCase(Locale.ROOT);
                if (state.equals("RUNNING") || state.equals("STOPPED")) {
                    return new Condition(text, negated, state, s -> s.broker(id).running() ? "RUNNING" : "STOPPED");
                }
                if (state.equals("SHUTTING_DOWN")) {
                    state = "CONTROLLED_SHUTDOWN";
                }
                if (!List.of("FENCED", "UNFENCED", "CONTROLLED_SHUTDOWN").contains(state)) {
                    throw new CommandException("a broker is running or stopped (its process), or fenced, unfenced or "
                            + "shutting_down (as the controller sees it); got '" + value + "'");
                }
                return new Condition(text, negated, state, s -> s.broker(id).registrationState());
            }
            case "lost" -> {
                // lost TOPIC is N: acknowledged records of the topic that vanished
                expectWords(subject, 2, text);
                String topic = Targets.topic(session, subject.get(1)).name();
                return new Condition(
                        text,
                        negated,
                        number(value, "lost"),
                        s -> Long.toString(checked(session).ledger().losses().stream()
                                .filter(l -> l.partition().startsWith(topic + "-"))
                                .mapToLong(l -> l.records().size())
                                .sum()));
            }
            case "violations" -> {
                expectWords(subject, 1, text);
                return new Condition(
                        text,
                        negated,
                        number(value, "violations"),
                        s -> Integer.toString(
                                checked(session).checker().violations().size()));
            }
            case "quorum-leader" -> {
                // quorum-leader is 101|none: which controller leads the KRaft quorum (the active controller)
                expectWords(subject, 1, text);
                String leader = value.toLowerCase(Locale.ROOT);
                return new Condition(
                        text,
                        negated,
                        leader,
                        s -> s.quorumLeader() == null
                                ? "none"
                                : Integer.toString(s.quorumLeader().id()));
            }
            case "last-produce" -> {
                expectWords(subject, 1, text);
                String outcome = value.toUpperCase(Locale.ROOT);
                return new Condition(text, negated, outcome, s -> lastProduce(session));
            }
            default -> {
                return partitionCondition(kind, subject, value, text, negated, session);
            }
        }
    }

    /** A broker set as compared: "none" is the empty set. */
    private static String brokersOrNone(String value, String kind) {
        return value.equals("none") ? sorted(new int[0]) : sorted(Parse.brokerList(value, kind));
    }

    private static Condition partitionCondition(
            String kind, List<String> subject, String value, String text, boolean negated, Session session) {
        if (subject.size() < 2) {
            throw new CommandException("cannot read condition '" + text + "'; write one of: " + FORMS);
        }
        Targets.TopicPartition tp = Targets.partition(session, subject.get(1));
        String topic = tp.topic().name();
        int index = tp.partition();
        Function<Function<PartitionView, String>, Function<ClusterSnapshot, String>> on =
                f -> s -> f.apply(s.partition(topic, index));
        switch (kind) {
            case "leader":
                expectWords(subject, 2, text);
                return new Condition(
                        text,
                        negated,
                        value.equals("none") ? "none" : number(value, "leader"),
                        on.apply(p -> p.leader() < 0 ? "none" : Integer.toString(p.leader())));
            case "isr":
                // The ISR is a set (elections walk the replica order, never the ISR's), so its order is not compared.
                expectWords(subject, 2, text);
                return new Condition(text, negated, brokersOrNone(value, kind), on.apply(p -> sorted(p.isr())));
            case "elr":
                expectWords(subject, 2, text);
                return new Condition(text, negated, brokersOrNone(value, kind), on.apply(p -> sorted(p.elr())));
            case "last-known-elr":
                expectWords(subject, 2, text);
                return new Condition(
                        text, negated, brokersOrNone(value, kind), on.apply(p -> sorted(p.lastKnownElr())));
            case "replicas":
                expectWords(subject, 2, text);
                return new Condition(
                        text,
                        negated,
                        Replicas.format(Parse.brokerList(value, kind)),
                        on.apply(p -> Replicas.format(p.replicas())));
            case "hw":
                expectWords(subject, 2, text);
                return new Condition(
                        text, negated, number(value, "hw"), on.apply(p -> Long.toString(p.highWatermark())));
            case "epoch":
                expectWords(subject, 2, text);
                return new Condition(
                        text, negated, number(value, "epoch"), on.apply(p -> Integer.toString(p.leaderEpoch())));
            case "offline":
                expectWords(subject, 2, text);
                if (!value.equals("true") && !value.equals("false")) {
                    throw new CommandException("offline is true or false, got '" + value + "'");
                }
                return new Condition(text, negated, value, on.apply(p -> Boolean.toString(p.offline())));
            case "leo":
                if (subject.size() != 4 || !subject.get(2).equals("on")) {
                    throw new CommandException("write leo TOPIC-P on BROKER is N, e.g. leo orders-0 on 2 is 10");
                }
                int broker = Targets.broker(session, subject.get(3));
                return new Condition(
                        text,
                        negated,
                        number(value, "leo"),
                        on.apply(p -> String.valueOf(p.leo().getOrDefault(broker, -1L))));
            default:
                throw new CommandException("unknown condition '" + kind + "'; write one of: " + FORMS);
        }
    }

    /** The cluster, just checked: live, the checker thread may be a few milliseconds behind. */
    private static leaderlab.cluster.Cluster checked(Session session) {
        session.cluster().checkNow();
        return session.cluster();
    }

    private static void expectWords(List<String> subject, int count, String text) {
        if (subject.size() != count) {
            throw new CommandException("cannot read condition '" + text + "'; write one of: " + FORMS);
        }
    }

    private static String sorted(int[] brokers) {
        return Replicas.format(java.util.Arrays.stream(brokers).sorted().toArray());
    }

    private static String number(String value, String what) {
        return Long.toString(Parse.integer(value, what));
    }

    private static String lastProduce(Session session) {
        List<ProduceResult> results = session.lastProduce();
        if (results.isEmpty()) {
            return "NONE_YET";
        }
        return results.stream()
                .filter(r -> r.error().isError())
                .map(r -> r.error().name())
                .findFirst()
                .orElse("ACKED");
    }
}
