package leaderlab.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PulseLog reads JavaFX's pulse reports as the pulse logger prints them (javafx-base 21). */
class PulseLogTest {

    private static final String PAINTED = """
            PULSE: 184 [35ms:82ms]
            T33 (31 +0ms): CSS Pass
            T33 (31 +6ms): Layout Pass
            T33 (39 +3ms): Waiting for previous rendering
            T31 : 2 different dirty regions to render
            T31 : Dirty Region 0: RectBounds { minX:20.0, minY:243.0, maxX:523.0, maxY:293.0} (w:503.0, h:50.0)
            T31 : Dirty Region 1: RectBounds { minX:5.0, minY:418.0, maxX:1915.0, maxY:432.0} (w:1910.0, h:14.0)
            T31 (43 +6ms): Painting
            T31 (49 +2ms): Painting
            Counters:
            \tNodes rendered: 15

            """;

    private static final String NOT_PAINTED = """
            PULSE: 185 [16ms:2ms]
            T33 (1 +1ms): CSS Pass
            T33 (2 +0ms): Layout Pass

            """;

    private final ByteArrayOutputStream passedThrough = new ByteArrayOutputStream();
    private final PulseLog log = new PulseLog(new PrintStream(passedThrough, true, StandardCharsets.UTF_8));

    @Test
    void keepsEachPulsesPartsAndWhetherItPainted() {
        log.record(PulseLog.Stage.MEASURED);
        write(PAINTED + NOT_PAINTED);

        List<PulseLog.Pulse> pulses = log.pulses();

        assertEquals(2, pulses.size());
        PulseLog.Pulse painted = pulses.get(0);
        assertEquals(184, painted.number());
        assertEquals(PulseLog.Stage.MEASURED, painted.stage());
        assertEquals(82, painted.durationMs());
        assertEquals(31, painted.timersMs());
        assertEquals(3, painted.waitingMs());
        assertEquals(8, painted.paintingMs());
        assertEquals(503 * 50 + 1910 * 14, painted.dirtyPixels());
        assertTrue(painted.painted());
        assertFalse(pulses.get(1).painted());
        assertEquals(0, passedThrough.size(), "pulse reports are not passed through");
    }

    @Test
    void tagsPulsesWithTheStageTheyWereReportedInAndDropsThoseOutsideOne() {
        log.record(PulseLog.Stage.WARMUP);
        write(PAINTED);
        log.record(PulseLog.Stage.OFF);
        write(NOT_PAINTED);
        log.record(PulseLog.Stage.MEASURED);
        write(NOT_PAINTED.replace("185", "186"));

        List<PulseLog.Pulse> pulses = log.pulses();

        assertEquals(
                List.of(184L, 186L), pulses.stream().map(PulseLog.Pulse::number).toList());
        assertEquals(
                List.of(PulseLog.Stage.WARMUP, PulseLog.Stage.MEASURED),
                pulses.stream().map(PulseLog.Pulse::stage).toList());
    }

    @Test
    void passesOtherLinesThrough() {
        log.record(PulseLog.Stage.MEASURED);
        write("a warning from the toolkit\n" + NOT_PAINTED + "another line\n");

        assertEquals("a warning from the toolkit\nanother line\n", passedThrough.toString(StandardCharsets.UTF_8));
        assertEquals(1, log.pulses().size());
    }

    private void write(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            log.write(b);
        }
    }
}
