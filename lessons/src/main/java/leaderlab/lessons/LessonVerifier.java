package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plays a lesson headless and fast-forward, skipping predictions (their --check still runs) and
 * pauses, and reports whether every command ran and every expect held. Stops a lesson at its first
 * failure: later steps would only repeat it.
 */
public final class LessonVerifier {

    /** The outcome of one lesson in one runtime. */
    public record Report(Lesson lesson, PlayMode mode, List<String> failures, long elapsedMs) {

        public boolean passed() {
            return failures.isEmpty();
        }

        /** One summary line, e.g. "ok    01-leaders-and-followers  simulated   9 steps, 14 checks  0.3s". */
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "%-6s %-34s %-12s %2d steps, %2d checks, %d predictions  %.1fs",
                    passed() ? "ok" : "FAILED",
                    lesson.name(),
                    mode,
                    lesson.steps().size(),
                    lesson.checkCount(),
                    lesson.predictionCount(),
                    elapsedMs / 1000.0);
        }
    }

    private LessonVerifier() {}

    public static Report verify(Lesson lesson, PlayMode mode) {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        try (LessonPlayer player = new LessonPlayer(lesson, mode, true, null)) {
            while (!player.finished() && failures.isEmpty()) {
                failures.addAll(player.next(PlayerListener.SILENT).failures());
            }
        } catch (RuntimeException e) {
            failures.add(lesson.source() + ": the lesson's cluster failed: " + e.getMessage());
        }
        return new Report(lesson, mode, failures, (System.nanoTime() - start) / 1_000_000);
    }
}
