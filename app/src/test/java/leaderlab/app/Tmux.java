package leaderlab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Drives a real terminal: leaderlab in a tmux session on a private socket, typed into and read back. */
final class Tmux implements AutoCloseable {

    private static final String SOCKET = "leaderlab-test";

    private final String session;

    Tmux(String session, Path home, String... leaderlabArgs) throws IOException, InterruptedException {
        this(session, home, List.of(), leaderlabArgs);
    }

    /** leaderlab as on a machine without a display, whatever this one has. */
    static Tmux withoutDisplay(String session, Path home, String... leaderlabArgs)
            throws IOException, InterruptedException {
        return new Tmux(session, home, List.of("env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY"), leaderlabArgs);
    }

    private Tmux(String session, Path home, List<String> prefix, String... leaderlabArgs)
            throws IOException, InterruptedException {
        this.session = session;
        List<String> java = new ArrayList<>(prefix);
        java.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                "leaderlab.app.Main"));
        java.addAll(List.of(leaderlabArgs));
        StringBuilder command = new StringBuilder();
        for (String word : java) {
            command.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        // remain-on-exit keeps the pane, and so what leaderlab printed last, if it exits: a test that
        // then times out shows why instead of "no server running".
        tmux(
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                "160",
                "-y",
                "40",
                command.toString().strip(),
                ";",
                "set-option",
                "-t",
                session,
                "remain-on-exit",
                "on");
    }

    static void requireInstalled() throws IOException, InterruptedException {
        Process probe =
                new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
        if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            throw new AssertionError("tmux is needed for terminal tests (.ci/run installs it): apt-get install tmux");
        }
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return out;
    }

    /** Types text literally (no key names). */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", session, "-l", text);
    }

    /** Sends key names: Enter, Tab, Up, C-d, C-c. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", session);
    }

    /**
     * Types a line and waits until the prompt shows it, typing it again if the terminal dropped it
     * (keys sent while the line reader switches the terminal to raw mode can be flushed).
     */
    void typeLine(String text) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            keys("C-u");
            type(text);
            try {
                await("the typed line", s -> s.strip().endsWith("> " + text), 3);
                return;
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Waits (bounded) until the screen shows what the test expects; fails with the screen if not. */
    String await(String what, Predicate<String> condition) throws IOException, InterruptedException {
        return await(what, condition, 30);
    }

    private String await(String what, Predicate<String> condition, int seconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = screen();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
            }
            TimeUnit.MILLISECONDS.sleep(50);
            screen = screen();
        }
        return screen;
    }

    /** True while leaderlab runs in the session (its pane stays, dead, after it exits). */
    boolean alive() throws IOException, InterruptedException {
        return tmux("display-message", "-p", "-t", session, "#{pane_dead}")
                .strip()
                .equals("0");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tmux("kill-session", "-t", session);
    }
}
