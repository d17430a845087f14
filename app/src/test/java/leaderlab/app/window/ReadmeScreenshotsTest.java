package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The README's screenshots, made the same way every time: a seeded cluster, scripted commands, and the
 * scene rendered headless to PNG. They go to target/screenshots, or to the directory named by
 * {@code -Dscreenshots.dir} (the README's: {@code docs/}). Nothing else in that directory changes:
 * what the window keeps in a home directory goes to the test's temporary one.
 */
class ReadmeScreenshotsTest extends WindowTestBase {

    private static final Path DIR = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    /** The pictures this test means to write; a run of one test method writes some of them. */
    private static final Set<String> PICTURES = Set.of(
            "window-failover.png",
            "window-unclean-truncation.png",
            "window-scale-dark.png",
            "window-presenter-question.png",
            "window-presenter-reveal.png");

    private static Map<Path, FileTime> before;

    @BeforeAll
    static void listTheDirectory() throws IOException {
        before = filesUnder(DIR);
    }

    @AfterAll
    static void onlyThePicturesChanged() throws IOException {
        Map<Path, FileTime> after = filesUnder(DIR);
        Set<Path> changed = new TreeSet<>();
        after.forEach((file, modified) -> {
            if (!modified.equals(before.get(file))) {
                changed.add(file);
            }
        });
        Set<Path> gone = new TreeSet<>(before.keySet());
        gone.removeAll(after.keySet());
        assertEquals(Set.of(), gone, "files removed under " + DIR);
        Set<String> others = changed.stream()
                .map(Path::toString)
                .filter(name -> !PICTURES.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), others, "files written under " + DIR + " other than the pictures");
    }

    /** Every file below a directory (relative to it) with its last-modified time; none if it is missing. */
    private static Map<Path, FileTime> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(dir::relativize, ReadmeScreenshotsTest::modified));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void failoverJustLogged(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(4, 2, 7), 1600, 1000);
        fixture.run("create topic orders --partitions 6 --replication-factor 3");
        fixture.run("create topic payments --partitions 3 --replication-factor 3");
        fixture.run("produce orders --count 120");
        fixture.run("produce payments --count 60");
        fixture.run("wait 1s");
        fixture.run("kill 2");
        fixture.run("wait until broker 2 is fenced --timeout 5s");
        fixture.run("wait 300ms");
        robot.interact(() -> fixture.window.showPartition("orders-1"));
        fixture.awaitCaughtUp(robot);
        fixture.hover(robot, 1, "orders", 1);
        assertTrue(
                fixture.window.eventLog().shownEvents().stream()
                        .anyMatch(e ->
                                e.detail() instanceof EventDetail.LeaderElected elected && elected.oldLeader() == 2),
                "the election away from broker 2 is in the timeline");
        shot(robot, DIR.resolve("window-failover.png"), 1600, 1000);
    }

    @Test
    void uncleanElectionTruncates(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1600, 1000);
        for (String line : new String[] {
            "create topic orders --replica-assignment 1:2:3 --config unclean.leader.election.enable=true",
            "produce orders --partition 0 --count 100 --acks all",
            "config set request.timeout.ms 10000",
            "isolate 3 --from brokers:1",
            "isolate 2 --from brokers:1",
            "produce orders --partition 0 --count 50 --acks all",
            "wait 500ms",
            "kill 1",
            "heal",
            "wait until leader orders-0 is 2 --timeout 5s",
            "produce orders --partition 0 --count 30 --acks all",
            "restart 1",
            "wait until leo orders-0 on 1 is 130 --timeout 10s",
            "wait 500ms"
        }) {
            fixture.run(line);
            if (line.startsWith("produce orders --partition 0 --count 50")) {
                robot.interact(() -> fixture.window.showPartition("orders-0"));
                fixture.awaitCaughtUp(robot);
            }
        }
        fixture.awaitCaughtUp(robot);
        assertTrue(
                fixture.window.eventLog().shownEvents().stream().anyMatch(e -> e.type() == EventType.TRUNCATED),
                "the truncation is in the timeline");
        shot(robot, DIR.resolve("window-unclean-truncation.png"), 1600, 1000);
    }

    @Test
    void twelveBrokersAtScaleInTheDarkTheme(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(12, 3, 5), 1600, 1000);
        fixture.run("create topic orders --partitions 1200 --replication-factor 3");
        fixture.run("wait 1s");
        fixture.run("kill 4");
        fixture.run("isolate 9 --from clients");
        fixture.run("wait until broker 4 is fenced --timeout 5s");
        fixture.run("wait 200ms");
        robot.interact(() -> fixture.window.scene().getRoot().requestFocus());
        robot.type(javafx.scene.input.KeyCode.T);
        robot.interact(() -> fixture.window.showPartition("orders-3"));
        fixture.awaitCaughtUp(robot);
        fixture.hover(
                robot,
                fixture.cluster.snapshot().metadata().partition("orders", 3).replicas()[0],
                "orders",
                3);
        assertTrue(fixture.window.palette().dark());
        shot(robot, DIR.resolve("window-scale-dark.png"), 1600, 1000);
    }

    @Test
    void presenterModeMidLessonAndAReveal(FxRobot robot) throws Exception {
        openWindow(robot, WindowFixture.simulated(3, 0, 1), 1920, 1080, leaderlab.lessons.LessonCommands.registry());
        presenter(robot, true, 1920, 1080);
        fixture.lessonThreeAtItsQuestion(robot);
        // As a class reading the question would see it: the lesson cluster's start-up controller vote has played.
        fixture.awaitFx(
                "the start-up votes played", () -> !fixture.window.quorum().votesPlaying());
        shot(robot, DIR.resolve("window-presenter-question.png"), 1920, 1080);
        fixture.revealWithA(robot);
        shot(robot, DIR.resolve("window-presenter-reveal.png"), 1920, 1080);
    }

    /**
     * Takes a picture as a class would see it at that moment: once the start-up controller vote has played
     * on the quorum strip (its arcs are paced for the eye, so a test running commands at machine speed
     * would catch them over a broker failover), then checks its size.
     */
    private void shot(FxRobot robot, Path file, int width, int height) throws Exception {
        fixture.awaitFx(
                "the controller votes played", () -> !fixture.window.quorum().votesPlaying());
        assertPng(fixture.screenshot(robot, file), width, height);
    }

    private static void assertPng(Path file, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
