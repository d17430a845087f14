package leaderlab.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects JavaFX's own per-pulse timing. With {@code -Djavafx.pulseLogger=true} JavaFX prints, for every
 * pulse, "PULSE: n [interval:duration]" (duration = from the pulse's start, animation timers included,
 * to the end of its rendering) followed by a phase breakdown. This stream keeps the durations while
 * recording, drops the breakdown, and passes every other line through.
 */
final class PulseLog extends OutputStream {

    private static final Pattern PULSE = Pattern.compile("PULSE: \\d+ \\[\\d+ms:(\\d+)ms\\]");

    private final PrintStream passThrough;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Long> durationsMs = new ArrayList<>();
    private volatile boolean recording;
    private boolean inPulseReport;

    PulseLog(PrintStream passThrough) {
        this.passThrough = passThrough;
    }

    /** Must be set before the toolkit starts, as JavaFX reads it once. */
    static void enable() {
        System.setProperty("javafx.pulseLogger", "true");
        System.setProperty("javafx.pulseLogger.threshold", "0");
    }

    void record(boolean on) {
        recording = on;
    }

    synchronized List<Long> durationsMs() {
        return List.copyOf(durationsMs);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            onLine(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    private void onLine(String text) {

        Matcher pulse = PULSE.matcher(text);
        if (pulse.find()) {
            inPulseReport = true;
            if (recording) {
                durationsMs.add(Long.parseLong(pulse.group(1)));
            }
        } else if (inPulseReport
                && (text.isBlank() || text.startsWith("T") || text.startsWith("Counters:") || text.startsWith("\t"))) {
            return;
        } else {
            inPulseReport = false;
            passThrough.println(text);
        }
    }
}
