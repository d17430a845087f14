package leaderlab.app.window;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The once-per-frame pipeline. Reads the newest snapshot and the journal events since the last
 * frame (never waiting on the engine), keeps the scrubber's history, and redraws what changed.
 * Everything here runs on the FX thread.
 */
final class FrameLoop extends AnimationTimer {

    /**
     * Metrics, swimlanes, the timeline list and the scrubber each refresh four times a second, in turn
     * (one per 62.5 ms slot), so no single frame pays for all of them.
     */
    private static final long SLOW_SLOT_NANOS = 62_500_000L;

    private final LeaderlabWindow window;
    private final EventFeed feed = new EventFeed();
    private final SnapshotHistory history = new SnapshotHistory(3000, 100);
    private final MessageFlow flow = new MessageFlow();
    private final ProduceRate produceRate = new ProduceRate();
    private ClusterSnapshot live;
    private ClusterSnapshot lastDrawn;
    private int lastHovered = -2;
    private long lastLiveTimeMs = -1;
    private long lastSlowNanos;
    private int slowSlot;
    private int scrubIndex = -1;
    private boolean forceRedraw = true;
    private Boolean shownPlaying;

    FrameLoop(LeaderlabWindow window) {
        this.window = window;
    }

    SnapshotHistory history() {
        return history;
    }

    ClusterSnapshot live() {
        return live;
    }

    /** The snapshot on screen: a past one while scrubbing, else the live one. */
    ClusterSnapshot shown() {
        return scrubIndex >= 0 && scrubIndex < history.size() ? history.get(scrubIndex) : live;
    }

    /** Shows the {@code index}-th kept snapshot until {@link #backToLive}. */
    void scrubTo(int index) {
        scrubIndex = Math.max(0, Math.min(index, history.size() - 1));
    }

    void backToLive() {
        scrubIndex = -1;
    }

    boolean scrubbing() {
        return scrubIndex >= 0;
    }

    void redrawAll() {
        forceRedraw = true;
    }

    @Override
    public void handle(long nowNanos) {
        frame(nowNanos);
    }

    /** One frame; public to the package so the benchmark can time frames without a vsync pulse. */
    void frame(long nowNanos) {
        Cluster cluster = window.runner().session().cluster();
        live = cluster.snapshot();
        EventFeed.Batch batch = feed.poll(cluster.journal());
        if (batch.restarted()) {
            history.clear();
            window.eventLog().clear();
            window.headline().clear();
            flow.clear();
            produceRate.clear();
            scrubIndex = -1;
        }
        history.offer(live);
        boolean timeMoved = live.timeMs() != lastLiveTimeMs;
        lastLiveTimeMs = live.timeMs();
        window.eventLog().append(batch.events());
        for (Event event : batch.events()) {
            if (EventLog.SHOWN.contains(event.type())) {
                window.headline().offer(event);
            }
        }
        window.headline().refresh(nowNanos, forceRedraw);
        batch.events().forEach(produceRate::record);
        produceRate.advanceTo(live.timeMs());
        if (window.flowOn()) {
            flow.update(live, batch.events(), timeMoved, nowNanos);
        }
        ClusterSnapshot shown = shown();
        int hovered = window.hovered();
        boolean animating = window.flowOn() && flow.dotCount() > 0;
        if (forceRedraw || shown != lastDrawn || hovered != lastHovered || animating) {
            window.clusterCanvas().render(shown, hovered, window.palette(), window.zoom(), window.flowOn() ? flow : null);
            window.partitionDetail().render(shown, window.palette(), window.zoom());
            lastDrawn = shown;
            lastHovered = hovered;
        }
        if (forceRedraw) {
            for (int slot = 0; slot < 4; slot++) {
                refreshSlowPanel(slot, shown);
            }
        } else if (nowNanos - lastSlowNanos >= SLOW_SLOT_NANOS) {
            lastSlowNanos = nowNanos;
            slowSlot = (slowSlot + 1) % 4;
            refreshSlowPanel(slowSlot, shown);
        }
        forceRedraw = false;
        window.playClock().onFrame(nowNanos);
        boolean playing = window.playClock().playing();
        if (shownPlaying == null || shownPlaying != playing) {
            shownPlaying = playing;
            window.controls().showPlaying(playing);
        }
        window.controls().clock.setText(clockText(shown, playing));
    }

    private void refreshSlowPanel(int slot, ClusterSnapshot shown) {
        switch (slot) {
            case 0 -> window.metrics().show(ClusterMetrics.of(shown), produceRate.ackedPerSecond(),
                    produceRate.failedPerSecond(), window.palette(), window.zoom());
            case 1 -> window.swimlanes().render(history, window.partitionDetail().partitionName(), scrubIndex,
                    window.palette(), window.zoom());
            case 2 -> window.eventLog().flush();
            default -> window.updateScrubber(history.size(), scrubIndex);
        }
    }

    private String clockText(ClusterSnapshot shown, boolean playing) {
        String time = String.format(Locale.ROOT, "t = %.1f s", shown.timeMs() / 1000.0);
        if (scrubbing()) {
            return "PAST  " + time + "  (release to go live)";
        }
        boolean simulated = window.runner().session().cluster().runtime().isSimulated();
        return (playing ? (simulated ? "PLAYING  " : "LIVE  ") : "PAUSED  ") + time;
    }
}
