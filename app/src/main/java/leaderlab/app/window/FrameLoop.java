package leaderlab.app.window;

import javafx.animation.AnimationTimer;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.SnapshotSource;

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
    private static final int HISTORY_MOMENTS = 3000;

    private final SnapshotHistory history = new SnapshotHistory(HISTORY_MOMENTS, 100);
    private final LineMoments lineMoments;
    private final MessageFlow flow = new MessageFlow();
    private final ProduceRate produceRate = new ProduceRate();
    /** The cluster every per-cluster view here shows; a different one in the session rebuilds them all. */
    private SnapshotSource shownCluster;
    /** Headline-worthy events of this cluster, oldest first (bounded), for the scrubbed headline and marks. */
    private final java.util.ArrayList<Event> notable = new java.util.ArrayList<>();

    private final ProduceFailures failures = new ProduceFailures();
    private int shownScrub = -1;
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
        this.lineMoments = new LineMoments(window.runner(), HISTORY_MOMENTS);
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

    int scrubIndex() {
        return scrubIndex;
    }

    ProduceFailures failures() {
        return failures;
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
        SnapshotSource cluster = window.source().current();
        if (cluster != shownCluster) {
            newCluster(cluster);
        }
        lineMoments.drainInto(history, cluster);
        live = cluster.snapshot();
        EventFeed.Batch batch = feed.poll(cluster.journal());
        history.offer(live);
        boolean timeMoved = live.timeMs() != lastLiveTimeMs;
        lastLiveTimeMs = live.timeMs();
        window.eventLog().append(batch.events());
        window.quorum().frame(shown(), batch.events(), nowNanos);
        for (Event event : batch.events()) {
            if (EventLog.SHOWN.contains(event.type())) {
                window.headline().offer(event);
                remember(event);
            }
        }
        failures.record(batch.events(), live);
        showMoment(nowNanos);
        batch.events().forEach(produceRate::record);
        produceRate.forgetBefore(history.get(0).timeMs());
        if (window.flowOn()) {
            flow.update(live, batch.events(), timeMoved, nowNanos);
        }
        ClusterSnapshot shown = shown();
        int hovered = window.hovered();
        boolean animating =
                window.flowOn() && flow.dotCount() > 0 || window.clusterCanvas().animating();
        if (forceRedraw || shown != lastDrawn || hovered != lastHovered || animating) {
            window.clusterCanvas()
                    .alerts(failures.partitionsFailingAt(shown.timeMs()), failures.clientsAlertAt(shown.timeMs()));
            window.clusterCanvas().past(scrubbing() ? shown.timeMs() : -1);
            // The flow is the live cluster's: over a past moment it would show messages that are not there.
            window.clusterCanvas()
                    .render(
                            shown,
                            hovered,
                            window.palette(),
                            window.zoom(),
                            window.flowOn() && !scrubbing() ? flow : null);
            window.partitionDetail().render(shown, window.palette(), window.zoom());
            lastDrawn = shown;
            lastHovered = hovered;
        }
        if (forceRedraw) {
            for (int slot = 0; slot < 4; slot++) {
                refreshSlowPanel(slot, shown);
            }
        } else if (nowNanos - lastSlowNanos >= SLOW_SLOT_NANOS && !window.presenter()) {
            // Presenter mode shows none of these panels; leaving it redraws them all (redrawAll).
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
        if (!window.presenter()) {
            window.controls().clock.setText(clockText(shown, playing));
        }
    }

    private void refreshSlowPanel(int slot, ClusterSnapshot shown) {
        switch (slot) {
            case 0 ->
                window.metrics()
                        .show(
                                ClusterMetrics.of(shown),
                                produceRate.ackedPerSecondAt(shown.timeMs()),
                                produceRate.retriedPerSecondAt(shown.timeMs()),
                                produceRate.failedPerSecondAt(shown.timeMs()),
                                window.palette(),
                                window.zoom());
            case 1 ->
                window.swimlanes()
                        .render(
                                history,
                                window.partitionDetail().partitionName(),
                                scrubIndex,
                                window.palette(),
                                window.zoom());
            case 2 -> window.eventLog().flush();
            default -> window.updateScrubber(history, notable, scrubIndex);
        }
    }

    /**
     * Rebuilds every view that shows one cluster: its history, timeline, headline, message flow, rates,
     * failure flashes, the partition logs' memory of truncations and an open menu of its brokers. Keyed to
     * the cluster object, so a reset, a lesson's present or Back, or anything else that swaps the cluster
     * cannot leave the old one on screen.
     */
    private void newCluster(SnapshotSource cluster) {
        shownCluster = cluster;
        window.menus().close();
        history.clear();
        notable.clear();
        window.eventLog().clear();
        window.headline().clear();
        // Read before the first poll: what the journal holds already happened before the cluster was shown.
        window.quorum().clear(cluster.journal().size());
        window.partitionDetail().forgetCluster();
        flow.clear();
        produceRate.clear();
        failures.clear();
        scrubIndex = -1;
        shownScrub = -1;
        lastDrawn = null;
        lastLiveTimeMs = -1;
        forceRedraw = true;
        if (cluster instanceof Cluster simulated) {
            window.clusterChanged(simulated);
        }
    }

    private static final int MAX_NOTABLE = 20_000;

    private void remember(Event event) {
        notable.add(event);
        if (notable.size() > MAX_NOTABLE) {
            notable.subList(0, notable.size() - MAX_NOTABLE / 2).clear();
        }
    }

    /** The headline and the timeline of the moment shown: live, or the scrubbed past. */
    private void showMoment(long nowNanos) {
        if (scrubbing()) {
            if (scrubIndex != shownScrub) {
                shownScrub = scrubIndex;
                long at = shown().timeMs();
                window.eventLog().showUpTo(at);
                window.headline().showPast(latestAtOrBefore(at));
            }
            return;
        }
        if (shownScrub >= 0) {
            shownScrub = -1;
            window.eventLog().showUpTo(Long.MAX_VALUE);
            window.headline().refresh(nowNanos, true);
        }
        window.headline().refresh(nowNanos, forceRedraw);
    }

    /** The most important notable event of the few seconds before {@code timeMs}, or null. */
    private Event latestAtOrBefore(long timeMs) {
        Event best = null;
        for (int i = notable.size() - 1; i >= 0; i--) {
            Event event = notable.get(i);
            if (event.timeMs() > timeMs) {
                continue;
            }
            if (best != null && best.timeMs() - event.timeMs() > 3000) {
                break;
            }
            if (best == null || Headline.priority(event) > Headline.priority(best)) {
                best = event;
            }
        }
        return best;
    }

    private String clockText(ClusterSnapshot shown, boolean playing) {
        String time = String.format(java.util.Locale.ROOT, "t = %.1f s", shown.timeMs() / 1000.0);
        String speed = String.format(
                java.util.Locale.ROOT, "  x%s", speedText(window.playClock().speed()));
        if (scrubbing()) {
            return "PAST  " + time + "  (Live returns)";
        }
        if (window.source().realKafka()) {
            String stale = window.source().current().staleness();
            return "REAL KAFKA  " + time + (stale == null ? "  (polled)" : "  " + stale);
        }
        boolean simulated = window.runner().session().cluster().runtime().isSimulated();
        return (playing ? (simulated ? "PLAYING  " : "LIVE  ") : "PAUSED  ") + time + speed;
    }

    private static String speedText(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }
}
