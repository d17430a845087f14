package leaderlab.app.window;

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
 * top, and the network's cut links. One Canvas, so the scene does not grow with the partition count.
 */
public final class ClusterCanvas extends Pane {

    private final Canvas canvas = new Canvas();
    /** The message flow's layer: cleared and redrawn every animated frame, without touching the cards. */
    private final Canvas flowLayer = new Canvas();

    private final ChipRaster chips = new ChipRaster();
    private final ChipPulses pulses = new ChipPulses();
    private ClusterLayout layout;
    private DrawnFrame drawn;
    private boolean flowDrawn;
    /** How many frames were painted whole (not as changes over the last), for tests of the fast path. */
    private int wholeRepaints;

    private java.util.Set<Integer> failing = java.util.Set.of();
    private boolean clientsFailing;

    public ClusterCanvas() {
        getChildren().addAll(canvas, flowLayer);
        flowLayer.setMouseTransparent(true);
        // An opaque pane under the canvas lets JavaFX repaint from here down, not from the window root.
        getStyleClass().add("canvas-pane");
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        flowLayer.widthProperty().bind(widthProperty());
        flowLayer.heightProperty().bind(heightProperty());
        setMinSize(200, 150);
    }

    /** Produce failures to flash on the next render: the failing partitions' leader chips, and the Clients box. */
    void alerts(java.util.Set<Integer> failingPartitions, boolean clients) {
        failing = failingPartitions;
        clientsFailing = clients;
    }

    boolean clientsFailing() {
        return clientsFailing;
    }

    /**
     * Draws a snapshot; {@code hovered} is the global id of the partition to highlight, or -1. Repaints
     * only what differs from the last frame when it can (see {@link DrawnFrame}); the message flow has its
     * own layer, so its dots moving do not repaint the cards.
     */
    public void render(ClusterSnapshot snapshot, int hovered, Palette palette, double zoom, MessageFlow flow) {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        int[][] hosted = ClusterLayout.partitionsByBroker(snapshot);
        if (layout == null || !layout.fits(snapshot, hosted, width, height, zoom)) {
            layout = new ClusterLayout(snapshot, hosted, width, height, zoom);
        }
        NetworkCuts cuts = NetworkCuts.of(snapshot);
        DrawnFrame next = DrawnFrame.of(snapshot, layout, cuts, hovered, palette, failing, clientsFailing);
        notePulses(drawn, next);
        if (next.continues(drawn) && chips.canContinue(width, height)) {
            repaintChanges(snapshot, drawn, next, cuts, hovered, palette, zoom);
        } else {
            drawAll(snapshot, next, cuts, hovered, palette, zoom);
            wholeRepaints++;
        }
        drawn = next;
        drawFlow(flow, palette, zoom);
    }

    private void drawAll(
            ClusterSnapshot snapshot, DrawnFrame frame, NetworkCuts cuts, int hovered, Palette palette, double zoom) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        chips.begin(canvas.getWidth(), canvas.getHeight(), palette.background());
        chips.rect(layout.clients.x(), layout.clients.y(), layout.clients.w(), layout.clients.h(), palette.card());
        chips.rect(
                layout.controller.x(),
                layout.controller.y(),
                layout.controller.w(),
                layout.controller.h(),
                palette.card());
        for (int c = 0; c < layout.cards.size(); c++) {
            ClusterLayout.Box box = layout.cards.get(c).box();
            chips.rect(box.x(), box.y(), box.w(), box.h(), palette.card());
            rasterChips(layout.cards.get(c), frame.states[c], hovered, palette);
        }
        long now = System.nanoTime();
        for (int[] due : pulses.due(now)) {
            pulseRing(due[0], due[1], now, palette);
        }
        boolean hovering =
                hovered >= 0 && hovered < snapshot.metadata().partitions().size();
        if (!hovering) {
            ChipLegend.raster(chips, layout, palette, zoom);
        }
        chips.drawTo(g);
        drawEndpoints(g, palette, zoom);
        for (int c = 0; c < layout.cards.size(); c++) {
            CardPainter.drawCard(g, frame.headers[c], layout.cards.get(c).box(), palette, zoom);
            CardPainter.labelChips(g, snapshot, layout.cards.get(c), frame.states[c], palette);
        }
        drawCuts(g, cuts, palette, zoom);
        drawFailures(g, snapshot, palette, zoom);
        if (hovering) {
            drawHoverCaption(g, snapshot, hovered, palette, zoom);
        } else {
            ChipLegend.label(g, layout, palette, zoom);
        }
    }

    /**
     * Repaints, over the last frame, the cards whose header changed (whole, border included) and, on the
     * other cards, the chips whose state changed and the chips still pulsing.
     */
    private void repaintChanges(
            ClusterSnapshot snapshot,
            DrawnFrame before,
            DrawnFrame next,
            NetworkCuts cuts,
            int hovered,
            Palette palette,
            double zoom) {
        java.util.List<ClusterLayout.Box> regions = new java.util.ArrayList<>();
        java.util.List<Runnable> labels = new java.util.ArrayList<>();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double border = 4 * zoom;
        java.util.Set<Integer> wholeCards = new java.util.HashSet<>();
        long now = System.nanoTime();
        for (int c = 0; c < layout.cards.size(); c++) {
            ClusterLayout.Card card = layout.cards.get(c);
            ReplicaState[] states = next.states[c];
            if (!next.headers[c].equals(before.headers[c])) {
                ClusterLayout.Box box = card.box();
                ClusterLayout.Box around = new ClusterLayout.Box(
                        box.x() - border, box.y() - border, box.w() + 2 * border, box.h() + 2 * border);
                chips.rect(around.x(), around.y(), around.w(), around.h(), palette.background());
                chips.rect(box.x(), box.y(), box.w(), box.h(), palette.card());
                rasterChips(card, states, hovered, palette);
                for (int i = 0; i < states.length; i++) {
                    pulseRing(c, i, now, palette);
                }
                wholeCards.add(c);
                regions.add(around);
                DrawnFrame.Header header = next.headers[c];
                labels.add(() -> {
                    CardPainter.drawCard(g, header, box, palette, zoom);
                    CardPainter.labelChips(g, snapshot, card, states, palette);
                    CardPainter.cutStub(g, card, cuts, palette, zoom);
                });
            }
        }
        repaintPulses(snapshot, next, wholeCards, regions, labels, hovered, palette);
        chips.drawRegions(g, regions);
        labels.forEach(Runnable::run);
    }

    /** Chips whose state changed since the last frame start a pulse (none when the layout changed). */
    private void notePulses(DrawnFrame before, DrawnFrame next) {
        if (before == null || before.layout != next.layout) {
            pulses.clear();
            return;
        }
        long now = System.nanoTime();
        for (int c = 0; c < next.states.length; c++) {
            for (int i = 0; i < next.states[c].length; i++) {
                if (next.states[c][i] != before.states[c][i]) {
                    pulses.changed(c, i, now);
                }
            }
        }
    }

    /**
     * Repaints the chips that pulse (the changed ones among them) on cards not repainted whole: first
     * their surroundings (a ring lies in the gap a neighbour's ring shares), then chips and rings.
     */
    private void repaintPulses(
            ClusterSnapshot snapshot,
            DrawnFrame next,
            java.util.Set<Integer> wholeCards,
            java.util.List<ClusterLayout.Box> regions,
            java.util.List<Runnable> labels,
            int hovered,
            Palette palette) {
        long now = System.nanoTime();
        java.util.List<int[]> due = pulses.due(now);
        due.removeIf(d -> wholeCards.contains(d[0]));
        for (int[] d : due) {
            ClusterLayout.Card card = layout.cards.get(d[0]);
            ClusterLayout.Box around = around(card, card.chip(d[1]));
            chips.rect(around.x(), around.y(), around.w(), around.h(), palette.card());
            regions.add(around);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int[] d : due) {
            ClusterLayout.Card card = layout.cards.get(d[0]);
            ClusterLayout.Box chip = card.chip(d[1]);
            ReplicaState state = next.states[d[0]][d[1]];
            chips.chip(palette, state, chip.x(), chip.y(), chip.w(), chip.h(), card.partitionIds()[d[1]] == hovered);
            pulseRing(d[0], d[1], now, palette);
            labels.add(() -> CardPainter.labelChip(g, snapshot, card, d[1], state, palette));
        }
    }

    /**
     * The pixels of a chip (rounded as {@link ChipRaster#chip} rounds them) and, all round, the part of
     * its gap its pulse ring may take. Clearing and copying exactly these never touches a neighbour chip
     * or the card's border, which the canvas draws over the buffer.
     */
    private static ClusterLayout.Box around(ClusterLayout.Card card, ClusterLayout.Box chip) {
        int margin = pulseRingMax(card);
        return new ClusterLayout.Box(
                Math.round(chip.x()) - margin,
                Math.round(chip.y()) - margin,
                Math.max(1, Math.round(chip.w())) + 2 * margin,
                Math.max(1, Math.round(chip.h())) + 2 * margin);
    }

    /** A pixel short of the gap between chips, and well inside the card's padding (its border is drawn there). */
    private static int pulseRingMax(ClusterLayout.Card card) {
        double pad = card.chipX() - card.box().x();
        return (int) Math.max(0, Math.min(Math.floor(card.gap()) - 1, Math.floor(pad * 0.6)));
    }

    private void pulseRing(int cardIndex, int chipIndex, long now, Palette palette) {
        ClusterLayout.Card card = layout.cards.get(cardIndex);
        int width = (int) Math.ceil(pulseRingMax(card) * pulses.left(cardIndex, chipIndex, now));
        if (width > 0) {
            ClusterLayout.Box chip = card.chip(chipIndex);
            chips.ring(chip.x(), chip.y(), chip.w(), chip.h(), width, palette.highlight());
        }
    }

    /** Whether a chip still pulses, so the frame loop keeps drawing though the cluster stands still. */
    boolean pulsing() {
        return pulses.pulsing();
    }

    /** The message flow's dots, on their own transparent layer over the cards. */
    private void drawFlow(MessageFlow flow, Palette palette, double zoom) {
        boolean dots = flow != null && flow.dotCount() > 0;
        if (!dots && !flowDrawn) {
            return;
        }
        GraphicsContext g = flowLayer.getGraphicsContext2D();
        g.clearRect(0, 0, flowLayer.getWidth(), flowLayer.getHeight());
        if (dots) {
            flow.draw(g, layout, palette, zoom);
        }
        flowDrawn = dots;
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

    /** Where the chip of a broker's replica is drawn (for tests and the flow layer), or null. */
    ClusterLayout.Box chipOf(int broker, int partitionId) {
        ClusterLayout.Card card = layout == null ? null : layout.cardOf(broker);
        if (card == null) {
            return null;
        }
        int index = java.util.Arrays.binarySearch(card.partitionIds(), partitionId);
        return index < 0 ? null : card.chip(index);
    }

    /** Failed produces, which only clients feel: a red frame on Clients, a red ring on the leader's chip. */
    private void drawFailures(GraphicsContext g, ClusterSnapshot snapshot, Palette palette, double zoom) {
        if (!clientsFailing && failing.isEmpty()) {
            return;
        }
        g.setStroke(palette.fault());
        g.setLineDashes();
        if (clientsFailing) {
            ClusterLayout.Box box = layout.clients;
            g.setLineWidth(5 * zoom);
            g.strokeRect(box.x() - 2 * zoom, box.y() - 2 * zoom, box.w() + 4 * zoom, box.h() + 4 * zoom);
            g.setFill(palette.fault());
            g.setFont(Font.font("System", FontWeight.BOLD, 13 * zoom));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("PRODUCE FAILED", box.x() + 10 * zoom, box.y() + box.h() - 18 * zoom, box.w() - 16 * zoom);
        }
        g.setLineWidth(4 * zoom);
        for (int id : failing) {
            if (id >= snapshot.metadata().partitions().size()) {
                continue;
            }
            PartitionRegistration partition = snapshot.metadata().partitions().get(id);
            int target = partition.hasLeader() ? partition.leader() : partition.replicas()[0];
            ClusterLayout.Box chip = chipOf(target, id);
            if (chip != null) {
                g.strokeRect(chip.x() - 3 * zoom, chip.y() - 3 * zoom, chip.w() + 6 * zoom, chip.h() + 6 * zoom);
            }
        }
    }

    private void drawEndpoints(GraphicsContext g, Palette palette, double zoom) {
        CardPainter.endpoint(g, layout.clients, "Clients", "produce, consume", palette, zoom);
        CardPainter.endpoint(g, layout.controller, "Controller", "fences and elects", palette, zoom);
    }

    private void rasterChips(ClusterLayout.Card card, ReplicaState[] states, int hovered, Palette palette) {
        for (int i = 0; i < card.partitionIds().length; i++) {
            ClusterLayout.Box chip = card.chip(i);
            chips.chip(palette, states[i], chip.x(), chip.y(), chip.w(), chip.h(), card.partitionIds()[i] == hovered);
        }
    }

    /**
     * Cuts to clients or the controller are drawn at the card (a stub with a cross, and the words),
     * not as lines across other cards; cuts between brokers are lines between the two cards.
     */
    private void drawCuts(GraphicsContext g, NetworkCuts cuts, Palette palette, double zoom) {
        for (ClusterLayout.Card card : layout.cards) {
            CardPainter.cutStub(g, card, cuts, palette, zoom);
        }
        for (NetworkCuts.Pair pair : cuts.brokerPairs()) {
            ClusterLayout.Card a = layout.cardOf(pair.low());
            ClusterLayout.Card b = layout.cardOf(pair.high());
            if (a != null && b != null) {
                CardPainter.cutLine(
                        g,
                        a.box().centerX(),
                        a.box().y() + layout.headerHeight / 2,
                        b.box().centerX(),
                        b.box().y() + layout.headerHeight / 2 + 8 * zoom,
                        palette,
                        zoom);
            }
        }
    }

    private void drawHoverCaption(
            GraphicsContext g, ClusterSnapshot snapshot, int hovered, Palette palette, double zoom) {
        PartitionRegistration p = snapshot.metadata().partitions().get(hovered);
        String text = p.name() + ":  leader " + (p.hasLeader() ? p.leader() : "none") + ",  epoch " + p.leaderEpoch()
                + ",  replicas " + Replicas.bracketed(p.replicas()) + ",  ISR " + Replicas.bracketed(p.isr())
                + (p.elr().length == 0 ? "" : ",  ELR " + Replicas.bracketed(p.elr()));
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
