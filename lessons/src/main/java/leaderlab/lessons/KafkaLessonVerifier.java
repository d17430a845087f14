package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.kafka.KafkaCommands;
import leaderlab.kafka.Observer;
import leaderlab.kafka.RealCluster;
import leaderlab.kafka.compare.KafkaLineRunner;
import leaderlab.kafka.local.LocalKafka;
import leaderlab.kafka.local.LocalKafkaOptions;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Tokenizer;

/**
 * {@code lesson verify --kafka}: a lesson's commands on a fresh real Kafka cluster of the lesson's shape,
 * with every expect, wait until and prediction check held against Kafka (each given the settling bound
 * to come true, since Kafka keeps its own pace). A lesson that needs what Kafka cannot do (a network
 * fault, a slow disk, cluster time, a feature level, a client setting) is reported as not runnable,
 * naming the step and the line, before any cluster starts.
 */
public final class KafkaLessonVerifier {

    /** How one lesson went on real Kafka. */
    public record Report(
            Lesson lesson, String notRunnable, List<String> failures, int checks, int settled, long elapsedMs) {

        public boolean passed() {
            return notRunnable == null && failures.isEmpty();
        }

        public String summary() {
            if (notRunnable != null) {
                return String.format(
                        Locale.ROOT,
                        "%-6s %-34s kafka        not runnable on real Kafka: %s",
                        "skip",
                        lesson.name(),
                        notRunnable);
            }
            return String.format(
                    Locale.ROOT,
                    "%-6s %-34s kafka        %2d steps, %2d checks (%d held once Kafka settled)  %.1fs",
                    passed() ? "ok" : "FAILED",
                    lesson.name(),
                    lesson.steps().size(),
                    checks,
                    settled,
                    elapsedMs / 1000.0);
        }
    }

    private KafkaLessonVerifier() {}

    /** What makes a lesson impossible on real Kafka, or empty when every line can at least be tried. */
    static Optional<String> notRunnable(Lesson lesson) {
        for (Lesson.Setting setting : lesson.configs()) {
            Optional<ConfigKey> key = ConfigKey.byName(setting.key());
            if (key.isEmpty() || key.get().scope() != ConfigKey.Scope.CLUSTER) {
                return Optional.of("its front matter sets " + setting.key() + ", which is not a cluster setting a "
                        + "real broker can start with (a client setting or a feature level)");
            }
        }
        for (Step step : lesson.steps()) {
            for (StepLine line : step.lines()) {
                if (line.kind() != StepLine.Kind.COMMAND) {
                    continue;
                }
                String command = Tokenizer.split(line.text()).get(0);
                Optional<String> refusal = KafkaCommands.refusal(command);
                if (refusal.isPresent()) {
                    return Optional.of("step " + step.number() + " (line " + line.line() + ") uses " + command + ": "
                            + refusal.get());
                }
            }
        }
        return Optional.empty();
    }

    public static Report verify(Lesson lesson, long settleMs) throws InterruptedException {
        long start = System.nanoTime();
        Optional<String> impossible = notRunnable(lesson);
        if (impossible.isPresent()) {
            return new Report(lesson, impossible.get(), List.of(), 0, 0, 0);
        }
        // The front matter's cluster settings are the nodes' own configs from the start, as a lesson's are
        // before its first step: Kafka takes some of them (auto.leader.rebalance.enable) only that way.
        java.util.Map<String, String> settings = new java.util.TreeMap<>();
        lesson.configs().forEach(setting -> settings.put(setting.key(), setting.value()));
        LocalKafkaOptions shape =
                new LocalKafkaOptions(lesson.brokers(), lesson.racks(), lesson.controllers(), false, settings);
        Run run = new Run(lesson);
        try (RealCluster cluster = RealCluster.local(LocalKafka.start(shape));
                Observer observer = new Observer(cluster, cluster.state());
                KafkaLineRunner kafka = new KafkaLineRunner(cluster, observer, settleMs)) {
            observer.start();
            run.play(kafka);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            run.failures.add(lesson.source() + ": the real cluster failed: " + e.getMessage());
        }
        return new Report(
                lesson,
                run.notRunnable,
                run.failures,
                run.checks,
                run.settled,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** One lesson's play on Kafka: stops at the first failure or at a line Kafka refuses. */
    private static final class Run {
        private final Lesson lesson;
        private final List<String> failures = new ArrayList<>();
        private String notRunnable;
        private int checks;
        private int settled;

        Run(Lesson lesson) {
            this.lesson = lesson;
        }

        void play(KafkaLineRunner kafka) {
            for (Step step : lesson.steps()) {
                for (StepLine line : step.lines()) {
                    if (line.kind() == StepLine.Kind.COMMAND
                            && !line(kafka, step.number(), "line " + line.line(), line.text(), line.isCheck())) {
                        return;
                    }
                }
                // A prediction's check runs once its step has run, as the player reveals it.
                for (Prediction prediction : step.predictions()) {
                    if (prediction.checkLine() != null
                            && !line(
                                    kafka,
                                    step.number(),
                                    "the prediction '" + prediction.question() + "'",
                                    prediction.checkLine(),
                                    true)) {
                        return;
                    }
                }
            }
        }

        /** Runs one line; false when the lesson cannot go on. */
        private boolean line(KafkaLineRunner kafka, int step, String where, String text, boolean check) {
            KafkaLineRunner.Outcome outcome = kafka.run(text);
            Result result = outcome.result();
            if (check) {
                checks++;
                settled += outcome.settledMs() >= 0 ? 1 : 0;
            }
            if (result.status() == Result.Status.ERROR) {
                notRunnable = "step " + step + " (" + where + ") '" + text + "': "
                        + String.join(" ", result.lines()).replaceFirst("^error: ", "");
                return false;
            }
            if (result.status() == Result.Status.FAILED) {
                failures.add(
                        lesson.source() + ": step " + step + " (" + where + "): " + String.join(" ", result.lines()));
                return false;
            }
            return true;
        }
    }
}
