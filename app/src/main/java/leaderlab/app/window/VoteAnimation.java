package leaderlab.app.window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;

/**
 * The quorum's votes as short-lived arcs between controller cards: a candidate's request ("pre-vote?",
 * "vote?") arcs to every other voter, each answer arcs back as yes or no, a new leader's card flashes. A
 * round happens in milliseconds of cluster time, so the signals are played one after another at a pace a
 * class can follow (each starts a fixed gap after the one before), never all at once; the order and the
 * pace depend only on the journal's order, so the same run animates the same way.
 */
final class VoteAnimation {

    private static final long GAP_NANOS = 600_000_000L;
    private static final long TRAVEL_NANOS = 900_000_000L;
    private static final long LINGER_NANOS = 1_400_000_000L;
    /** A backlog longer than this (a storm of retries) is dropped rather than replayed late. */
    private static final int MAX_QUEUED = 24;

    private static final Color ASK = Palette.BLUE;
    private static final Color YES = Palette.BLUISH_GREEN;
    private static final Color NO = Palette.VERMILLION;
    private static final Color CROWN = Palette.ORANGE;

    /** One thing to draw: an arc from one card to another, or a flash on one card ({@code to} = -1). */
    record Signal(int from, int to, String label, Color color, boolean dashed) {}

    private record Playing(Signal signal, long startNanos) {}

    private final Deque<Signal> queued = new ArrayDeque<>();
    private final List<Playing> playing = new ArrayList<>();
    private long lastStartNanos = Long.MIN_VALUE;

    void clear() {
        queued.clear();
        playing.clear();
        lastStartNanos = Long.MIN_VALUE;
    }

    /** Turns a journal event into signals; others are ignored. */
    void read(Event event, List<Integer> controllers) {
        EventDetail detail = event.detail();
        if (detail instanceof EventDetail.QuorumElectionStarted started) {
            for (int voter : controllers) {
                if (voter != started.controller()) {
                    queue(new Signal(
                            started.controller(), voter, started.preVote() ? "pre-vote?" : "vote?", ASK, true));
                }
            }
        } else if (detail instanceof EventDetail.QuorumVote vote) {
            queue(new Signal(
                    vote.voter(), vote.candidate(), vote.granted() ? "yes" : "no", vote.granted() ? YES : NO, false));
        } else if (detail instanceof EventDetail.QuorumLeaderElected elected) {
            queue(new Signal(elected.leader(), -1, "leader, epoch " + elected.epoch(), CROWN, false));
        } else if (detail instanceof EventDetail.QuorumLeaderResigned resigned) {
            queue(new Signal(resigned.leader(), -1, "resigned", NO, false));
        }
    }

    private void queue(Signal signal) {
        queued.addLast(signal);
        while (queued.size() > MAX_QUEUED) {
            queued.removeFirst();
        }
    }

    /** Starts the signals whose turn has come and drops the finished ones; true while any is left. */
    boolean advance(long nowNanos) {
        playing.removeIf(p -> nowNanos - p.startNanos() > TRAVEL_NANOS + LINGER_NANOS);
        while (!queued.isEmpty() && (lastStartNanos == Long.MIN_VALUE || nowNanos - lastStartNanos >= GAP_NANOS)) {
            // Asks of one round go out together, as the candidate sends them: one gap per round, not per voter.
            Signal next = queued.removeFirst();
            playing.add(new Playing(next, nowNanos));
            while (!queued.isEmpty() && sameRound(next, queued.peekFirst())) {
                playing.add(new Playing(queued.removeFirst(), nowNanos));
            }
            lastStartNanos = nowNanos;
        }
        return active();
    }

    private static boolean sameRound(Signal a, Signal b) {
        return a.dashed() && b.dashed() && a.from() == b.from() && a.label().equals(b.label());
    }

    boolean active() {
        return !queued.isEmpty() || !playing.isEmpty();
    }

    /** Signals on screen now (tests read these). */
    List<Signal> playing() {
        return playing.stream().map(Playing::signal).toList();
    }

    /**
     * Draws what plays at {@code nowNanos}. {@code anchor} gives a card's top centre in the canvas, null for
     * a card not shown; arcs rise into the band above the cards, {@code bandPx} high.
     */
    void draw(GraphicsContext g, IntFunction<Point2D> anchor, double bandPx, double zoom, long nowNanos) {
        g.setFont(Font.font("System", FontWeight.BOLD, 14 * zoom));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (Playing p : playing) {
            Signal s = p.signal();
            double t = Math.min(1, (nowNanos - p.startNanos()) / (double) TRAVEL_NANOS);
            double linger = Math.max(0, (nowNanos - p.startNanos() - TRAVEL_NANOS) / (double) LINGER_NANOS);
            double alpha = 1 - linger;
            Point2D from = anchor.apply(s.from());
            if (from == null || alpha <= 0) {
                continue;
            }
            g.setGlobalAlpha(alpha);
            if (s.to() < 0) {
                flash(g, s, from, bandPx, zoom);
            } else {
                Point2D to = anchor.apply(s.to());
                if (to != null) {
                    // Farther cards get higher arcs, so an arc over a card between does not hide the nearer one.
                    double reach = Math.min(1, Math.abs(to.getX() - from.getX()) / (900 * zoom));
                    // The peak stays half a label below the band's top, so the label's pill fits.
                    double rise = (bandPx - 12 * zoom) * (0.45 + 0.55 * reach) * (s.dashed() ? 1 : 0.6);
                    arc(g, s, from, to, rise, t, zoom);
                }
            }
        }
        g.setGlobalAlpha(1);
        g.setLineDashes();
    }

    /** The label on a white pill at the arc's peak, readable over the other arcs. */
    private static void pill(GraphicsContext g, Signal s, double x, double y, double zoom) {
        double w = (s.label().length() * 8.5 + 12) * zoom;
        double h = 19 * zoom;
        g.setFill(Color.WHITE);
        g.fillRoundRect(x - w / 2, y - h / 2, w, h, h, h);
        g.setStroke(s.color());
        g.setLineWidth(1.5 * zoom);
        g.strokeRoundRect(x - w / 2, y - h / 2, w, h, h, h);
        g.setFill(s.color());
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s.label(), x, y);
        g.setTextBaseline(VPos.BOTTOM);
    }

    private static void flash(GraphicsContext g, Signal s, Point2D at, double bandPx, double zoom) {
        g.setFill(s.color());
        g.fillText(s.label(), at.getX(), at.getY() - 2);
        g.setStroke(s.color());
        g.setLineWidth(4 * zoom);
        g.strokeLine(at.getX() - 60 * zoom, at.getY() + 2, at.getX() + 60 * zoom, at.getY() + 2);
    }

    /**
     * How far below the cards' tops a signal draws: an arc's head (a dot of radius 6 zoomed px on the card's
     * top as it leaves) and a leader's flash (a 4 px line 2 px below), with a pixel of anti-aliasing.
     */
    static double reachBelowCards(double zoom) {
        return Math.max(6 * zoom, 2 + 2 * zoom) + 1;
    }

    /** A quadratic arc drawn up to {@code t} (0..1) of its length, with a dot at its head. */
    private static void arc(GraphicsContext g, Signal s, Point2D from, Point2D to, double rise, double t, double zoom) {
        // Requests leave a card left of its centre and answers arrive right of it, so the two do not overlap.
        double shift = (s.dashed() ? -1 : 1) * 18 * zoom;
        double x0 = from.getX() + shift;
        double x2 = to.getX() + shift;
        double y0 = from.getY();
        double y2 = to.getY();
        double cx = (x0 + x2) / 2;
        double cy = Math.min(y0, y2) - rise * 2;
        g.setStroke(s.color());
        g.setLineWidth(3 * zoom);
        g.setLineDashes(s.dashed() ? new double[] {8 * zoom, 6 * zoom} : null);
        g.beginPath();
        g.moveTo(x0, y0);
        int steps = 24;
        double hx = x0;
        double hy = y0;
        for (int i = 1; i <= steps * t; i++) {
            double u = i / (double) steps;
            hx = (1 - u) * (1 - u) * x0 + 2 * (1 - u) * u * cx + u * u * x2;
            hy = (1 - u) * (1 - u) * y0 + 2 * (1 - u) * u * cy + u * u * y2;
            g.lineTo(hx, hy);
        }
        g.stroke();
        g.setLineDashes();
        g.setFill(s.color());
        double r = 6 * zoom;
        g.fillOval(hx - r, hy - r, 2 * r, 2 * r);
        if (t >= 0.5) {
            pill(g, s, cx, 0.25 * y0 + 0.5 * cy + 0.25 * y2, zoom);
        }
    }
}
