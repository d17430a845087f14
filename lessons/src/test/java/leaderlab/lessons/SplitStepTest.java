package leaderlab.lessons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A lesson step can open a split: the lesson's own run so far, under two settings, side by side. */
class SplitStepTest {

    private static final String LESSON = String.join(
            "\n",
            "---",
            "title: acks, side by side",
            "brokers: 3",
            "seed: 1",
            "---",
            "",
            "A leader that acknowledges alone, then crashes.",
            "",
            "```leaderlab",
            "create topic orders --replica-assignment 1:2:3",
            "isolate 1 --from brokers",
            "produce orders --partition 0 --count 10",
            "kill 1",
            "heal",
            "wait 3s",
            "restart 1",
            "wait 3s",
            "```",
            "",
            "The same run with acks=1 and with acks=all:",
            "",
            "```leaderlab",
            "split \"config set acks 1\" \"config set acks all\"",
            "```",
            "");

    @Test
    void aSplitStepComparesTheLessonsRunUnderTwoSettings() throws Exception {
        Lesson lesson = new LessonParser(LessonCommands.registry()).parse("split-step", "split-step.md", LESSON);
        try (LessonPlayer player = new LessonPlayer(lesson, PlayMode.SIMULATED, true, null)) {
            player.next(PlayerListener.SILENT);
            StepRun split = player.next(PlayerListener.SILENT);
            assertTrue(split.passed(), split.failures().toString());
            List<String> transcript = split.transcript();
            String text = String.join("\n", transcript);
            assertTrue(text.contains("A: config set acks 1"), text);
            assertTrue(text.contains(">> first divergent event"), text);
            assertTrue(text.contains("lost 10 | 0"), text);
        }
    }
}
