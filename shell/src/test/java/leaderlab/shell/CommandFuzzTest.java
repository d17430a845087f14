package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Result;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random and mutated command lines: nothing escapes as an exception or an internal error,
 * every error is one line, and no rejected line changes the cluster.
 */
@org.junit.jupiter.api.Tag("slow")
class CommandFuzzTest {

    private static final long SEED = 20261124L;
    private static final int LINES = 100_000;

    private static final List<String> CORPUS = List.of(
            "create topic orders --partitions 3 --replication-factor 3",
            "create topic pay --replica-assignment 1:2:3,2:3:1 --config min.insync.replicas=2",
            "describe",
            "describe orders --json",
            "describe --under-replicated-partitions",
            "produce orders --count 5 --acks all",
            "produce orders --partition 1 --count 2 --acks 1",
            "consume orders --from-beginning",
            "consume orders --partition 0",
            "kill 1",
            "restart 1",
            "shutdown 2",
            "isolate 3 --from clients",
            "isolate 2 --from brokers:1",
            "partition 1,2 / 3",
            "link 1 2 --delay 20ms --drop 0.1",
            "heal",
            "elect preferred --all",
            "elect unclean orders-0",
            "reassign orders-0 --replicas 2,3,1",
            "config set min.insync.replicas 2 --topic orders",
            "config set acks 1",
            "wait 200ms",
            "wait until leader orders-0 is 2 --timeout 1s",
            "expect isr orders-0 is 1,2,3",
            "events",
            "events --since 1s",
            "brokers",
            "log orders-0",
            "history orders-0",
            "why orders-0",
            "time step 5",
            "time now",
            "help",
            "help produce",
            "kafka-topics --describe --topic orders",
            "kafka-leader-election --election-type preferred --all-topic-partitions");

    private static final List<String> POOL = List.of(
            "orders",
            "pay",
            "nope",
            "orders-0",
            "orders-9",
            "orders-",
            "-1",
            "0",
            "1",
            "2",
            "3",
            "4",
            "99",
            "1000",
            "2147483648",
            "1.5",
            "--all",
            "--json",
            "--count",
            "--partition",
            "--acks",
            "--from",
            "--replicas",
            "--topic",
            "--timeout",
            "--bogus",
            "=",
            "is",
            "not",
            "none",
            "leader",
            "isr",
            "hw",
            "until",
            "all",
            "clients",
            "brokers:9",
            "/",
            ",",
            "1,1",
            "1,,2",
            "\"",
            "'",
            "#",
            "ms",
            "3s",
            "x",
            "",
            "λ",
            "\t",
            "--config",
            "min.insync.replicas=0",
            "unclean.leader.election.enable=maybe");

    @Test
    void randomAndMutatedLinesNeverBreakTheShell() {
        Random random = new Random(SEED);
        ShellFixture fixture = new ShellFixture(SEED);
        int errors = 0;
        try {
            for (int i = 0; i < LINES; i++) {
                if (i % 5000 == 0) {
                    fixture.run("reset");
                }
                String line = random.nextInt(10) == 0
                        ? noise(random)
                        : mutate(CORPUS.get(random.nextInt(CORPUS.size())), random);
                String before = fingerprint(fixture);
                Result result;
                try {
                    result = fixture.run(line);
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + SEED + ", line " + i + " '" + line + "' threw " + e, e);
                }
                String context = "seed " + SEED + ", line " + i + ": '" + line + "' -> " + result.lines();
                assertFalse(String.join("\n", result.lines()).contains("internal error"), context);
                if (result.status() == Result.Status.ERROR) {
                    errors++;
                    assertEquals(1, result.lines().size(), context);
                    assertTrue(
                            result.lines().get(0).startsWith("error: ")
                                    && !result.lines().get(0).contains("\n"),
                            context);
                    assertEquals(before, fingerprint(fixture), "a rejected line changed the cluster: " + context);
                }
            }
        } finally {
            fixture.close();
        }
        assertTrue(errors > LINES / 4, "the fuzzer should mostly produce bad lines, got " + errors + " errors");
    }

    /**
     * What only the operator changes, so what a rejected line must leave alone: topics, configs,
     * network faults, which brokers run, client settings, pause, the session. (Leaders, ISRs and
     * offsets move by themselves as cluster time passes, even during a rejected admin request.)
     */
    private static String fingerprint(ShellFixture fixture) {
        ClusterSnapshot snapshot = fixture.cluster().snapshot();
        StringBuilder out = new StringBuilder();
        snapshot.topics()
                .forEach(t -> out.append(t.name())
                        .append(':')
                        .append(t.partitionCount())
                        .append(snapshot.metadata().configs().topicOverrides(t.name()))
                        .append(';'));
        for (ConfigKey key : ConfigKey.values()) {
            out.append(snapshot.metadata().configs().get(key, null)).append(',');
        }
        out.append('|').append(snapshot.faults().size()).append('|');
        snapshot.brokers().forEach(b -> out.append(b.running() ? 'R' : 'S'));
        out.append('|')
                .append(fixture.cluster().clientConfigs().getString(ConfigKey.ACKS))
                .append('|')
                .append(fixture.cluster().runtime().isPaused())
                .append('|')
                .append(System.identityHashCode(fixture.cluster()))
                .append('|')
                .append(fixture.shell.session().liveEvents());
        return out.toString();
    }

    private static String mutate(String line, Random random) {
        List<String> words = new ArrayList<>(List.of(line.split(" ")));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(words.size());
            switch (random.nextInt(6)) {
                case 0 -> words.remove(at);
                case 1 -> words.add(at, POOL.get(random.nextInt(POOL.size())));
                case 2 -> words.set(at, POOL.get(random.nextInt(POOL.size())));
                case 3 -> words.add(at, words.get(at));
                case 4 -> {
                    String word = words.get(at);
                    int cut = word.isEmpty() ? 0 : random.nextInt(word.length());
                    words.set(at, word.substring(0, cut) + (char) (32 + random.nextInt(95)) + word.substring(cut));
                }
                default -> {
                    int other = random.nextInt(words.size());
                    String swap = words.get(at);
                    words.set(at, words.get(other));
                    words.set(other, swap);
                }
            }
            if (words.isEmpty()) {
                words.add(POOL.get(random.nextInt(POOL.size())));
            }
        }
        return String.join(" ", words);
    }

    private static String noise(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextInt(3) == 0 ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return out.toString();
    }
}
