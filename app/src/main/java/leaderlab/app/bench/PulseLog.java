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
 * to the end of its rendering) followed by a phase breakdown ("T12 (5 +2ms): Painting": the phase
 * started 5 ms into the pulse and took 2 ms) and the dirty regions it repainted. This stream keeps, while
 * recording, each pulse's duration and where its time went; it passes every other line through.
 */
final class PulseLog extends OutputStream {

    private static final Pattern PULSE = Pattern.compile("PULSE: \\d+ \\[\\d+ms:(\\d+)ms\\]");
    private static final Pattern PHASE = Pattern.compile("^T\\d+ \\((\\d+) \\+(\\d+)ms\\): (.*)$");
    private static final Pattern REGION = Pattern.compile("Dirty Region \\d+: .*\\(w:([\\d.]+), h:([\\d.]+)\\)");

    /**
     * One pulse: its duration; the time before its first phase (the animation timers, so the window's frame
     * loop); waiting for the render thread to finish the previous pulse; painting; and the dirty pixels.
     */
    record Pulse(long durationMs, long timersMs, long waitingMs, long paintingMs, long dirtyPixels) {}

    /** {@code -Dleaderlab.bench.dumpRegions=true}: print each recorded pulse's dirty regions. */
    private static final boolean DUMP = Boolean.getBoolean("leaderlab.bench.dumpRegions");

    private final PrintStream passThrough;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Pulse> pulses = new ArrayList<>();
    private volatile boolean recording;
    private boolean inPulseReport;
    /** The pulse whose breakdown is being read: duration, timers, waiting, painting, pixels; null if none. */
    private long[] reading;

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

    synchronized List<Pulse> pulses() {
        finishPulse();
        return List.copyOf(pulses);
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
            finishPulse();
            inPulseReport = true;
            if (recording) {
                reading = new long[] {Long.parseLong(pulse.group(1)), -1, 0, 0, 0};
            }
        } else if (inPulseReport
                && (text.isBlank() || text.startsWith("T") || text.startsWith("Counters:") || text.startsWith("\t"))) {
            if (reading != null) {
                breakdown(text);
            }
        } else {
            inPulseReport = false;
            passThrough.println(text);
        }
    }

    private void breakdown(String text) {
        Matcher phase = PHASE.matcher(text);
        Matcher region = REGION.matcher(text);
        if (phase.find()) {
            long start = Long.parseLong(phase.group(1));
            long took = Long.parseLong(phase.group(2));
            if (reading[1] < 0) {
                reading[1] = start;
            }
            if (phase.group(3).startsWith("Waiting for previous rendering")) {
                reading[2] += took;
            } else if (phase.group(3).startsWith("Painting")) {
                reading[3] += took;
            }
        } else if (region.find()) {
            if (DUMP) {
                passThrough.println("region " + text.trim());
            }
            reading[4] += (long) (Double.parseDouble(region.group(1)) * Double.parseDouble(region.group(2)));
        }
    }

    private void finishPulse() {
        if (reading != null) {
            pulses.add(new Pulse(reading[0], Math.max(0, reading[1]), reading[2], reading[3], reading[4]));
            reading = null;
        }
    }
}
