package leaderlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped course: its shape (13 lessons of 5-15 steps, each with predictions and checks), and
 * {@code lesson verify --all} through the real CLI in both runtimes, the threaded one bounded in time.
 */
@org.junit.jupiter.api.Tag("slow")
class CourseTest {

    private record Run(int code, String out, String err) {}

    private static Run cli(String input, Path predictions, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new LessonCli(
                        new BufferedReader(new StringReader(input)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new PredictionLog(predictions))
                .run(List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> lessons() throws Exception {
        return new LessonLibrary().names();
    }

    @Test
    void theCourseHasThirteenLessonsInOrder() throws Exception {
        assertEquals(
                List.of(
                        "01-leaders-and-followers",
                        "02-isr-and-high-watermark",
                        "03-a-broker-dies",
                        "04-preferred-leader",
                        "05-controlled-shutdown",
                        "06-acks-and-min-isr",
                        "07-unclean-leader-election",
                        "08-reassignment",
                        "09-reachable-by-the-cluster-not-by-clients",
                        "10-transient-disk-and-network-trouble",
                        "11-leadership-priority-demoting-a-broker",
                        "12-eligible-leader-replicas",
                        "13-the-controllers-own-election"),
                lessons());
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void everyLessonIsSmallAsksAndChecks(String name) throws Exception {
        Lesson lesson = new LessonLibrary().load(name);
        assertTrue(
                lesson.steps().size() >= 5 && lesson.steps().size() <= 15,
                name + ": " + lesson.steps().size() + " steps");
        assertTrue(lesson.predictionCount() >= 1, name + " asks nothing");
        assertTrue(lesson.checkCount() >= lesson.steps().size(), name + " checks too little: " + lesson.checkCount());
        assertTrue(
                lesson.steps().stream().allMatch(s -> !s.narration().isBlank()),
                name + " has a step without narration");
        // verify --all runs every lesson on a production-shaped quorum, so each lesson holds with three controllers
        assertEquals(3, lesson.controllers(), name + " runs with " + lesson.controllers() + " controller(s)");
    }

    @Test
    void verifyAllPassesInBothRuntimes(@TempDir Path dir) {
        Run run = assertTimeoutPreemptively(
                Duration.ofSeconds(180), () -> cli("", dir.resolve("p.csv"), "verify", "--all"));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("13 lesson(s), 26 run(s): 26 passed, 0 failed"), run.out());
        assertTrue(run.out().contains("threaded x5"), run.out());
    }

    @Test
    void listShowsTitles(@TempDir Path dir) {
        Run run = cli("", dir.resolve("p.csv"), "list");
        assertEquals(0, run.code(), run.err());
        assertTrue(
                run.out()
                        .contains(
                                "03-a-broker-dies                     A broker dies: heartbeats, fencing, failover (7 steps)"),
                run.out());
    }

    @Test
    void playInTheTerminalAsksRecordsAndGoesBack(@TempDir Path dir) throws Exception {
        // Step 1 right, step 2 wrong; back (to before step 1, which plays again), step 1 right, step 2 right, quit.
        // "2" is broker 2 (a choice's text), never "the second choice"; the last answer is by letter (a = 1).
        Run run = cli("1\n\n2\nback\n1\n\na\nquit\n", dir.resolve("p.csv"), "play", "leaders-and-followers");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Step 2/8"), run.out());
        assertTrue(run.out().contains("(back: a fresh cluster from the lesson's seed)"), run.out());
        List<String> rows = Files.readAllLines(dir.resolve("p.csv"));
        assertEquals(5, rows.size(), "a header and four answers: " + rows);
        // answer, right_answer, correct: the last three fields of each row
        assertEquals(
                List.of("1,1,true", "2,1,false", "1,1,true", "1,1,true"),
                rows.subList(1, 5).stream()
                        .map(row -> String.join(
                                ",",
                                java.util.Arrays.asList(row.split(","))
                                        .subList(row.split(",").length - 3, row.split(",").length)))
                        .toList());
    }

    @Test
    void aMalformedLessonPlaysNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.md");
        Files.writeString(bad, "---\ntitle: Bad\n---\n```leaderlab\ncreate topic t\n```\n```leaderlab\nkil 1\n```\n");
        Run run = cli("\n\n\n", dir.resolve("p.csv"), "play", bad.toString());
        assertEquals(2, run.code());
        assertEquals("", run.out(), "not even the title is shown");
        assertEquals(
                bad
                        + ":8: unknown command 'kil'; did you mean kill? (steps hold leaderlab commands and pause, predict, "
                        + "focus; narration is the prose outside the blocks)\nleaderlab: the lesson has 1 error(s); nothing was played\n",
                run.err());
        Run verify = cli("", dir.resolve("p.csv"), "verify", bad.toString());
        assertEquals(2, verify.code());
        assertEquals("", verify.out());
    }

    @Test
    void badArgumentsAreOneLine(@TempDir Path dir) {
        Run run = cli("", dir.resolve("p.csv"), "play", "nope");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("leaderlab: no lesson 'nope'; lessons: 01-leaders-and-followers"), run.err());
        assertEquals(2, cli("", dir.resolve("p.csv"), "verify", "--speed", "0").code());
        assertEquals(2, cli("", dir.resolve("p.csv"), "dance").code());
    }
}
