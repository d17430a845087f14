package leaderlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The player API a window drives: next, back by deterministic replay (compared through
 * {@code describe --json}, which includes topic ids, epochs, HW and every LEO), predictions recorded and
 * revealed, pauses and focus handed to the front end, and failures named FILE:LINE.
 */
class LessonPlayerTest {

    static Lesson course(String name) throws Exception {
        return new LessonLibrary().load(name);
    }

    private static String json(LessonPlayer player) {
        return String.join("\n", player.run("describe --json").lines());
    }

    @Test
    void backReplaysToExactlyTheStateAndOutputSeenBefore() throws Exception {
        try (LessonPlayer player = new LessonPlayer(course("03-a-broker-dies"), PlayMode.SIMULATED, false, null)) {
            assertNull(player.lastRun());
            assertEquals(1, player.upcoming().number());
            player.next(PlayerListener.SILENT);
            StepRun second = player.next(PlayerListener.SILENT);
            String afterTwo = json(player);
            StepRun third = player.next(PlayerListener.SILENT);
            assertFalse(
                    json(player).equals(afterTwo),
                    "step 3 (a produce to a dead leader, then fencing) changes the cluster");
            assertEquals(3, player.position());

            StepRun back = player.back();
            assertEquals(2, player.position());
            assertEquals(afterTwo, json(player));
            assertEquals(second.transcript(), back.transcript());
            assertEquals(
                    third.transcript(),
                    player.next(PlayerListener.SILENT).transcript(),
                    "replaying step 3 is identical");
        }
    }

    @Test
    void goToStartAndEndAndFinished() throws Exception {
        try (LessonPlayer player =
                new LessonPlayer(course("01-leaders-and-followers"), PlayMode.SIMULATED, false, null)) {
            String fresh = json(player);
            player.goTo(player.stepCount());
            assertTrue(player.finished());
            assertNull(player.upcoming());
            assertTrue(
                    player.runs().stream().allMatch(StepRun::passed),
                    () -> player.runs().stream()
                            .filter(run -> !run.passed())
                            .map(StepRun::transcript)
                            .toList()
                            .toString());
            player.goTo(0);
            assertEquals(fresh, json(player));
        }
    }

    @Test
    void predictionsAreAskedRecordedAndRevealedAfterTheStep(@TempDir Path dir) throws Exception {
        PredictionLog log = new PredictionLog(dir.resolve("predictions.csv"));
        List<String> seen = new ArrayList<>();
        LessonPlayer[] playing = new LessonPlayer[1];
        PlayerListener student = new PlayerListener() {
            @Override
            public void command(StepLine line) {
                seen.add("command " + line.text());
            }

            @Override
            public String predict(Prediction prediction) {
                seen.add("predict " + prediction.question());
                // Asked before the step runs: broker 1 is not fenced yet, so the screen cannot give it away.
                seen.add("broker 1 fenced while asked: "
                        + playing[0]
                                .state()
                                .cluster()
                                .snapshot()
                                .broker(1)
                                .registration()
                                .fenced());
                return "3";
            }

            @Override
            public void reveal(Reveal reveal) {
                seen.add("reveal " + reveal.text());
            }
        };
        try (LessonPlayer player = new LessonPlayer(course("03-a-broker-dies"), PlayMode.SIMULATED, false, log)) {
            playing[0] = player;
            player.next(PlayerListener.SILENT);
            player.next(PlayerListener.SILENT);
            StepRun run = player.next(student);
            String leader = "orders-0 has replicas 1,2,3. Who will lead it once broker 1 is fenced?";
            assertEquals(
                    List.of(
                            "predict What will a write to orders-0 get?",
                            "broker 1 fenced while asked: false",
                            "predict " + leader,
                            "broker 1 fenced while asked: false",
                            "command produce orders --partition 0 --count 5 --acks all",
                            "reveal " + run.reveals().get(0).text(),
                            "reveal " + run.reveals().get(1).text()),
                    seen);
            Reveal revealed = run.reveals().get(1);
            assertEquals(
                    List.of("3", "2", "Not quite"),
                    List.of(revealed.given(), revealed.prediction().answer(), revealed.verdict()));
            assertNull(run.reveals().get(0).given(), "'3' is neither a choice nor a letter: not an answer");
            assertNotNull(revealed.prediction().why(), "the lesson says why");
            assertEquals(2, player.back().step().number(), "back un-plays step 3");
            StepRun replayed = player.goTo(3);
            assertEquals("3", replayed.reveals().get(1).given(), "a replay reveals the answer the student gave");
        }
        List<String> rows = Files.readAllLines(dir.resolve("predictions.csv"));
        assertEquals("time,lesson,step,question,answer,right_answer,correct", rows.get(0));
        assertTrue(
                rows.get(1)
                        .endsWith(
                                ",03-a-broker-dies,3,\"orders-0 has replicas 1,2,3. Who will lead it once broker 1 is fenced?\",3,2,false"),
                rows.get(1));
        assertEquals(2, rows.size(), "a replay does not record the answer again");
    }

    @Test
    void pausesAndFocusReachTheFrontEndAndFailuresNameTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.md");
        Files.writeString(
                file,
                "---\ntitle: Mine\n---\nHello.\n```leaderlab\ncreate topic t --replica-assignment 1:2:3\n"
                        + "pause\nfocus t-0\nexpect leader t-0 is 2\nfocus broker 3\n```\n");
        Lesson lesson = new LessonLibrary().load(file.toString());
        List<String> seen = new ArrayList<>();
        PlayerListener presenter = new PlayerListener() {
            @Override
            public void pause(StepLine line) {
                seen.add("pause at " + line.line());
            }

            @Override
            public void focus(Focus focus) {
                seen.add("focus " + focus);
            }

            @Override
            public void failure(String message) {
                seen.add(message);
            }
        };
        try (LessonPlayer player = new LessonPlayer(lesson, PlayMode.SIMULATED, false, null)) {
            StepRun run = player.next(presenter);
            assertEquals(
                    List.of(
                            "pause at 7",
                            "focus t-0",
                            file + ":9: expectation failed: leader t-0 is 2, but it is 1",
                            "focus broker 3"),
                    seen);
            assertEquals(List.of(file + ":9: expectation failed: leader t-0 is 2, but it is 1"), run.failures());
            assertTrue(
                    run.transcript().contains("Look at broker 3 (running): leads nothing; follows t-0"),
                    run.transcript()::toString);
        }
    }

    @Test
    void verifyStopsAtTheFirstFailure(@TempDir Path dir) throws IOException, LessonFormatException {
        Path file = dir.resolve("wrong.md");
        Files.writeString(
                file,
                "---\ntitle: Wrong\n---\n```leaderlab\n"
                        + "predict \"Who leads?\" 1 2 --answer 2 --check \"leader t-0\"\ncreate topic t --replica-assignment 1:2:3\ndescribe\n```\n"
                        + "```leaderlab\nkill 1\n```\n");
        LessonVerifier.Report report =
                LessonVerifier.verify(new LessonLibrary().load(file.toString()), PlayMode.SIMULATED);
        assertEquals(
                List.of(file + ":5: the stated --answer 2 is not what happened: expectation failed: leader t-0 is 2, "
                        + "but it is 1"),
                report.failures());
        assertTrue(report.summary().startsWith("FAILED wrong"), report.summary());
    }
}
