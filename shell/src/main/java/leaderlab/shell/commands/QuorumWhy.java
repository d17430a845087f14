package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Json;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * {@code why controller} and {@code history controller}: the controller quorum's elections read from
 * the journal's typed events, as {@code why} and {@code history} read a partition's. Why names the
 * election that chose the active controller, what started its campaign (the old leader's fetches timing
 * out, its resignation, no leader known yet, a retry after a split vote), who voted, and how the old
 * leader's term ended; without a leader, how the last one's ended and how many voters are missing.
 */
final class QuorumWhy {

    /** The words {@code why} and {@code history} take for the quorum instead of a partition. */
    static final List<String> WORDS = List.of("controller", "quorum");

    /**
     * One quorum election as the journal tells it.
     *
     * @param start    the winner's first pre-vote request of the campaign, null if not journaled
     * @param previous the election before (null for the quorum's first)
     */
    private record Election(
            Event elected,
            Event start,
            Event previous,
            List<Integer> preVotes,
            List<Integer> votes,
            List<Integer> refused) {

        EventDetail.QuorumLeaderElected detail() {
            return (EventDetail.QuorumLeaderElected) elected.detail();
        }

        EventDetail.ElectionTrigger trigger() {
            return start == null ? null : ((EventDetail.QuorumElectionStarted) start.detail()).trigger();
        }

        int previousLeader() {
            return previous == null ? -1 : ((EventDetail.QuorumLeaderElected) previous.detail()).leader();
        }
    }

    /** How a leader's term ended: the operator's fault on it and its resignation, either may be null. */
    private record TermEnd(Event fault, Event resigned) {}

    private QuorumWhy() {}

    static Result why(Session session, boolean json) {
        ClusterSnapshot snapshot = session.cluster().snapshot();
        Journal journal = session.cluster().journal();
        QuorumView leader = snapshot.quorumLeader();
        Event last = latest(journal, journal.size(), e -> e.detail() instanceof EventDetail.QuorumLeaderElected);
        Election election = last == null ? null : election(journal, last);
        // With a leader, what matters is how its predecessor's term ended; without, how the last leader's did.
        Event ended = election == null ? null : leader == null ? election.elected() : election.previous();
        TermEnd end = ended == null ? new TermEnd(null, null) : termEnd(journal, ended);
        List<Integer> running = snapshot.quorum().stream().map(QuorumView::id).toList();
        int majority = snapshot.controllerIds().size() / 2 + 1;
        if (json) {
            return Result.ok(new Json()
                    .beginObject()
                    .field("leader", leader == null ? -1 : leader.id())
                    .field("epoch", leader == null ? -1 : leader.epoch())
                    .field("voters", snapshot.controllerIds())
                    .field("running", running)
                    .field("majority", majority)
                    .field(
                            "electedAtMs",
                            election == null ? -1 : election.elected().timeMs())
                    .field(
                            "electedLeader",
                            election == null ? -1 : election.detail().leader())
                    .field(
                            "trigger",
                            election == null || election.trigger() == null
                                    ? null
                                    : election.trigger().name())
                    .field("preVotesFrom", election == null ? List.of() : election.preVotes())
                    .field("votesFrom", election == null ? List.of() : election.votes())
                    .field("previousLeader", election == null ? -1 : election.previousLeader())
                    .field(
                            "termEndedBy",
                            end.fault() == null ? null : end.fault().detailFields())
                    .field(
                            "resigned",
                            end.resigned() == null ? null : end.resigned().detailFields())
                    .endObject()
                    .toString());
        }
        List<String> lines = new ArrayList<>();
        if (leader != null) {
            lines.add("controller " + leader.id() + " is the active controller: it leads the quorum in epoch "
                    + leader.epoch() + " (metadata HW " + leader.highWatermark() + "), voters "
                    + snapshot.controllerIds());
        } else {
            lines.add("no active controller: the quorum has no leader. Running controllers " + running + " of "
                    + snapshot.controllerIds() + "; a leader needs the votes of " + majority + ", so "
                    + (running.size() >= majority
                            ? "an election can succeed (one may be under way)"
                            : "no election can succeed until " + (majority - running.size()) + " more return")
                    + ". Meanwhile nobody fences brokers or elects partition leaders.");
        }
        if (election == null) {
            lines.add("No controller has led yet.");
            return Result.ok(lines);
        }
        lines.add(leader != null ? "Leader:" : "Last leader:");
        lines.add("  " + WhyCommand.at(election.elected()) + election.elected().text());
        if (election.start() != null) {
            lines.add("    because, " + WhyCommand.at(election.start())
                    + election.start().text() + ": "
                    + trigger(election, snapshot.metadata().configs()));
        }
        lines.add("    besides its own: pre-votes granted by " + election.preVotes() + ", votes granted by "
                + election.votes() + (election.refused().isEmpty() ? "" : ", refused by " + election.refused()));
        if (leader == null) {
            termLines(end, "  ").forEach(lines::add);
        } else if (election.previous() == null) {
            lines.add("    the quorum's first election: no controller had led yet");
        } else if (election.previousLeader() != election.detail().leader()) {
            lines.add("    the leader before: " + WhyCommand.at(election.previous())
                    + election.previous().text());
            termLines(end, "      ").forEach(lines::add);
        }
        return Result.ok(lines);
    }

    /** The quorum's elections, resignations and the faults done to controllers, oldest first. */
    static Result history(Session session, boolean json) {
        List<Integer> controllers = session.cluster().snapshot().controllerIds();
        List<Event> events = session.cluster()
                .journal()
                .since(
                        0,
                        e -> e.type() == EventType.QUORUM_ELECTION_STARTED
                                || e.type() == EventType.QUORUM_LEADER_ELECTED
                                || e.type() == EventType.QUORUM_LEADER_RESIGNED
                                || e.detail() instanceof EventDetail.FaultInjected f
                                        && f.brokers().stream().anyMatch(controllers::contains)
                                || e.detail() instanceof EventDetail.FaultHealed h
                                        && h.brokers().stream().anyMatch(controllers::contains));
        if (json) {
            return Result.ok(InspectCommands.eventsJson(events));
        }
        List<String> lines = new ArrayList<>();
        lines.add("controller quorum " + controllers + ": elections, resignations and faults since the start:");
        events.forEach(e -> lines.add(e.format()));
        if (events.isEmpty()) {
            lines.add("  (none)");
        }
        return Result.ok(lines);
    }

    private static Election election(Journal journal, Event elected) {
        var detail = (EventDetail.QuorumLeaderElected) elected.detail();
        Event previous = latest(journal, elected.seq(), e -> e.detail() instanceof EventDetail.QuorumLeaderElected);
        long since = previous == null ? 0 : previous.seq() + 1;
        List<Event> campaign = journal.since(since, e -> e.seq() < elected.seq());
        // The campaign's first pre-vote request since the last leader was elected says why it began.
        Event start = campaign.stream()
                .filter(e -> e.detail() instanceof EventDetail.QuorumElectionStarted s
                        && s.controller() == detail.leader()
                        && s.preVote())
                .findFirst()
                .orElse(null);
        List<Integer> preVotes = new ArrayList<>();
        List<Integer> votes = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        for (Event e : campaign) {
            if (e.detail() instanceof EventDetail.QuorumVote vote
                    && vote.candidate() == detail.leader()
                    && vote.epoch() == detail.epoch()) {
                (vote.granted() ? (vote.preVote() ? preVotes : votes) : refused).add(vote.voter());
            }
        }
        return new Election(elected, start, previous, preVotes, votes, refused);
    }

    /** The first fault the operator did to the leader during its term, and its resignation. */
    private static TermEnd termEnd(Journal journal, Event electedEvent) {
        var elected = (EventDetail.QuorumLeaderElected) electedEvent.detail();
        Event next =
                journal
                        .since(electedEvent.seq() + 1, e -> e.detail() instanceof EventDetail.QuorumLeaderElected)
                        .stream()
                        .findFirst()
                        .orElse(null);
        long until = next == null ? journal.size() : next.seq();
        Event fault = null;
        Event resigned = null;
        for (Event e : journal.since(electedEvent.seq() + 1, e -> e.seq() < until)) {
            if (fault == null
                    && e.detail() instanceof EventDetail.FaultInjected f
                    && f.brokers().contains(elected.leader())) {
                fault = e;
            } else if (resigned == null
                    && e.detail() instanceof EventDetail.QuorumLeaderResigned r
                    && r.leader() == elected.leader()
                    && r.epoch() == elected.epoch()) {
                resigned = e;
            }
        }
        return new TermEnd(fault, resigned);
    }

    private static List<String> termLines(TermEnd end, String indent) {
        List<String> lines = new ArrayList<>();
        if (end.fault() != null) {
            lines.add(indent + "its term ended: " + WhyCommand.at(end.fault())
                    + end.fault().text());
        }
        if (end.resigned() != null) {
            lines.add(indent
                    + (end.fault() == null ? "its term ended: " : "then ")
                    + WhyCommand.at(end.resigned())
                    + end.resigned().text());
        }
        return lines;
    }

    private static String trigger(Election election, Configs configs) {
        return switch (election.trigger()) {
            case FETCH_TIMEOUT ->
                "its fetches got no answer from leader " + election.previousLeader()
                        + " for controller.quorum.fetch.timeout.ms="
                        + configs.getLong(ConfigKey.CONTROLLER_QUORUM_FETCH_TIMEOUT_MS) + " ms";
            case LEADER_RESIGNED ->
                "leader " + election.previousLeader()
                        + " resigned (EndQuorumEpoch), and its preferred successor campaigns at once";
            case ELECTION_TIMEOUT ->
                "it knew no leader for controller.quorum.election.timeout.ms="
                        + configs.getLong(ConfigKey.CONTROLLER_QUORUM_ELECTION_TIMEOUT_MS) + " ms (plus a random part)";
            case RETRY -> "its previous election got no majority, so it tried again after a random backoff";
        };
    }

    /** The newest event before {@code beforeSeq} that matches, or null. */
    private static Event latest(Journal journal, long beforeSeq, Predicate<Event> filter) {
        for (long seq = beforeSeq - 1; seq >= 0; seq--) {
            Event event = journal.get(seq);
            if (filter.test(event)) {
                return event;
            }
        }
        return null;
    }
}
