package leaderlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record start/stop in the shell: what a teacher typed becomes a lesson skeleton that parses and verifies. */
class RecorderTest {

    @Test
    void recordedCommandsBecomeAPlayableSkeleton(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.md");
        try (Cluster cluster = Cluster.start(new ClusterOptions(4, 2, 7, true, false))) {
            Dispatcher shell = new Dispatcher(LessonCommands.registry(), new Session(cluster));
            for (String line : List.of(
                    "create topic orders --replica-assignment 1:2:3",
                    "record start " + file,
                    "kil 1",
                    "kill 1",
                    "wait until leader orders-0 is 2 --timeout 5s",
                    "describe",
                    "restart 1",
                    "kafka-topics --describe",
                    "help",
                    "",
                    "expect broker 1 is running")) {
                shell.execute(line);
            }
            assertTrue(shell.execute("record stop").lines().get(0).startsWith("wrote " + file + " (3 step(s))"));
        }
        String text = Files.readString(file);
        assertTrue(
                text.startsWith(
                        "---\ntitle: TODO a title that says what the class will see\nbrokers: 4\nracks: 2\nseed: 7\n---\n"),
                text);
        Lesson lesson = new LessonLibrary().load(file.toString());
        assertEquals(
                List.of("kill 1", "wait until leader orders-0 is 2 --timeout 5s", "describe"),
                lesson.steps().get(0).lines().stream().map(StepLine::text).toList(),
                "typos are left out");
        assertEquals(
                List.of("restart 1", "kafka-topics --describe"),
                lesson.steps().get(1).lines().stream().map(StepLine::text).toList(),
                "help is left out; the alias is kept");
        assertEquals(
                List.of("expect broker 1 is running"),
                lesson.steps().get(2).lines().stream().map(StepLine::text).toList());
        assertTrue(lesson.steps().get(0).narration().startsWith("TODO narration for step 1"));
    }

    @Test
    void aTriggeredLineIsRecordedAsACommentSoReplayingTheWhenDoesNotRunItTwice(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("triggered.md");
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 5))) {
            Dispatcher shell = new Dispatcher(LessonCommands.registry(), new Session(cluster));
            for (String line : List.of(
                    "create topic orders --replica-assignment 1:2:3",
                    "record start " + file,
                    "when broker 2 is fenced do kill 1",
                    "kill 2",
                    "wait 5s",
                    "record stop")) {
                assertTrue(shell.execute(line).isOk(), line);
            }
        }
        Lesson lesson = new LessonLibrary().load(file.toString());
        assertEquals(
                List.of("when broker 2 is fenced do kill 1", "kill 2", "wait 5s"),
                lesson.steps().get(0).lines().stream().map(StepLine::text).toList());
        assertTrue(Files.readString(file).contains("# triggered: kill 1\nwait 5s\n"), Files.readString(file));
    }

    @Test
    void recordRefusesToOverwriteAndToStopWhenNotRecording(@TempDir Path dir) throws Exception {
        Path existing = Files.writeString(dir.resolve("taken.md"), "x");
        try (Cluster cluster = Cluster.start(ClusterOptions.simulated(3, 1))) {
            Dispatcher shell = new Dispatcher(LessonCommands.registry(), new Session(cluster));
            assertEquals(
                    List.of("error: " + existing + " already exists; choose a new file name"),
                    shell.execute("record start " + existing).lines());
            Result stop = shell.execute("record stop");
            assertEquals(List.of("error: not recording; record start FILE begins"), stop.lines());
        }
    }
}
