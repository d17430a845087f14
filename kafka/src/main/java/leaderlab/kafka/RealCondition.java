package leaderlab.kafka;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;

/**
 * A checkable statement about a real cluster, in the simulator's words ({@code leader orders-0 is 2},
 * {@code isr orders-0 is 1,3}, {@code broker 2 is stopped}, {@code last-produce is NOT_ENOUGH_REPLICAS}),
 * for the subjects the Admin API can answer.
 */
final class RealCondition {

    static final String FORMS = "leader T-P is N|none, isr T-P is 1,2|none (in any order), elr T-P is 1,2|none, "
            + "last-known-elr T-P is 1|none, replicas T-P is 1,2,3, hw T-P is N, epoch T-P is N, offline T-P is true|false, "
            + "broker B is running|stopped|fenced|unfenced|stalled, last-produce is acked|ERROR_NAME (each may say 'is not')";

    private final String text;
    private final Function<RealState, String> actual;
    private final String expected;
    private final boolean negated;

    private RealCondition(String text, Function<RealState, String> actual, String expected, boolean negated) {
        this.text = text;
        this.actual = actual;
        this.expected = expected;
        this.negated = negated;
    }

    String text() {
        return text;
    }

    String actual(RealState state) {
        return actual.apply(state);
    }

    boolean holds(RealState state) {
        return actual(state).equals(expected) != negated;
    }

    static RealCondition parse(List<String> words, KafkaSession kafka) {
        int is = words.indexOf("is");
        if (is < 1 || is == words.size() - 1) {
            throw new CommandException("a condition reads SUBJECT [TARGET] is [not] VALUE; forms: " + FORMS);
        }
        boolean negated = words.get(is + 1).equals("not");
        List<String> valueWords = words.subList(is + (negated ? 2 : 1), words.size());
        if (valueWords.size() != 1) {
            throw new CommandException("a condition has one value after 'is'; forms: " + FORMS);
        }
        String kind = words.get(0);
        String value = valueWords.get(0).toLowerCase(Locale.ROOT);
        String text = String.join(" ", words);
        if (kind.equals("last-produce")) {
            expect(is, 1, text);
            return new RealCondition(
                    text,
                    state -> lastProduce(kafka),
                    value.equals("acked") ? "acked" : value.toUpperCase(Locale.ROOT),
                    negated);
        }
        expect(is, 2, text);
        String target = words.get(1);
        if (kind.equals("broker")) {
            int id = Parse.integer(target, "broker id");
            if (!List.of("running", "stopped", "fenced", "stalled", "unfenced").contains(value)) {
                throw new CommandException(
                        "a broker is running, stopped or stalled (its process), fenced or unfenced (the "
                                + "controller's view); got '" + value + "'");
            }
            // fenced and unfenced are the controller's view, as in the simulator: a killed broker is
            // stopped at once, and fenced only once its session times out.
            Function<RealState, String> actual = value.endsWith("fenced")
                    ? state -> state.broker(id) != null && state.broker(id).unfenced() ? "unfenced" : "fenced"
                    : state -> brokerState(state, id);
            return new RealCondition(text, actual, value, negated);
        }
        // Checked once against the cluster now, so a typo fails at once rather than at the timeout.
        kafka.partition(kafka.state(), target);
        Function<RealState.Partition, String> field = switch (kind) {
            case "leader" -> p -> Changes.leader(p.leader());
            case "isr" -> p -> sorted(p.isr());
            case "elr" -> p -> sorted(p.elr());
            case "last-known-elr" -> p -> sorted(p.lastKnownElr());
            case "replicas" -> p -> Changes.list(p.replicas());
            case "hw" -> p -> Long.toString(p.highWatermark());
            case "epoch" -> p -> Integer.toString(p.leaderEpoch());
            case "offline" -> p -> Boolean.toString(p.leader() < 0);
            default -> throw new CommandException("unknown condition '" + kind + "'; on real Kafka: " + FORMS);
        };
        String expected = switch (kind) {
            case "isr", "elr", "last-known-elr" -> value.equals("none") ? "none" : sorted(ids(value));
            default -> value;
        };
        return new RealCondition(text, state -> field.apply(kafka.partition(state, target)), expected, negated);
    }

    private static void expect(int is, int subjectWords, String text) {
        if (is != subjectWords) {
            throw new CommandException("cannot read '" + text + "'; forms: " + FORMS);
        }
    }

    private static String lastProduce(KafkaSession kafka) {
        return kafka.lastProduce().values().stream()
                .filter(outcome -> !outcome.equals("acked"))
                .findFirst()
                .orElse(kafka.lastProduce().isEmpty() ? "none" : "acked");
    }

    private static String brokerState(RealState state, int id) {
        RealState.Broker broker = state.broker(id);
        return broker == null ? "stopped" : broker.state().toLowerCase(Locale.ROOT);
    }

    private static List<Integer> ids(String value) {
        return java.util.Arrays.stream(Parse.brokerList(value, "broker ids"))
                .boxed()
                .toList();
    }

    /** In ascending order, or "none": ISR and ELR compare as sets. */
    private static String sorted(List<Integer> ids) {
        return ids.isEmpty() ? "none" : Changes.list(ids.stream().sorted().toList());
    }
}
