package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionView;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;
import leaderlab.shell.commands.CoreCommands;

/**
 * The lesson-only commands {@code pause}, {@code predict} and {@code focus}, contributed to the shared
 * registry so that lessons are checked against one list and {@code help} explains them. The player
 * handles pause and predict itself; typed in the shell they only say what they would do in a lesson.
 */
public final class LessonCommands {

    private LessonCommands() {}

    /**
     * The core command language plus the lesson commands (pause, predict, focus, and the shell's record
     * and lesson): what lesson steps are checked against, and what the app's registry builds on. Complete
     * when it returns: nothing is added once a front end has started.
     */
    public static CommandRegistry registry() {
        return registry(LessonEnder.NONE);
    }

    /** @param ender what {@code lesson end} ends: the app passes its window's presented lesson */
    public static CommandRegistry registry(LessonEnder ender) {
        CommandRegistry registry = CoreCommands.registry();
        register(registry);
        ShellLessonCommands.register(registry, ender);
        return registry;
    }

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("pause")
                .usage("pause")
                .summary("(lessons) wait here until the presenter continues")
                .run((args, session) -> {
                    args.expectAtMost(0, "pause");
                    return Result.ok("(in a lesson, playback waits here for the presenter)");
                }));
        registry.add(Command.builder("predict")
                .usage(Prediction.USAGE)
                .summary("(lessons) ask the class what will happen, record the answer, reveal it after the step")
                .details("A predict opens its step: the question is asked before any of the step's commands run, "
                        + "so the class sees the state before the step; then the step runs and the answer is "
                        + "revealed, with the lesson's --why line. With --check SUBJECT, verification also checks "
                        + "'expect SUBJECT is ANSWER' at the reveal, so a lesson's stated answer cannot drift from "
                        + "what happens.")
                .options(Prediction.OPTIONS.toArray(String[]::new))
                .example("predict \"Who will lead orders-0 once broker 1 is fenced?\" 1 2 3 --answer 2 --check "
                        + "\"leader orders-0\" --why \"broker 2 is the first replica in the ISR\"")
                .run(LessonCommands::predict));
        registry.add(Command.builder("focus")
                .recording(Command.Recording.ENDS_STEP)
                .completes(Completions.both(Completions.words("a broker", "broker"), Completions.partitions()))
                .usage(Focus.USAGE)
                .summary(
                        "(lessons) point at a broker or a partition: the window highlights it, the terminal describes it")
                .example("focus broker 2")
                .example("focus orders-0")
                .run(LessonCommands::focus));
    }

    private static Result predict(Args args, Session session) {
        Prediction prediction = Prediction.parse(withOptions(new ArrayList<>(args.positionals()), args));
        List<String> lines = new ArrayList<>();
        lines.add("? " + prediction.question());
        for (int i = 0; i < prediction.choices().size(); i++) {
            lines.add("  " + Prediction.letter(i) + ") " + prediction.choices().get(i));
        }
        lines.add("(in a lesson, the answer is recorded and revealed after the step)");
        return Result.ok(lines);
    }

    /** Puts back the options Args took out, so Prediction.parse sees the line as a lesson writes it. */
    private static List<String> withOptions(List<String> words, Args args) {
        for (String option : Prediction.OPTIONS) {
            if (args.option(option) != null) {
                words.add("--" + option);
                words.add(args.option(option));
            }
        }
        return words;
    }

    private static Result focus(Args args, Session session) {
        Focus focus = Focus.parse(args.positionals());
        ClusterSnapshot snapshot = session.cluster().snapshot();
        if (focus.isBroker()) {
            int id = Targets.broker(session, Integer.toString(focus.broker()));
            return Result.ok("Look at broker " + id + " ("
                    + snapshot.broker(id).state().toLowerCase(java.util.Locale.ROOT) + "): " + roles(snapshot, id));
        }
        Targets.TopicPartition tp = Targets.partition(session, focus.partition());
        PartitionView p = snapshot.partition(tp.topic().name(), tp.partition());
        StringBuilder leo = new StringBuilder();
        p.leo()
                .forEach((broker, offset) -> leo.append(leo.length() == 0 ? "" : " ")
                        .append(broker)
                        .append(':')
                        .append(offset));
        return Result.ok("Look at " + p.name() + ": leader " + (p.leader() < 0 ? "none" : p.leader()) + ", replicas "
                + Replicas.format(p.replicas()) + ", ISR " + Replicas.format(p.isr()) + ", HW " + p.highWatermark()
                + ", LEO by broker " + leo);
    }

    /** Which partitions a broker leads and follows, e.g. "leads orders-1; follows orders-0, orders-2". */
    private static String roles(ClusterSnapshot snapshot, int broker) {
        List<String> leads = new ArrayList<>();
        List<String> follows = new ArrayList<>();
        for (TopicInfo topic : snapshot.topics()) {
            for (PartitionView p : snapshot.partitions(topic)) {
                if (p.leader() == broker) {
                    leads.add(p.name());
                } else if (java.util.Arrays.stream(p.replicas()).anyMatch(r -> r == broker)) {
                    follows.add(p.name());
                }
            }
        }
        return "leads " + (leads.isEmpty() ? "nothing" : String.join(", ", leads)) + "; follows "
                + (follows.isEmpty() ? "nothing" : String.join(", ", follows));
    }
}
