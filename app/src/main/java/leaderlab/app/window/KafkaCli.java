package leaderlab.app.window;

import java.util.List;
import java.util.Optional;
import leaderlab.shell.command.Tokenizer;

/**
 * The real Kafka command that does what a leaderlab command line does, where one exists, so what a
 * class sees in the window carries over to a real cluster.
 */
public final class KafkaCli {

    private static final String BOOTSTRAP = "--bootstrap-server localhost:9092";

    private KafkaCli() {
    }

    public static Optional<String> equivalent(String line) {
        List<String> words;
        try {
            words = Tokenizer.split(Tokenizer.stripComment(line));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String arg = words.size() > 1 ? words.get(1) : "";
        return Optional.ofNullable(switch (words.get(0)) {
            case "shutdown" -> "kafka-server-stop.sh   # on broker " + arg + "'s host: SIGTERM, a controlled shutdown";
            case "kill" -> "kill -9 <broker " + arg + "'s JVM pid>   # a crash: no Kafka tool does this";
            case "restart" -> "kafka-server-start.sh config/server.properties   # on broker " + arg + "'s host";
            case "elect" -> election(words);
            case "reassign" -> reassignment(words);
            case "describe" -> "kafka-topics.sh " + BOOTSTRAP + " --describe" + (arg.isEmpty() || arg.startsWith("--")
                    ? "" : " --topic " + arg);
            case "create" -> words.size() > 2 ? "kafka-topics.sh " + BOOTSTRAP + " --create --topic " + words.get(2)
                    + String.join(" ", words.subList(3, words.size())).transform(s -> s.isEmpty() ? "" : " " + s) : null;
            case "produce" -> "kafka-console-producer.sh " + BOOTSTRAP + " --topic " + arg;
            case "consume" -> "kafka-console-consumer.sh " + BOOTSTRAP + " --topic " + arg + " --from-beginning";
            default -> null;
        });
    }

    private static String election(List<String> words) {
        if (words.size() < 3) {
            return null;
        }
        String type = words.get(1).toUpperCase(java.util.Locale.ROOT);
        String target = words.get(2);
        String scope;
        if (target.equals("--all")) {
            scope = "--all-topic-partitions";
        } else {
            int dash = target.lastIndexOf('-');
            scope = dash < 0 ? "--topic " + target : "--topic " + target.substring(0, dash) + " --partition "
                    + target.substring(dash + 1);
        }
        return "kafka-leader-election.sh " + BOOTSTRAP + " --election-type " + type + " " + scope;
    }

    private static String reassignment(List<String> words) {
        int replicas = words.indexOf("--replicas");
        if (words.size() < 2 || replicas < 0 || replicas + 1 >= words.size()) {
            return null;
        }
        String target = words.get(1);
        int dash = target.lastIndexOf('-');
        if (dash < 0) {
            return null;
        }
        return "kafka-reassign-partitions.sh " + BOOTSTRAP + " --execute --reassignment-json-file reassign.json"
                + "   # reassign.json: {\"version\":1,\"partitions\":[{\"topic\":\"" + target.substring(0, dash)
                + "\",\"partition\":" + target.substring(dash + 1) + ",\"replicas\":[" + words.get(replicas + 1) + "]}]}";
    }
}
