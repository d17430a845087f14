package leaderlab.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Startup to a usable prompt: starts leaderlab in fresh JVMs (live cluster, line reader and first
 * prompt, via --startup-probe) and reports the JVM uptime at the prompt and the whole process time.
 */
public final class StartupBench {

    private static final Pattern STARTUP = Pattern.compile("startup-ms=(\\d+)");

    private final PrintStream out;

    public StartupBench(PrintStream out) {
        this.out = out;
    }

    public void run(int runs) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("leaderlab-startup");
        long[] uptime = new long[runs];
        long[] process = new long[runs];
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Started as this JVM was (through ./leaderlab: the app's own options), so the bench times the app.
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of(
                    "-Duser.home=" + home,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "leaderlab.app.Main",
                    "--no-gui",
                    "--startup-probe"));
            long start = System.nanoTime();
            Process child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            child.waitFor();
            process[i] = (System.nanoTime() - start) / 1_000_000;
            Matcher matcher = STARTUP.matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException("no startup time in: " + output);
            }
            uptime[i] = Long.parseLong(matcher.group(1));
        }
        Arrays.sort(uptime);
        Arrays.sort(process);
        out.printf(
                Locale.ROOT,
                "startup: JVM start to usable prompt (live 3-broker cluster up): median %d ms, "
                        + "worst %d ms over %d runs; whole process incl. JVM launch and exit: median %d ms%n",
                uptime[runs / 2],
                uptime[runs - 1],
                runs,
                process[runs / 2]);
    }
}
