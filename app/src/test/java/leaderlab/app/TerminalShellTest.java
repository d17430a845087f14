package leaderlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher in a real terminal (tmux): completion, events above a half-typed line, history. */
@org.junit.jupiter.api.Tag("slow")
class TerminalShellTest {

    @TempDir
    Path home;

    @BeforeAll
    static void tmuxIsInstalled() throws Exception {
        Tmux.requireInstalled();
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void tabCompletesLiveBrokerIds() throws Exception {
        try (Tmux tmux = new Tmux("complete", home, "--no-gui")) {
            tmux.await("the prompt", s -> s.contains("leaderlab [3/3 up]>"));
            tmux.type("kill 2");
            tmux.keys("Enter");
            tmux.await("broker 2 killed", s -> s.contains("broker 2 killed"));
            tmux.type("kill ");
            tmux.keys("Tab");
            String screen = tmux.await("candidates", s -> s.contains("(broker running)"));
            // JLine pads candidates into columns (controllers are offered too).
            assertTrue(
                    Pattern.compile("(^|\\s)1\\s+\\(broker running\\)", Pattern.MULTILINE)
                                    .matcher(screen)
                                    .find()
                            && Pattern.compile("(^|\\s)3\\s+\\(broker running\\)", Pattern.MULTILINE)
                                    .matcher(screen)
                                    .find(),
                    screen);
            assertFalse(
                    Pattern.compile("(^|\\s)2\\s+\\(broker", Pattern.MULTILINE)
                            .matcher(screen)
                            .find(),
                    "a stopped broker is not offered to kill:\n" + screen);
            tmux.keys("C-u");
            tmux.type("resta");
            tmux.keys("Tab");
            // capture-pane drops trailing spaces, so "restart " reads as "restart".
            tmux.await("restart completed", s -> lastLine(s).endsWith("> restart"));
            tmux.keys("Tab");
            tmux.await("the only stopped broker", s -> lastLine(s).endsWith("> restart 2"));
        }
    }

    @Test
    void electionsAppearAboveTheHalfTypedLine() throws Exception {
        try (Tmux tmux = new Tmux("events", home, "--no-gui")) {
            tmux.await("the prompt", s -> s.contains("leaderlab [3/3 up]>"));
            tmux.type("create topic orders --replica-assignment 1:2:3");
            tmux.keys("Enter");
            tmux.await("the topic", s -> s.contains("Created topic orders."));
            tmux.type("kill 1");
            tmux.keys("Enter");
            tmux.await("the kill", s -> s.contains("broker 1 killed"));
            tmux.type("describe ord");
            // Events print one by one, each redrawing the prompt; wait for the redraw after the election.
            String screen = tmux.await(
                    "the election above the prompt, the half-typed line below it",
                    s -> s.contains("orders-0 leader 1 -> 2") && lastLine(s).endsWith("> describe ord"));
            assertTrue(screen.contains("broker 1 fenced (no heartbeat for"), screen);
            assertTrue(screen.indexOf("orders-0 leader 1 -> 2") < screen.lastIndexOf("> describe ord"), screen);
            tmux.keys("Tab");
            tmux.await("the topic completed", s -> lastLine(s).endsWith("> describe orders"));
            tmux.keys("Enter");
            tmux.await(
                    "describe ran", s -> s.matches("(?s).*Partition: 0\\s+Leader: 2\\s+Replicas: 1,2,3\\s+Isr: 2,3.*"));
        }
    }

    @Test
    void historySurvivesARestart() throws Exception {
        try (Tmux tmux = new Tmux("history1", home, "--no-gui", "--seed", "1")) {
            tmux.await("the prompt", s -> s.contains("leaderlab [3/3 up"));
            tmux.type("describe --json");
            tmux.keys("Enter");
            tmux.await("the output", s -> s.contains("\"brokers\""));
            // Ctrl-D must reach the line reader, not the terminal between two reads.
            tmux.await("the next prompt", s -> lastLine(s).endsWith("]>"));
            tmux.keys("C-d");
            tmux.await("exit", s -> {
                try {
                    return !tmux.alive();
                } catch (Exception e) {
                    return true;
                }
            });
        }
        try (Tmux tmux = new Tmux("history2", home, "--no-gui", "--seed", "1")) {
            tmux.await("the prompt", s -> s.contains("leaderlab [3/3 up"));
            tmux.keys("Up");
            tmux.await("the recalled line", s -> lastLine(s).endsWith("> describe --json"));
        }
    }

    @Test
    void withoutADisplayTheShellRunsAloneAndSaysSo() throws Exception {
        try (Tmux tmux = Tmux.withoutDisplay("nodisplay", home)) {
            String screen = tmux.await("the prompt", s -> s.contains("leaderlab [3/3 up]>"));
            assertTrue(screen.contains("leaderlab: no display, running the shell only (--no-gui)"), screen);
            tmux.typeLine("kill 2");
            tmux.keys("Enter");
            tmux.await("the command ran on the shared command thread", s -> s.contains("broker 2 killed"));
        }
    }

    @Test
    void ctrlCCancelsALongWaitAndKeepsTheShell() throws Exception {
        try (Tmux tmux = new Tmux("cancel", home, "--no-gui")) {
            tmux.await("the prompt", s -> s.contains("leaderlab [3/3 up]>"));
            tmux.typeLine("wait 10m");
            tmux.keys("Enter");
            // A Ctrl-C sent before the line reader has handed the terminal back reaches it as a key, not
            // as a signal; a person cannot be that fast, a test can, so it presses again until it works.
            String screen = tmux.await("the wait cancelled", s -> {
                try {
                    tmux.keys("C-c");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return s.contains("wait cancelled after");
            });
            assertFalse(screen.contains("no display"), "--no-gui asks for the shell: no note\n" + screen);
            tmux.typeLine("kill 3");
            tmux.keys("Enter");
            tmux.await("the next command runs", s -> s.contains("broker 3 killed"));
        }
    }
}
