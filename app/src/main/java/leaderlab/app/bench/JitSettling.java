package leaderlab.app.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Tells when the JIT compiler has settled. For its first seconds a JVM compiles its hot code on the same
 * two cores the window draws on, and frames measured then time the compiler as much as the window; a
 * benchmark of the window's steady state starts once a whole second passes with the compiler busy for less
 * than a small share of it.
 */
final class JitSettling {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final double maxBusyShare;
    private long windowStartNanos = -1;
    private long windowStartCompiledMs;

    /** @param maxBusyShare the share of a second (summed over the compiler threads) below which it is settled */
    JitSettling(double maxBusyShare) {
        this.maxBusyShare = maxBusyShare;
    }

    /** Whether the compiler is available to ask; without it nothing can be known and warm-up runs its longest. */
    boolean measurable() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported();
    }

    /**
     * Called once a frame: true when the window that just ended, a second or more long, saw the compiler
     * busy for less than the share.
     */
    boolean settled(long nowNanos) {
        if (!measurable()) {
            return false;
        }
        long compiledMs = compiler.getTotalCompilationTime();
        if (windowStartNanos < 0) {
            windowStartNanos = nowNanos;
            windowStartCompiledMs = compiledMs;
            return false;
        }
        if (nowNanos - windowStartNanos < WINDOW_NANOS) {
            return false;
        }
        double busyShare = (compiledMs - windowStartCompiledMs) / ((nowNanos - windowStartNanos) / 1e6);
        windowStartNanos = nowNanos;
        windowStartCompiledMs = compiledMs;
        return busyShare < maxBusyShare;
    }
}
