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
 * pulse that took 1 ms or more, "PULSE: n [interval:duration]" (duration = from the pulse's start,
 * animation timers included, to the end of its rendering) followed by a phase breakdown ("T12 (5 +2ms):
 * Painting": the phase started 5 ms into the pulse and took 2 ms) and the dirty regions it repainted. This
 * stream keeps each such pulse of the warm-up and of the measured run, with where its time went; it passes
 * every other line through.
 */
final class PulseLog extends OutputStream {

    private static final Pattern PULSE = Pattern.compile("PULSE: (\\d+) \\[\\d+ms:(\\d+)ms\\]");
    private static final Pattern PHASE = Pattern.compile("^T\\d+ \\((\\d+) \\+(\\d+)ms\\): (.*)$");
    private static final Pattern REGION = Pattern.compile("Dirty Region \\d+: .*\\(w:([\\d.]+), h:([\\d.]+)\\)");

    /** Which part of the bench a pulse belongs to. */
    enum Stage {
        OFF,
        WARMUP,
        MEASURED
    }

    /**
     * One pulse: JavaFX's number for it, its stage, its duration; the time before its first phase (the
     * animation timers, so the window's frame loop); waiting for the render thread to finish the previous
     * pulse; painting; the dirty pixels; and whether it painted at all (a frame the screen shows anew).
     */
    record Pulse(
            long number,
            Stage stage,
            long durationMs,
            long timersMs,
            long waitingMs,
            long paintingMs,
            long dirtyPixels,
            boolean painted) {}

    /** {@code -Dleaderlab.bench.dumpRegions=true}: print each recorded pulse's dirty regions. */
    private static final boolean DUMP = Boolean.getBoolean("leaderlab.bench.dumpRegions");

    /** {@code -Dleaderlab.bench.dumpSlowerThanMs=N}: print the whole report of each recorded pulse of N ms or more. */
    private static final long DUMP_SLOWER_THAN_MS = Long.getLong("leaderlab.bench.dumpSlowerThanMs", Long.MAX_VALUE);

    private final PrintStream passThrough;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder report = new StringBuilder();
    private final List<Pulse> pulses = new ArrayList<>();
    private volatile Stage stage = Stage.OFF;
    private boolean inPulseReport;
    /** The pulse whose breakdown is being read, or null if none. */
    private Reading reading;

    /** What is known so far of the pulse being read. */
    private static final class Reading {
        final long number;
        final Stage stage;
        final long durationMs;
        long timersMs = -1;
        long waitingMs;
        long paintingMs;
        long dirtyPixels;
        boolean painted;

        Reading(long number, Stage stage, long durationMs) {
            this.number = number;
            this.stage = stage;
            this.durationMs = durationMs;
        }

        Pulse pulse() {
            return new Pulse(
                    number, stage, durationMs, Math.max(0, timersMs), waitingMs, paintingMs, dirtyPixels, painted);
        }
    }

    PulseLog(PrintStream passThrough) {
        this.passThrough = passThrough;
    }

    /** Must be set before the toolkit starts, as JavaFX reads it once. */
    static void enable() {
        System.setProperty("javafx.pulseLogger", "true");
        System.setProperty("javafx.pulseLogger.threshold", "0");
    }

    /** The stage the pulses reported from now on belong to ({@link Stage#OFF}: not kept). */
    void record(Stage now) {
        stage = now;
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
            Stage now = stage;
            if (now != Stage.OFF) {
                reading = new Reading(Long.parseLong(pulse.group(1)), now, Long.parseLong(pulse.group(2)));
                report.setLength(0);
                report.append(text).append('\n');
            }
        } else if (inPulseReport
                && (text.isBlank() || text.startsWith("T") || text.startsWith("Counters:") || text.startsWith("\t"))) {
            if (reading != null) {
                report.append(text).append('\n');
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
            if (reading.timersMs < 0) {
                reading.timersMs = start;
            }
            if (phase.group(3).startsWith("Waiting for previous rendering")) {
                reading.waitingMs += took;
            } else if (phase.group(3).startsWith("Painting")) {
                reading.paintingMs += took;
                reading.painted = true;
            }
        } else if (region.find()) {
            if (DUMP) {
                passThrough.println("region " + text.trim());
            }
            reading.dirtyPixels += (long) (Double.parseDouble(region.group(1)) * Double.parseDouble(region.group(2)));
        }
    }

    private void finishPulse() {
        if (reading != null) {
            if (reading.durationMs >= DUMP_SLOWER_THAN_MS) {
                passThrough.print(report);
            }
            pulses.add(reading.pulse());
            reading = null;
        }
    }
}
