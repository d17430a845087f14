package leaderlab.app.window.planted;

import leaderlab.app.bench.EngineBench;

/** Breaks WINDOW_DOES_NOT_RUN_BENCHMARKS: the window depending on a benchmark. */
public final class WindowRunsABenchmark {

    public EngineBench planted;
}
