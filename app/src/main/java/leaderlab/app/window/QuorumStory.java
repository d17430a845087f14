package leaderlab.app.window;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventDetail.FaultKind;
import leaderlab.cluster.journal.QuorumEvents.ElectionTrigger;

/**
 * Why a controller election happened, in one line a class can read: the engine journals a quorum election
 * with its typed trigger, but the reason a teacher gives ("the active controller was killed, so ...") spans
 * several events. This reads the journal in order (typed fields only) and remembers, per election event,
 * the sentence the headline and the timeline show as its "Why".
 */
final class QuorumStory {

    /** Enough for the scrubber's reach: older elections fall back to the event's own cause. */
    private static final int KEPT = 2000;

    private final Map<Integer, ElectionTrigger> campaignTrigger = new TreeMap<>();
    /** The latest fault done to each controller, by id. */
    private final Map<Integer, Event> lastFault = new TreeMap<>();

    private final Map<Long, String> whyBySeq = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > KEPT;
        }
    };

    private int leader = -1;
    private long leaderSinceSeq = -1;
    private EventDetail.QuorumLeaderResigned resigned;

    void clear() {
        campaignTrigger.clear();
        lastFault.clear();
        whyBySeq.clear();
        leader = -1;
        leaderSinceSeq = -1;
        resigned = null;
    }

    /** Reads one journal event, in journal order; {@code controllers} are the quorum's ids. */
    void read(Event event, List<Integer> controllers) {
        EventDetail detail = event.detail();
        if (detail instanceof EventDetail.FaultInjected fault) {
            fault.brokers().stream().filter(controllers::contains).forEach(id -> lastFault.put(id, event));
        } else if (detail instanceof EventDetail.QuorumElectionStarted started && started.preVote()) {
            if (started.trigger() != ElectionTrigger.RETRY || !campaignTrigger.containsKey(started.controller())) {
                campaignTrigger.put(started.controller(), started.trigger());
            }
            whyBySeq.put(event.seq(), campaignReason(started.controller(), started.trigger()));
        } else if (detail instanceof EventDetail.QuorumLeaderResigned resign) {
            resigned = resign;
        } else if (detail instanceof EventDetail.QuorumLeaderElected elected) {
            whyBySeq.put(event.seq(), electionWhy(elected, controllers.size()));
            campaignTrigger.clear();
            leader = elected.leader();
            leaderSinceSeq = event.seq();
            resigned = null;
        }
    }

    /** The "Why" of an event: the story's for quorum elections it read, else the event's own cause. */
    String why(Event event) {
        String why = whyBySeq.get(event.seq());
        return why != null ? why : event.cause();
    }

    /** One line (the headline has room for about a hundred characters): what ended the old term, who won how. */
    private String electionWhy(EventDetail.QuorumLeaderElected elected, int voterCount) {
        int winner = elected.leader();
        String votes = java.util.Arrays.stream(elected.voters())
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(", "))
                + " of " + voterCount;
        String lost = leader < 0 ? "no controller led yet" : leader == winner ? null : howLeaderWasLost();
        String campaign = switch (campaignTrigger.getOrDefault(winner, ElectionTrigger.ELECTION_TIMEOUT)) {
            case FETCH_TIMEOUT -> winner + "'s fetches timed out";
            case LEADER_RESIGNED -> winner + " stood at once";
            case ELECTION_TIMEOUT -> winner + "'s election timeout ran out first";
            case RETRY -> winner + " retried";
        };
        return (lost == null ? "" : lost + "; ") + campaign + ", it won pre-votes, then votes " + votes;
    }

    /** What ended the previous leader's term, from the faults done to it since it was elected. */
    private String howLeaderWasLost() {
        Event fault = lastFault.get(leader);
        if (fault != null && fault.seq() > leaderSinceSeq) {
            FaultKind kind = ((EventDetail.FaultInjected) fault.detail()).kind();
            String what = switch (kind) {
                case KILL -> "was killed";
                case STALL -> "was paused";
                case NETWORK -> "was cut off by the network";
                default -> "failed";
            };
            return "active controller " + leader + " " + what;
        }
        if (resigned != null && resigned.leader() == leader) {
            return "controller " + leader
                    + (resigned.reason() == EventDetail.ResignReason.CHECK_QUORUM
                            ? " resigned: no fetch from a majority"
                            : " saw a higher epoch");
        }
        return "controller " + leader + " stopped leading";
    }

    private String campaignReason(int controller, ElectionTrigger trigger) {
        return switch (trigger) {
            case FETCH_TIMEOUT ->
                controller + " got no fetch answer from leader " + leader + " for controller.quorum.fetch.timeout.ms";
            case LEADER_RESIGNED -> controller + " campaigned at once (its leader resigned)";
            case ELECTION_TIMEOUT -> controller + " knew no leader for controller.quorum.election.timeout.ms";
            case RETRY -> controller + " retried: its last election got no majority";
        };
    }
}
