package leaderlab.app.window;

import java.util.Arrays;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What one broker card shows, reduced to what decides its pixels: the state of each chip, the header,
 * the hovered chip, the chips ringed for failed produces, and the theme. Comparing the frame a card drew
 * last with the next tells it what to repaint: nothing, the chips that changed, or the whole card.
 */
final class CardFrame {

    /** A card's header as drawn: title, state badge and, between crash and fencing, the controller's belief. */
    record Header(String title, BrokerStatus status, String word, String belief) {}

    final ClusterLayout.Card card;
    final ReplicaState[] states;
    final Header header;
    /** The chip index of the hovered partition on this card, or -1. */
    final int hoveredChip;
    /** Chip indices of the leaders (or first replicas) of partitions whose produces fail, ascending. */
    final int[] ringed;

    final Palette palette;

    private CardFrame(
            ClusterLayout.Card card,
            ReplicaState[] states,
            Header header,
            int hoveredChip,
            int[] ringed,
            Palette palette) {
        this.card = card;
        this.states = states;
        this.header = header;
        this.hoveredChip = hoveredChip;
        this.ringed = ringed;
        this.palette = palette;
    }

    static CardFrame of(
            ClusterSnapshot snapshot,
            ClusterLayout.Card card,
            NetworkCuts cuts,
            int hovered,
            java.util.Set<Integer> failing,
            Palette palette) {
        ClusterSnapshot.BrokerState broker = snapshot.broker(card.brokerId());
        int[] ids = card.partitionIds();
        ReplicaState[] states = new ReplicaState[ids.length];
        for (int i = 0; i < ids.length; i++) {
            states[i] = ReplicaState.of(snapshot.metadata().partitions().get(ids[i]), broker);
        }
        int hoveredChip = hovered < 0 ? -1 : Math.max(-1, Arrays.binarySearch(ids, hovered));
        return new CardFrame(
                card, states, header(snapshot, broker, cuts), hoveredChip, ringed(snapshot, card, failing), palette);
    }

    /**
     * {@link #of} for a later snapshot whose partitions differ from {@code before}'s only at
     * {@code changedIds} (ascending) and whose replica placement is the same: the chips of unchanged
     * partitions keep their state unless the broker itself changed, so a frame costs what changed.
     */
    static CardFrame update(
            CardFrame before,
            ClusterSnapshot beforeSnapshot,
            ClusterSnapshot snapshot,
            int[] changedIds,
            NetworkCuts cuts,
            int hovered,
            java.util.Set<Integer> failing,
            Palette palette) {
        ClusterLayout.Card card = before.card;
        ClusterSnapshot.BrokerState broker = snapshot.broker(card.brokerId());
        ClusterSnapshot.BrokerState was = beforeSnapshot.broker(card.brokerId());
        if (broker.running() != was.running() || broker.registration() != was.registration()) {
            return of(snapshot, card, cuts, hovered, failing, palette);
        }
        ReplicaState[] states = before.states.clone();
        int[] ids = card.partitionIds();
        for (int id : changedIds) {
            int index = Arrays.binarySearch(ids, id);
            if (index >= 0) {
                states[index] = ReplicaState.of(snapshot.metadata().partitions().get(id), broker);
            }
        }
        int hoveredChip = hovered < 0 ? -1 : Math.max(-1, Arrays.binarySearch(ids, hovered));
        return new CardFrame(
                card, states, header(snapshot, broker, cuts), hoveredChip, ringed(snapshot, card, failing), palette);
    }

    /** The failing partitions whose ring is on this card: at the leader, or the first replica when none leads. */
    private static int[] ringed(ClusterSnapshot snapshot, ClusterLayout.Card card, java.util.Set<Integer> failing) {
        if (failing.isEmpty()) {
            return new int[0];
        }
        return failing.stream()
                .filter(id -> id < snapshot.metadata().partitions().size())
                .filter(id -> {
                    PartitionRegistration p = snapshot.metadata().partitions().get(id);
                    return (p.hasLeader() ? p.leader() : p.replicas()[0]) == card.brokerId();
                })
                .mapToInt(id -> Arrays.binarySearch(card.partitionIds(), id))
                .filter(index -> index >= 0)
                .sorted()
                .toArray();
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
     * Whether repainting the changed chips over {@code before} gives this frame: the same card in the same
     * place, header, hover and theme, and no failure rings (they reach over neighbouring chips).
     */
    boolean continues(CardFrame before) {
        return sameLook(before) && ringed.length == 0 && before.ringed.length == 0;
    }

    /** The same pixels as {@code other} gave, pulses aside. */
    boolean sameAs(CardFrame other) {
        return sameLook(other) && Arrays.equals(ringed, other.ringed) && Arrays.equals(states, other.states);
    }

    private boolean sameLook(CardFrame other) {
        return other != null
                && other.card == card
                && other.palette == palette
                && other.hoveredChip == hoveredChip
                && other.header.equals(header);
    }
}
