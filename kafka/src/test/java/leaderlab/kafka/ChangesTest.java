package leaderlab.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import leaderlab.cluster.journal.EventDetail;
import org.junit.jupiter.api.Test;

/** How observed elections are labelled when polls miss what happened between them. */
class ChangesTest {

    private static RealState.Partition partition(
            int leader, int epoch, List<Integer> isr, List<Integer> elr, List<Integer> lastKnownElr) {
        return new RealState.Partition(
                "orders", 0, leader, epoch, List.of(1, 2, 3), isr, elr, lastKnownElr, List.of(), List.of(), 10);
    }

    private static RealState state(long timeMs, boolean uncleanElection, RealState.Partition p) {
        return new RealState(
                timeMs,
                List.of(),
                List.of(new RealState.Topic(
                        "orders", "id-orders", Map.of(), 1, uncleanElection, List.of(p), -1, null)));
    }

    private static EventDetail.LeaderElected election(
            RealState.Partition was, RealState.Partition now, boolean uncleanElection) {
        return Changes.between(state(1_000, uncleanElection, was), state(1_500, uncleanElection, now)).stream()
                .map(ObservedEvent::typed)
                .filter(EventDetail.LeaderElected.class::isInstance)
                .map(EventDetail.LeaderElected.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aLeaderThatJoinedTheIsrBetweenPollsIsNotCalledUnclean() {
        // Last poll: ISR [1] (followers lagging). Between polls 2 rejoined, then 1 died and 2 was elected.
        EventDetail.LeaderElected elected = election(
                partition(1, 4, List.of(1), List.of(), List.of()),
                partition(2, 5, List.of(2), List.of(), List.of()),
                false);
        assertFalse(elected.unclean());
        assertEquals(EventDetail.Election.ONLINE, elected.election());
        assertFalse(elected.text().contains("UNCLEAN"), elected.text());
        assertTrue(
                elected.text().contains("not in the last observed ISR [1]: the ISR changed between polls"),
                elected.text());
    }

    @Test
    void theSameChangeOnATopicThatAllowsUncleanElectionsIsUnclean() {
        EventDetail.LeaderElected elected = election(
                partition(1, 4, List.of(1), List.of(), List.of()),
                partition(2, 5, List.of(2), List.of(), List.of()),
                true);
        assertTrue(elected.unclean());
        assertEquals(EventDetail.Election.UNCLEAN, elected.election());
        assertTrue(
                elected.text().endsWith("; UNCLEAN election: 2 now leads, from outside the ISR [1]"), elected.text());
    }

    @Test
    void aLeaderFromTheElrIsClean() {
        EventDetail.LeaderElected elected = election(
                partition(-1, 4, List.of(), List.of(2), List.of(1)),
                partition(2, 5, List.of(2), List.of(), List.of()),
                false);
        assertFalse(elected.unclean());
        assertTrue(elected.text().endsWith("2 now leads, from the ELR [2]"), elected.text());
    }

    @Test
    void theLastKnownLeaderAfterIsrAndElrEmptiedIsUncleanEvenWithUncleanElectionsOff() {
        EventDetail.LeaderElected elected = election(
                partition(-1, 4, List.of(), List.of(), List.of(1)),
                partition(1, 5, List.of(1), List.of(), List.of()),
                false);
        assertTrue(elected.unclean());
        assertTrue(elected.text().contains("UNCLEAN (last known leader) election"), elected.text());
    }

    @Test
    void anUnknownEpochReadsUnknownNeverMinusOne() {
        EventDetail.LeaderElected elected = election(
                partition(1, 4, List.of(1, 2), List.of(), List.of()),
                partition(2, -1, List.of(2), List.of(), List.of()),
                false);
        assertEquals(-1, elected.leaderEpoch());
        assertTrue(elected.text().startsWith("leader 1 -> 2, leader epoch unknown; ONLINE election"), elected.text());
        assertFalse(elected.text().contains("-1"), elected.text());
    }

    @Test
    void anIsrThatSwapsAMemberBetweenPollsIsAShrink() {
        List<ObservedEvent> changes = Changes.between(
                state(1_000, false, partition(1, 4, List.of(1, 2), List.of(), List.of())),
                state(1_500, false, partition(1, 4, List.of(1, 3), List.of(), List.of())));
        EventDetail.IsrChanged isr = (EventDetail.IsrChanged) changes.get(0).typed();
        assertTrue(isr.shrunk(), "broker 2 left it");
        assertEquals(ObservedEvent.Type.ISR_SHRUNK, changes.get(0).type());
    }
}
