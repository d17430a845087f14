package leaderlab.app.window;

import java.util.List;
import java.util.Set;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What the cluster canvas shows, reduced to what decides its pixels: the state of every chip, each
 * card's header, and what is drawn across cards (cuts, failure flashes, the hover ring, the legend, the
 * theme). Comparing the frame drawn last with the next tells a frame what to repaint: nothing, the chips
 * and cards that changed, or everything. In software rendering at 1920x1080 repainting everything costs
 * more than a frame, while a failover changes a few chips per frame.
 */
final class DrawnFrame {

    /** A card's header as drawn: title, state badge and, between crash and fencing, the controller's belief. */
    record Header(String title, BrokerStatus status, String word, String belief) {}

    final ClusterLayout layout;
    final ReplicaState[][] states;
    final Header[] headers;
    private final Object across;
    private final boolean drawsAcrossCards;

    private DrawnFrame(
            ClusterLayout layout, ReplicaState[][] states, Header[] headers, Object across, boolean drawsAcrossCards) {
        this.layout = layout;
        this.states = states;
        this.headers = headers;
        this.across = across;
        this.drawsAcrossCards = drawsAcrossCards;
    }

    static DrawnFrame of(
            ClusterSnapshot snapshot,
            ClusterLayout layout,
            NetworkCuts cuts,
            int hovered,
            Palette palette,
            Set<Integer> failing,
            boolean clientsFailing) {
        ReplicaState[][] states = new ReplicaState[layout.cards.size()][];
        Header[] headers = new Header[layout.cards.size()];
        for (int c = 0; c < states.length; c++) {
            ClusterLayout.Card card = layout.cards.get(c);
            ClusterSnapshot.BrokerState broker = snapshot.broker(card.brokerId());
            int[] ids = card.partitionIds();
            states[c] = new ReplicaState[ids.length];
            for (int i = 0; i < ids.length; i++) {
                states[c][i] = ReplicaState.of(snapshot.metadata().partitions().get(ids[i]), broker);
            }
            headers[c] = header(snapshot, broker, cuts);
        }
        // Cut lines between brokers and failure rings reach over neighbouring cards and chips.
        boolean across = !cuts.brokerPairs().isEmpty() || !failing.isEmpty() || clientsFailing;
        return new DrawnFrame(
                layout,
                states,
                headers,
                List.of(palette, hovered, cuts.key(), Set.copyOf(failing), clientsFailing),
                across);
    }

    private static Header header(ClusterSnapshot snapshot, ClusterSnapshot.BrokerState broker, NetworkCuts cuts) {
        BrokerStatus status = BrokerStatus.of(broker, cuts);
        String word = status == BrokerStatus.ISOLATED ? cuts.isolation(broker.id()) : status.label();
        return new Header(
                "Broker " + broker.id() + (broker.rack() == null ? "" : "  rack " + broker.rack()),
                status,
                (word + grayFailures(broker)).toUpperCase(java.util.Locale.ROOT),
                ControllerBelief.of(snapshot, broker));
    }

    /**
     * What the controller cannot see (a paused process, a slow disk) and the operator's demotion, after
     * the state word: the gap between belief and truth, on the card itself.
     */
    private static String grayFailures(ClusterSnapshot.BrokerState broker) {
        StringBuilder extra = new StringBuilder();
        if (broker.running() && broker.reality().stalledUntilMs() > 0) {
            extra.append(" · paused");
        }
        if (broker.reality().appendLatencyMs() > 0) {
            extra.append(" · slow disk");
        }
        if (broker.registration() != null && broker.registration().demoted()) {
            extra.append(" · demoted");
        }
        return extra.toString();
    }

    /**
     * Whether repainting the changed chips and cards over {@code before} gives this frame: the same layout,
     * nothing new drawn across cards, and nothing drawn across cards at all (a repaint would cut through it).
     */
    boolean continues(DrawnFrame before) {
        return before != null && before.layout == layout && before.across.equals(across) && !drawsAcrossCards;
    }
}
