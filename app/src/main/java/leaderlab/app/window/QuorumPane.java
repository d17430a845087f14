package leaderlab.app.window;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The KRaft controller quorum above the cluster view: who leads (the active controller, the one that elects
 * the partition leaders below), in which epoch, the metadata high watermark, a card per controller, and an
 * unmistakable "no quorum" when a majority cannot talk. Votes play as arcs on a layer of their own, so an
 * election animates this strip only, never the cluster view. The strip has a fixed height: a change in it
 * never resizes (and so never repaints whole) the cluster view under it.
 */
public final class QuorumPane extends BorderPane {

    /** The strip's style class per {@link QuorumModel.State}, in its order. */
    private static final List<String> STATE_CLASSES = List.of("quorum-leading", "quorum-electing", "quorum-lost");

    private final ClusterMenus menus;
    private final QuorumStory story = new QuorumStory();
    private final VoteAnimation votes = new VoteAnimation();
    private final Label title = new Label("KRaft controller quorum");
    private final Label headline = new Label();
    private final Label detail = new Label();
    private final Label facts = new Label();
    private final HBox cards = new HBox();
    private final Canvas overlay = new Canvas();
    private final VBox summary;
    private final HBox strip;
    /** The summary and the cards: drawn smaller where the strip's width cannot hold them in their type. */
    private final HBox fitted;

    private final ShrinkToWidth shrink;

    private final List<ControllerCard> cardList = new ArrayList<>();
    private QuorumModel model = QuorumModel.EMPTY;
    /**
     * The cluster's first journal event that happened while it was on screen: the ones before (its start-up
     * election, a lesson's setup) are told in the "Why", never replayed as votes over its settled cards.
     */
    private long firstShownSeq;

    private boolean drewVotes;
    private long votesDrawnNanos;
    /**
     * The strip's type against the window's at zoom 1: the window's zoom, 1.3 times that in presenter mode
     * (quorum.css). The votes are drawn at this scale, so they grow with the cards' lines.
     */
    private double scale = 1;

    /** Puts the strip above {@code clusterView}; the headline and the timeline take their "Why" from here. */
    QuorumPane(ClusterCanvas clusterView, ClusterMenus menus, Headline headlineLabel, EventLog eventLog) {
        this.menus = menus;
        // The strip's cards must never hold the window's split panes open wider than they are set.
        setMinWidth(0);
        getStylesheets().add(QuorumPane.class.getResource("quorum.css").toExternalForm());
        title.getStyleClass().add("quorum-title");
        // The title is in the strip's own type (1em): its size is the strip's zoom and presenter mode in one.
        title.fontProperty().addListener((obs, old, font) -> {
            scale = font.getSize() / Appearance.FONT_PX;
            sizeVoteLayer();
        });
        headline.getStyleClass().add("quorum-headline");
        detail.getStyleClass().add("quorum-detail");
        facts.getStyleClass().add("quorum-facts");
        for (Label label : List.of(headline, detail, facts)) {
            label.setWrapText(true);
        }
        summary = new VBox(2, title, headline, detail, facts);
        summary.getStyleClass().add("quorum-summary");
        cards.getStyleClass().add("quorum-cards");
        Pane layer = new Pane(overlay);
        layer.setMouseTransparent(true);
        overlay.widthProperty().bind(layer.widthProperty());
        layer.heightProperty().addListener((obs, was, now) -> sizeVoteLayer());
        cards.paddingProperty().addListener((obs, was, now) -> sizeVoteLayer());
        // However many controllers, the cards share the strip's width: none is pushed out of sight.
        cards.setMinWidth(0);
        cards.widthProperty().addListener((obs, old, width) -> fitCards());
        StackPane voters = new StackPane(cards, layer);
        voters.setMinWidth(0);
        HBox.setHgrow(voters, Priority.ALWAYS);
        fitted = new HBox(10, summary, voters);
        fitted.setMinWidth(0);
        // Zoomed, or in presenter mode beside a lesson, the summary's 27em left three cards "F...", "v...":
        // there the strip draws smaller, never below the window's type at zoom 1.
        shrink = new ShrinkToWidth(
                fitted,
                this::neededWidth,
                () -> Appearance.FONT_PX / title.getFont().getSize());
        HBox.setHgrow(shrink, Priority.ALWAYS);
        strip = new HBox(shrink);
        strip.setId("quorum-strip");
        strip.getStyleClass().add("quorum-strip");
        setTop(strip);
        setCenter(ClusterScroll.around(clusterView));
        headlineLabel.explainWith(story::why);
        eventLog.explainWith(story::why);
    }

    /** The quorum strip's height: what of this pane the cluster view does not have. */
    double stripHeight() {
        return strip.getHeight();
    }

    /** What the strip shows now. */
    public QuorumModel model() {
        return model;
    }

    /**
     * A new cluster: forget the old one's elections and votes. {@code shownFromSeq} is the new cluster's
     * journal size as it comes on screen: its votes before that are history, shown as their outcome.
     */
    void clear(long shownFromSeq) {
        story.clear();
        votes.clear();
        firstShownSeq = shownFromSeq;
        model = QuorumModel.EMPTY;
        cards.getChildren().clear();
        cardList.clear();
    }

    /**
     * One frame: reads the new journal events (in order, for the "Why" and, from the cluster's coming on
     * screen, the votes), shows the snapshot on screen (a past one while scrubbing) and plays the votes.
     */
    void frame(ClusterSnapshot shown, List<Event> newEvents, long nowNanos) {
        List<Integer> controllers = shown.controllerIds();
        for (Event event : newEvents) {
            story.read(event, controllers);
            if (event.seq() >= firstShownSeq) {
                votes.read(event, controllers);
            }
        }
        QuorumModel next = QuorumModel.of(shown);
        if (!next.equals(model)) {
            show(next);
        }
        boolean animating = votes.advance(nowNanos);
        // Votes redraw at most 30 times a second, as the message flow's dots move: the eye sees no less.
        if ((animating && nowNanos - votesDrawnNanos >= FlowLanes.MOVE_INTERVAL_NANOS) || (drewVotes && !animating)) {
            votesDrawnNanos = nowNanos;
            drawVotes(nowNanos);
            drewVotes = animating;
        }
    }

    /**
     * The vote layer covers only the band above the cards where the arcs rise, and the few pixels below
     * their tops that an arc's head or a leader's flash reaches: a canvas repaints whole, so a layer over
     * the whole strip repainted all of it for every frame of a vote (228,000 px in presenter mode).
     */
    private void sizeVoteLayer() {
        Region layer = (Region) overlay.getParent();
        double height =
                Math.min(layer.getHeight(), voteLayerHeight(cards.getPadding().getTop(), scale));
        if (overlay.getHeight() != height) {
            overlay.setHeight(height);
        }
    }

    /** The vote layer's height: the band above the cards, {@code bandPx} high, and what votes draw below it. */
    static double voteLayerHeight(double bandPx, double scale) {
        return Math.ceil(bandPx + VoteAnimation.reachBelowCards(scale));
    }

    /** The vote layer's height now (for tests of its repaint scope). */
    double voteLayerHeightForTests() {
        return overlay.getHeight();
    }

    private void show(QuorumModel next) {
        if (cardList.size() != next.voters().size()) {
            cards.getChildren().clear();
            cardList.clear();
            for (QuorumModel.Voter voter : next.voters()) {
                ControllerCard card = new ControllerCard(voter.id());
                card.setOnMouseClicked(e -> openMenu(card, e.getScreenX(), e.getScreenY()));
                // No width of its own: the cards split the row evenly, up to their CSS maximum.
                card.setPrefWidth(0);
                card.onTitleFont(this::fitCards);
                HBox.setHgrow(card, Priority.ALWAYS);
                cardList.add(card);
                cards.getChildren().add(card);
            }
            fitCards();
        }
        for (int i = 0; i < cardList.size(); i++) {
            cardList.get(i).show(next.voters().get(i), next.leaderId());
        }
        model = next;
        showSummary();
    }

    /** Each card's share of the row, and whether that is too narrow for "Controller N" as the titles. */
    private void fitCards() {
        int n = cardList.size();
        if (n == 0) {
            return;
        }
        double share = cardWidth(
                cards.getWidth()
                        - cards.getInsets().getLeft()
                        - cards.getInsets().getRight(),
                cards.getSpacing(),
                n);
        boolean compact = cardList.stream().anyMatch(card -> !card.fitsFullTitle(share));
        for (ControllerCard card : cardList) {
            card.setCompact(compact);
        }
    }

    /**
     * The width the summary and every card need in their type: the summary's, each card's least lines and
     * frame, and the spacing between them.
     */
    private double neededWidth() {
        double width = summary.prefWidth(-1)
                + fitted.getSpacing()
                + cards.getInsets().getLeft()
                + cards.getInsets().getRight()
                + cards.getSpacing() * Math.max(0, cardList.size() - 1);
        for (ControllerCard card : cardList) {
            width += card.leastTextWidth() + card.framePx();
        }
        return width;
    }

    /** The summary's box (for tests of its text's fit). */
    Region summaryForTests() {
        return summary;
    }

    /** The factor the summary and cards are drawn at: 1, or less where the strip is too narrow (for tests). */
    double shrinkForTests() {
        return shrink.factor();
    }

    /** The width each of {@code n} cards gets from a row {@code inner} wide with {@code spacing} between. */
    static double cardWidth(double inner, double spacing, int n) {
        return (inner - spacing * (n - 1)) / n;
    }

    private void showSummary() {
        String stateClass = STATE_CLASSES.get(model.state().ordinal());
        if (!strip.getStyleClass().contains(stateClass)) {
            // Only a new state restyles the strip: swapping its class every frame re-ran CSS on all of it.
            strip.getStyleClass().removeAll(STATE_CLASSES);
            strip.getStyleClass().add(stateClass);
        }
        String up = model.reachable() + " of " + model.voters().size() + " controllers can vote, majority "
                + model.majority();
        switch (model.state()) {
            case LEADING -> {
                headline.setText("Active controller: " + model.leaderId());
                detail.setText("the quorum leader: it fences brokers and elects the partition leaders below");
                facts.setText("epoch " + model.epoch() + " · metadata HW " + model.highWatermark() + " · " + up);
            }
            case ELECTING -> {
                headline.setText("Electing an active controller");
                detail.setText("no quorum leader yet: partition failover waits for the vote");
                facts.setText("epoch " + model.epoch() + " · " + up);
            }
            case NO_QUORUM -> {
                headline.setText("NO QUORUM");
                detail.setText("partition failover stopped: no active controller, no partition elections, no fencing");
                facts.setText(up);
            }
        }
    }

    private void openMenu(ControllerCard card, double screenX, double screenY) {
        QuorumModel.Voter voter = model.voter(card.controllerId());
        if (voter == null) {
            menus.close();
        } else {
            menus.show(
                    menus.forController(voter.id(), voter.liveness() != QuorumModel.Liveness.KILLED),
                    card,
                    screenX,
                    screenY);
        }
    }

    private void drawVotes(long nowNanos) {
        var g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        double band = cards.getPadding().getTop();
        votes.draw(g, this::anchorOf, band, overlay.getWidth(), scale, nowNanos);
    }

    /** Whether vote arcs are still playing or queued. */
    boolean votesPlaying() {
        return votes.active();
    }

    /** Where {@code votes} would put its labels on this strip at {@code nowNanos} (for tests of their geometry). */
    List<VoteAnimation.Label> voteLabelsForTests(VoteAnimation votes, long nowNanos) {
        return votes.labels(this::anchorOf, cards.getPadding().getTop(), overlay.getWidth(), scale, nowNanos);
    }

    /** The scale the votes are drawn at: the strip's type against the window's at zoom 1. */
    double voteScale() {
        return scale;
    }

    /** The band above the cards that the arcs rise into, in the vote layer's coordinates (for tests). */
    ClusterLayout.Box voteBandForTests() {
        return new ClusterLayout.Box(
                0, 0, overlay.getWidth(), cards.getPadding().getTop());
    }

    /** The cards' bounds in the strip's coordinates, left to right (for tests of their geometry). */
    List<javafx.geometry.Bounds> cardBoundsForTests() {
        return cardList.stream()
                .map(c -> strip.sceneToLocal(c.localToScene(c.getLayoutBounds())))
                .toList();
    }

    /** The strip's visible bounds in its own coordinates (for tests of its geometry). */
    javafx.geometry.Bounds stripBoundsForTests() {
        return strip.getLayoutBounds();
    }

    List<ControllerCard> cardsForTests() {
        return List.copyOf(cardList);
    }

    /** A card's top centre on the vote layer, or null when no card shows that controller. */
    private Point2D anchorOf(int controller) {
        for (ControllerCard card : cardList) {
            if (card.controllerId() == controller) {
                return overlay.sceneToLocal(card.localToScene(card.getWidth() / 2, 0));
            }
        }
        return null;
    }
}
