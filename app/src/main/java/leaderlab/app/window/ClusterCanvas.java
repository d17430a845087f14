package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The cluster view: one card per broker holding its replica chips, the clients and the controller on
 * top, and the network's cut links. Layers, so a frame repaints only what changed: the backdrop
 * (background, clients, controller, legend or hover caption), one {@link CardView} per broker, the cut
 * links, and the message flow's dots on thin canvases along the gaps ({@link FlowLanes}). The scene stays small at any partition count (the
 * chips are pixels in each card's canvas). Holds no state beyond its own, so a window can show two.
 */
public final class ClusterCanvas extends Pane {

    /** Presenter mode's type on a 1080p projector: card titles 36 px, badges and legend over 20 px. */
    public static final double PRESENTER_SCALE = 1.5;

    private final Canvas backdrop = new Canvas();
    private final ChipRaster backdropChips = new ChipRaster();
    private final javafx.scene.Group cardLayer = new javafx.scene.Group();
    private final List<CardView> cardViews = new ArrayList<>();
    private final CutLinks links = new CutLinks();
    private final FlowLanes flowLanes = new FlowLanes();
    private ClusterLayout layout;
    private Object backdropKey;
    /** The last frame's inputs (compared by identity) and cards, reused while the flow and pulses animate. */
    private Object[] framesKey;

    private List<CardFrame> frames = List.of();
    private int[][] hosted;
    private ClusterSnapshot hostedFor;
    /** How many frames were painted whole (every card, not changes over the last), for tests of the fast path. */
    private int wholeRepaints;

    private double laidOutZoom; // the zoom the layout was made for, as asked (before scale)
    /** How much larger than the window's zoom to draw: presenter mode draws for the back row. */
    private double scale = 1;

    final ViewHeight viewHeight = new ViewHeight(this::getHeight);

    private long pastMs = -1;

    /**
     * The most card pixels one frame repaints when it shows changes over the last frame (about four
     * presenter-mode cards of 1920x1080). In a failover storm every card changes at once; in software
     * rendering all of them cost two frames' time, so they take their turns over the next frames
     * (12 presenter cards in 3 frames, 50 ms). A new cluster, layout or theme is painted whole at once.
     */
    static final long CARD_PIXELS_PER_FRAME = 450_000;

    /** The card a frame looks at first: the one after the last card painted, so every card gets its turn. */
    private int firstCard;
    /** Whether the last frame left changed cards for the next (the frame loop keeps drawing then). */
    private boolean cardsBehind;

    private Set<Integer> failing = Set.of();
    /** What the Clients box flashes (ProduceFailures' FAILED or RETRYING), or null. */
    private String clientsAlert;
    /** The Clients box's lines as the last backdrop drew them (for tests of their geometry). */
    private List<EndpointText.Line> clientsLines = List.of();

    public ClusterCanvas() {
        cardLayer.setManaged(false);
        cardLayer.setMouseTransparent(true);
        backdrop.setMouseTransparent(true);
        getChildren().addAll(backdrop, cardLayer, links, flowLanes);
        backdrop.setManaged(false);
        setMinWidth(200);
    }

    /**
     * Produce failures to flash on the next render: the failing partitions' leader chips, and what the
     * Clients box says ({@code clients}, or null for nothing).
     */
    void alerts(Set<Integer> failingPartitions, String clients) {
        failing = failingPartitions;
        clientsAlert = clients;
    }

    /** Draws {@code factor} times the zoom asked of {@link #render}, where the cards have room for it. */
    public void setScale(double factor) {
        scale = factor;
        layout = null;
        viewHeight.forget();
    }

    /**
     * Marks the view as showing the past: {@code timeMs} of the snapshot shown, or -1 for live. The band on
     * top says so in place of the legend, as presenter mode shows no clock or scrubber.
     */
    void past(long timeMs) {
        pastMs = timeMs;
    }

    /** Whether the last frame said the view shows the past. */
    boolean showsPast() {
        return pastMs >= 0;
    }

    boolean clientsFailing() {
        return clientsAlert != null;
    }

    List<EndpointText.Line> clientsLinesForTests() {
        return clientsLines;
    }

    /** One row of cards with labelled chips at the zoom drawn, and room for the zoomed chips ({@link ViewHeight}). */
    @Override
    protected double computeMinHeight(double width) {
        return viewHeight.least();
    }

    /**
     * Draws a snapshot; {@code hovered} is the global id of the partition to highlight, or -1. Each layer
     * repaints only when what it shows changed, each card only its changed chips when it can.
     */
    public void render(ClusterSnapshot snapshot, int hovered, Palette palette, double requestedZoom, MessageFlow flow) {
        double width = getWidth();
        double height = getHeight();
        int[] changed = snapshot == hostedFor ? new int[0] : SnapshotChanges.changedSince(hostedFor, snapshot);
        if (changed == null) {
            hosted = ClusterLayout.partitionsByBroker(snapshot);
        }
        ClusterSnapshot before = hostedFor;
        hostedFor = snapshot;
        boolean allAtOnce = false;
        if (layout == null
                || requestedZoom != laidOutZoom
                || !layout.fits(snapshot, hosted, width, height, layout.zoom)) {
            double zoomed = requestedZoom * scale;
            boolean backRow = scale != 1; // presenter mode
            if (viewHeight.plan(hosted, width, requestedZoom, zoomed, backRow) || requestedZoom != laidOutZoom) {
                laidOutZoom = requestedZoom; // the view's least height changes with it
                requestLayout();
            }
            layout = new ClusterLayout(snapshot, hosted, width, height, zoomed, backRow, viewHeight.chip());
            if (backRow && !layout.cardsTallFor(3)) {
                // Presenter type only where the cards stay three headers tall; a big cluster keeps its chips.
                layout = new ClusterLayout(snapshot, hosted, width, height, requestedZoom, false, viewHeight.chip());
            }
            viewHeight.laidOut(layout, requestedZoom);
            placeCards();
            allAtOnce = true;
        }
        double zoom = layout.zoom;
        NetworkCuts cuts = NetworkCuts.of(snapshot);
        Object[] key = {snapshot, layout, hovered, palette, failing};
        if (framesKey == null || !sameObjects(key, framesKey)) {
            boolean incremental = changed != null && frames.size() == layout.cards.size();
            // Another cluster or theme shows whole in one frame; only changes over the last frame wait.
            allAtOnce |= !incremental || framesKey == null || framesKey[3] != palette;
            framesKey = key;
            List<CardFrame> next = new ArrayList<>(layout.cards.size());
            for (int c = 0; c < layout.cards.size(); c++) {
                ClusterLayout.Card card = layout.cards.get(c);
                next.add(
                        incremental && frames.get(c).card == card
                                ? CardFrame.update(
                                        frames.get(c), before, snapshot, changed, cuts, hovered, failing, palette)
                                : CardFrame.of(snapshot, card, cuts, hovered, failing, palette));
            }
            frames = next;
        }
        paintCards(snapshot, zoom, allAtOnce ? Long.MAX_VALUE : CARD_PIXELS_PER_FRAME);
        String caption = hoverCaption(snapshot, hovered);
        if (pastMs >= 0 && caption == null) {
            caption = String.format(java.util.Locale.ROOT, "PAST: t = %.1f s   (L or Live returns)", pastMs / 1000.0);
        }
        renderBackdrop(caption, palette, zoom);
        links.render(layout, cuts, palette, zoom);
        flowLanes.show(flow, layout, palette);
    }

    /**
     * Paints the cards that need it, up to {@code pixelBudget} card pixels (at least one card), in turn
     * from the card after the last one painted; the others wait for the next frame.
     */
    private void paintCards(ClusterSnapshot snapshot, double zoom, long pixelBudget) {
        long now = System.nanoTime();
        long left = pixelBudget;
        int whole = 0;
        int painted = 0;
        cardsBehind = false;
        int start = firstCard % Math.max(1, frames.size());
        for (int k = 0; k < frames.size(); k++) {
            int c = (start + k) % frames.size();
            CardView view = cardViews.get(c);
            if (!view.needsPaint(frames.get(c), now)) {
                continue;
            }
            ClusterLayout.Box box = frames.get(c).card.box();
            long pixels = (long) (box.w() * box.h());
            if (painted > 0 && pixels > left) {
                cardsBehind = true;
                break;
            }
            left -= pixels;
            painted++;
            firstCard = (c + 1) % frames.size();
            whole += view.render(snapshot, frames.get(c), zoom, now) ? 1 : 0;
        }
        if (whole > 0 && whole == frames.size()) {
            wholeRepaints++;
        }
    }

    private static boolean sameObjects(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && !(a[i] instanceof Integer && a[i].equals(b[i]))) {
                return false;
            }
        }
        return true;
    }

    /** One card view per broker of the layout, in its order. */
    private void placeCards() {
        while (cardViews.size() < layout.cards.size()) {
            CardView view = new CardView();
            cardViews.add(view);
            cardLayer.getChildren().add(view);
        }
        while (cardViews.size() > layout.cards.size()) {
            cardLayer.getChildren().remove(cardViews.remove(cardViews.size() - 1));
        }
        framesKey = null;
    }

    /**
     * The band on top: the clients and controller boxes and the legend, or the hovered partition's caption.
     * The view's background is the pane's own fill (opaque, so JavaFX repaints from here down), which is
     * cheaper to repaint under moving dots than a canvas the size of the view.
     */
    private void renderBackdrop(String caption, Palette palette, double zoom) {
        Object key = java.util.Arrays.asList(layout, palette, caption, clientsAlert);
        if (key.equals(backdropKey)) {
            return;
        }
        backdropKey = key;
        setBackground(new javafx.scene.layout.Background(
                new javafx.scene.layout.BackgroundFill(palette.background(), null, null)));
        backdrop.setWidth(layout.width);
        backdrop.setHeight(layout.bandHeight);
        GraphicsContext g = backdrop.getGraphicsContext2D();
        backdropChips.begin(backdrop.getWidth(), backdrop.getHeight(), palette.background());
        for (ClusterLayout.Box box : new ClusterLayout.Box[] {layout.clients, layout.controller}) {
            backdropChips.rect(box.x(), box.y(), box.w(), box.h(), palette.card());
        }
        if (caption == null) {
            ChipLegend.raster(backdropChips, layout, palette, zoom);
        }
        backdropChips.drawTo(g);
        clientsLines = EndpointText.lines(layout.clients, "Clients", "produce, consume", clientsAlert, zoom);
        EndpointText.draw(g, layout.clients, clientsLines, palette, zoom);
        ClusterLayout.Box controller = layout.controller;
        EndpointText.draw(
                g,
                controller,
                EndpointText.lines(controller, "Controller", "fences and elects", null, zoom),
                palette,
                zoom);
        if (caption != null) {
            drawHoverCaption(g, caption, palette, zoom);
        } else {
            ChipLegend.label(g, layout, palette, zoom);
        }
    }

    /**
     * Whether the view has more to draw though the cluster stands still: a chip pulses, or changed cards
     * wait for their turn. The frame loop keeps drawing while it does.
     */
    boolean animating() {
        return cardsBehind || pulsing();
    }

    /** How many cards do not show the last frame's chips and header yet (for tests of the card budget). */
    int cardsBehindForTests() {
        int behind = 0;
        for (int c = 0; c < frames.size(); c++) {
            behind += cardViews.get(c).shows(frames.get(c)) ? 0 : 1;
        }
        return behind;
    }

    /** Whether a chip still pulses. */
    boolean pulsing() {
        for (CardView view : cardViews) {
            if (view.pulsing()) {
                return true;
            }
        }
        return false;
    }

    static double textWidth(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    /** The partition under a point of the canvas, or -1. */
    public int partitionAt(double x, double y) {
        ClusterLayout.Card card = layout == null ? null : layout.cardAt(x, y);
        return card == null ? -1 : card.partitionAt(x, y);
    }

    /** The broker whose card is under a point, or -1. */
    public int brokerAt(double x, double y) {
        ClusterLayout.Card card = layout == null ? null : layout.cardAt(x, y);
        return card == null ? -1 : card.brokerId();
    }

    int wholeRepaints() {
        return wholeRepaints;
    }

    ClusterLayout layoutForTests() {
        return layout;
    }

    /** Where the chip of a broker's replica is drawn (for tests), or null. */
    ClusterLayout.Box chipOf(int broker, int partitionId) {
        ClusterLayout.Card card = layout == null ? null : layout.cardOf(broker);
        if (card == null) {
            return null;
        }
        int index = java.util.Arrays.binarySearch(card.partitionIds(), partitionId);
        return index < 0 ? null : card.chip(index);
    }

    /** What the caption says of the hovered partition, or null when none is hovered. */
    private static String hoverCaption(ClusterSnapshot snapshot, int hovered) {
        if (hovered < 0 || hovered >= snapshot.metadata().partitions().size()) {
            return null;
        }
        PartitionRegistration p = snapshot.metadata().partitions().get(hovered);
        return p.name() + ":  leader " + (p.hasLeader() ? p.leader() : "none") + ",  epoch "
                + Replicas.epoch(p.leaderEpoch())
                + ",  replicas " + Replicas.bracketed(p.replicas()) + ",  ISR " + Replicas.bracketed(p.isr())
                + (p.elr().length == 0 ? "" : ",  ELR " + Replicas.bracketed(p.elr()));
    }

    private void drawHoverCaption(GraphicsContext g, String text, Palette palette, double zoom) {
        double x = layout.clients.x() + layout.clients.w() + 16 * zoom;
        double w = layout.controller.x() - x - 16 * zoom;
        g.setFill(palette.highlight());
        g.fillRoundRect(x, layout.clients.y(), w, layout.clients.h(), 10 * zoom, 10 * zoom);
        g.setFill(palette.leaderText());
        g.setFont(Font.font("System", FontWeight.BOLD, 17 * zoom));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(text, x + 10 * zoom, layout.clients.centerY(), w - 20 * zoom);
    }
}
