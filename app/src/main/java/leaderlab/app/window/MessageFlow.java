package leaderlab.app.window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.paint.Color;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * Animated message flow along the gaps of the cluster view ({@link FlowRoutes}): follower fetches
 * (follower to leader), heartbeats (broker to controller) and produce requests (clients to leader, red
 * when they failed). The engine
 * does not journal every message, so fetches and heartbeats are drawn per broker pair at a fixed
 * rate while cluster time moves; produces come from the journal. Dots are capped, so a storm at
 * 1,200 partitions costs the same as a quiet cluster of three.
 */
final class MessageFlow {

    private static final int CLIENTS = FlowRoutes.CLIENTS;
    private static final int CONTROLLER = FlowRoutes.CONTROLLER;
    private static final long TRAVEL_NANOS = 700_000_000L;
    private static final long PAIR_INTERVAL_NANOS = 450_000_000L;
    private static final int MAX_DOTS = 240;

    private enum Kind {
        FETCH,
        HEARTBEAT,
        PRODUCE,
        PRODUCE_FAILED
    }

    private record Dot(Kind kind, int from, int to, long bornNanos) {}

    private final ArrayDeque<Dot> dots = new ArrayDeque<>();
    private final List<int[]> fetchPairs = new ArrayList<>();
    private Object pairsFor;
    private long lastSpawnNanos;

    /** Adds this frame's dots; nothing new when cluster time stood still (paused). */
    void update(ClusterSnapshot snapshot, List<Event> events, boolean timeMoved, long nowNanos) {
        dots.removeIf(d -> nowNanos - d.bornNanos > TRAVEL_NANOS);
        if (!timeMoved) {
            return;
        }
        for (Event event : events) {
            // A leader's answer: acknowledged, or rejected with an error (the producer may retry).
            if ((event.type() == EventType.PRODUCE_ACKED || event.type() == EventType.PRODUCE_REJECTED)
                    && event.source().isBroker()) {
                spawn(
                        event.type() == EventType.PRODUCE_ACKED ? Kind.PRODUCE : Kind.PRODUCE_FAILED,
                        CLIENTS,
                        event.source().id(),
                        nowNanos);
            }
        }
        if (nowNanos - lastSpawnNanos < PAIR_INTERVAL_NANOS) {
            return;
        }
        lastSpawnNanos = nowNanos;
        refreshPairs(snapshot);
        for (int[] pair : fetchPairs) {
            spawn(Kind.FETCH, pair[0], pair[1], nowNanos);
        }
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            if (broker.running()) {
                spawn(Kind.HEARTBEAT, broker.id(), CONTROLLER, nowNanos);
            }
        }
    }

    private void spawn(Kind kind, int from, int to, long nowNanos) {
        if (dots.size() >= MAX_DOTS) {
            return;
        }
        // Spread dots of one burst a little so they read as a stream, not a single blob.
        dots.add(new Dot(kind, from, to, nowNanos - (dots.size() % 7) * 40_000_000L));
    }

    /** Which running followers fetch from which leaders; recomputed only when the metadata changes. */
    private void refreshPairs(ClusterSnapshot snapshot) {
        if (pairsFor == snapshot.metadata().partitions() && !fetchPairs.isEmpty()) {
            return;
        }
        pairsFor = snapshot.metadata().partitions();
        Set<Long> seen = new LinkedHashSet<>();
        for (TopicInfo topic : snapshot.topics()) {
            for (int p = 0; p < topic.partitionCount(); p++) {
                PartitionRegistration partition =
                        snapshot.metadata().partitions().get(topic.partitionId(p));
                if (partition.hasLeader()) {
                    for (int replica : partition.replicas()) {
                        if (replica != partition.leader()) {
                            seen.add(((long) replica << 32) | partition.leader());
                        }
                    }
                }
            }
        }
        fetchPairs.clear();
        for (long key : seen) {
            fetchPairs.add(new int[] {(int) (key >>> 32), (int) key});
        }
    }

    void clear() {
        dots.clear();
        fetchPairs.clear();
        pairsFor = null;
    }

    int dotCount() {
        return dots.size();
    }

    /** Where a dot is drawn: its centre, its side, and its colour. */
    interface DotSink {
        void dot(double x, double y, double side, Color color);
    }

    /**
     * The dots in flight now, each at its place on its way along the gaps. In a lane, what clients and the
     * controller exchange runs in one half (top, or left in a column gap) and the brokers' fetches in the
     * other, so the two streams stay apart; a failed produce fills the lane's width, in red.
     */
    void draw(DotSink sink, FlowRoutes routes, Palette palette) {
        long now = System.nanoTime();
        double lane = routes.laneThickness();
        for (Dot dot : dots) {
            double[] route = routes.route(dot.from, dot.to);
            if (route == null) {
                continue;
            }
            double[] at = FlowRoutes.along(route, (now - dot.bornNanos) / (double) TRAVEL_NANOS);
            double offset = dot.kind == Kind.PRODUCE_FAILED ? 0 : dot.kind == Kind.FETCH ? lane / 4 : -lane / 4;
            double side = dot.kind == Kind.PRODUCE_FAILED ? lane : lane / 2;
            boolean vertical = at[2] != 0;
            sink.dot(at[0] + (vertical ? offset : 0), at[1] + (vertical ? 0 : offset), side, color(dot.kind, palette));
        }
    }

    private static Color color(Kind kind, Palette palette) {
        return switch (kind) {
            case FETCH -> palette.inSync();
            case HEARTBEAT -> palette.mutedText();
            case PRODUCE -> palette.leader();
            case PRODUCE_FAILED -> palette.fault();
        };
    }
}
