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
 * "vote?") arcs to every other voter, each answer arcs back as "pre-vote yes", "vote no" and so on (a
 * granted pre-vote is not yet a vote), a new leader's card flashes. A
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
            queue(new Signal(vote.voter(), vote.candidate(), answer(vote), vote.granted() ? YES : NO, false));
        } else if (detail instanceof EventDetail.QuorumLeaderElected elected) {
            queue(new Signal(elected.leader(), -1, "leader, epoch " + elected.epoch(), CROWN, false));
        } else if (detail instanceof EventDetail.QuorumLeaderResigned resigned) {
            queue(new Signal(resigned.leader(), -1, "resigned", NO, false));
        }
    }

    /** An answer's label says which round it answers: "pre-vote yes" is no vote yet, "vote yes" is one. */
    static String answer(EventDetail.QuorumVote vote) {
        return (vote.preVote() ? "pre-vote " : "vote ") + (vote.granted() ? "yes" : "no");
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

    /** A label as drawn: on a pill centred on its arc ({@code pill}), or above a flashed card. */
    record Label(Signal signal, ClusterLayout.Box box, boolean pill) {}

    /** An arc from the signal's card to another, a quadratic from (x0, y0) over (cx, cy) to (x2, y2). */
    private record Curve(double x0, double y0, double cx, double cy, double x2, double y2) {
        double xAt(double u) {
            return (1 - u) * (1 - u) * x0 + 2 * (1 - u) * u * cx + u * u * x2;
        }

        double yAt(double u) {
            return (1 - u) * (1 - u) * y0 + 2 * (1 - u) * u * cy + u * u * y2;
        }
    }

    /**
     * Draws what plays at {@code nowNanos}. {@code anchor} gives a card's top centre in the canvas, null for
     * a card not shown; arcs rise into the band above the cards, {@code bandPx} high and {@code widthPx} wide
     * (the layer's width: no label leaves it). {@code scale} sizes
     * the type, lines and arcs: the quorum strip's type against the window's at zoom 1.
     */
    void draw(
            GraphicsContext g,
            IntFunction<Point2D> anchor,
            double bandPx,
            double widthPx,
            double scale,
            long nowNanos) {
        g.setFont(font(scale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (Playing p : playing) {
            Signal s = p.signal();
            Curve curve = curve(p, anchor, bandPx, scale);
            double alpha = alpha(p, nowNanos);
            if (curve != null && alpha > 0) {
                g.setGlobalAlpha(alpha);
                arc(g, s, curve, travelled(p, nowNanos), scale);
            }
        }
        for (Label label : labels(anchor, bandPx, widthPx, scale, nowNanos)) {
            Playing p = playingOf(label.signal());
            g.setGlobalAlpha(alpha(p, nowNanos));
            if (label.pill()) {
                pill(g, label, scale);
            } else {
                flash(g, label, scale);
            }
        }
        g.setGlobalAlpha(1);
        g.setLineDashes();
    }

    /**
     * The labels shown at {@code nowNanos}, placed so none covers another: in the order their signals
     * started, each at its arc's peak or, when that is taken, at the nearest free point along its arc (so
     * an older label never moves for a newer one); a label with no free point on its arc is left out (its
     * arc still shows its colour). A flash's label sits above its card.
     */
    List<Label> labels(IntFunction<Point2D> anchor, double bandPx, double widthPx, double scale, long nowNanos) {
        List<Label> placed = new ArrayList<>();
        double h = 19 * scale;
        // Flashes first: they stay above their card, and the arcs' labels make room for them.
        for (Playing p : playing) {
            Signal s = p.signal();
            Point2D at = anchor.apply(s.from());
            if (s.to() < 0 && at != null && alpha(p, nowNanos) > 0) {
                double w = textWidth(s.label(), scale);
                double x = within(at.getX() - w / 2, w, widthPx);
                placed.add(new Label(s, new ClusterLayout.Box(x, at.getY() - 2 - h, w, h), false));
            }
        }
        double gap = 3 * scale;
        for (Playing p : playing) {
            Signal s = p.signal();
            Curve curve = curve(p, anchor, bandPx, scale);
            if (curve == null || alpha(p, nowNanos) <= 0 || travelled(p, nowNanos) < 0.5) {
                continue;
            }
            double w = textWidth(s.label(), scale) + 12 * scale;
            // Along the arc from its peak outwards, both ways in turn, keeping clear of its ends (the cards).
            for (int step = 0; step <= 120; step++) {
                double u = 0.5 + (step % 2 == 0 ? 1 : -1) * ((step + 1) / 2) * 0.005;
                // Inside the band: a low answer arc's label would otherwise reach into the cards' titles.
                double y = within(curve.yAt(u) - h / 2, h, bandPx);
                ClusterLayout.Box box = new ClusterLayout.Box(within(curve.xAt(u) - w / 2, w, widthPx), y, w, h);
                if (placed.stream().noneMatch(l -> overlap(l.box(), box, gap))) {
                    placed.add(new Label(s, box, true));
                    break;
                }
            }
        }
        return placed;
    }

    /** {@code start} moved so that a label {@code size} long lies within 0..{@code room} where it can. */
    private static double within(double start, double size, double room) {
        return Math.max(0, Math.min(room - size, start));
    }

    private Playing playingOf(Signal signal) {
        for (Playing p : playing) {
            if (p.signal() == signal) {
                return p;
            }
        }
        throw new IllegalStateException("not playing: " + signal);
    }

    /**
     * How far below the cards' tops a signal draws: an arc's head (a dot of radius 6 scaled px on the card's
     * top as it leaves) and a leader's flash (a 4 px line 2 px below), with a pixel of anti-aliasing.
     */
    static double reachBelowCards(double scale) {
        return Math.max(6 * scale, 2 + 2 * scale) + 1;
    }

    /** How far the signal's arc is drawn: 0 at its start, 1 once it reached the other card. */
    private static double travelled(Playing p, long nowNanos) {
        return Math.min(1, (nowNanos - p.startNanos()) / (double) TRAVEL_NANOS);
    }

    /** Full while travelling, then fading out over its linger. */
    private static double alpha(Playing p, long nowNanos) {
        return 1 - Math.max(0, (nowNanos - p.startNanos() - TRAVEL_NANOS) / (double) LINGER_NANOS);
    }

    /** The arc of a signal between two shown cards, or null (a flash, or a card not shown). */
    private static Curve curve(Playing p, IntFunction<Point2D> anchor, double bandPx, double scale) {
        Signal s = p.signal();
        Point2D from = anchor.apply(s.from());
        Point2D to = s.to() < 0 ? null : anchor.apply(s.to());
        if (from == null || to == null) {
            return null;
        }
        // Farther cards get higher arcs, so an arc over a card between does not hide the nearer one.
        double reach = Math.min(1, Math.abs(to.getX() - from.getX()) / (900 * scale));
        // The peak stays half a label below the band's top, so the label's pill fits.
        double rise = (bandPx - 12 * scale) * (0.45 + 0.55 * reach) * (s.dashed() ? 1 : 0.6);
        // Requests leave a card left of its centre and answers arrive right of it, so the two do not overlap.
        double shift = (s.dashed() ? -1 : 1) * 18 * scale;
        double x0 = from.getX() + shift;
        double x2 = to.getX() + shift;
        double y0 = from.getY();
        double y2 = to.getY();
        return new Curve(x0, y0, (x0 + x2) / 2, Math.min(y0, y2) - rise * 2, x2, y2);
    }

    private static boolean overlap(ClusterLayout.Box a, ClusterLayout.Box b, double gap) {
        return a.x() < b.x() + b.w() + gap
                && b.x() < a.x() + a.w() + gap
                && a.y() < b.y() + b.h() + gap
                && b.y() < a.y() + a.h() + gap;
    }

    static Font font(double scale) {
        return Font.font("System", FontWeight.BOLD, 14 * scale);
    }

    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();
    private double widthsScale;

    private double textWidth(String label, double scale) {
        if (scale != widthsScale) {
            widths.clear();
            widthsScale = scale;
        }
        return widths.computeIfAbsent(label, l -> ClusterCanvas.textWidth(l, font(scale)));
    }

    /** The label on a white pill, readable over the arcs. */
    private static void pill(GraphicsContext g, Label label, double scale) {
        ClusterLayout.Box b = label.box();
        Color color = label.signal().color();
        g.setFill(Color.WHITE);
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), b.h(), b.h());
        g.setStroke(color);
        g.setLineWidth(1.5 * scale);
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), b.h(), b.h());
        g.setFill(color);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label.signal().label(), b.centerX(), b.y() + b.h() / 2);
        g.setTextBaseline(VPos.BOTTOM);
    }

    private static void flash(GraphicsContext g, Label label, double scale) {
        ClusterLayout.Box b = label.box();
        Color color = label.signal().color();
        double x = b.centerX();
        double y = b.y() + b.h() + 2;
        g.setFill(color);
        g.fillText(label.signal().label(), x, y - 2);
        g.setStroke(color);
        g.setLineWidth(4 * scale);
        g.strokeLine(x - 60 * scale, y + 2, x + 60 * scale, y + 2);
    }

    /** A quadratic arc drawn up to {@code t} (0..1) of its length, with a dot at its head. */
    private static void arc(GraphicsContext g, Signal s, Curve c, double t, double scale) {
        g.setStroke(s.color());
        g.setLineWidth(3 * scale);
        g.setLineDashes(s.dashed() ? new double[] {8 * scale, 6 * scale} : null);
        g.beginPath();
        g.moveTo(c.x0(), c.y0());
        int steps = 24;
        double hx = c.x0();
        double hy = c.y0();
        for (int i = 1; i <= steps * t; i++) {
            double u = i / (double) steps;
            hx = c.xAt(u);
            hy = c.yAt(u);
            g.lineTo(hx, hy);
        }
        g.stroke();
        g.setLineDashes();
        g.setFill(s.color());
        double r = 6 * scale;
        g.fillOval(hx - r, hy - r, 2 * r, 2 * r);
    }
}
