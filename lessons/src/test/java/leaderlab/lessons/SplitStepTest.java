package leaderlab.lessons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A lesson step can open a split: the lesson's own run so far, under two settings, side by side. */
class SplitStepTest {

    /** The lesson, shared with the window's test of a split step (WhatIfWindowTest). */
    private static final String LESSON = "../scripts/split-step.md";

    @Test
    void aSplitStepComparesTheLessonsRunUnderTwoSettings() throws Exception {
        Lesson lesson = new LessonLibrary().load(LESSON);
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
