package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.Replicas;

/**
 * The events between two states of a real cluster: what differs, field by field, each also as the
 * journal's typed detail (so the window's timeline and headline read observed changes as they read the
 * simulator's).
 */
final class Changes {

    private Changes() {}

    static List<ObservedEvent> between(RealState before, RealState after) {
        List<ObservedEvent> events = new ArrayList<>();
        long t = after.timeMs();
        for (RealState.Broker broker : after.brokers()) {
            broker(t, before.broker(broker.id()), broker, events);
        }
        for (RealState.Broker old : before.brokers()) {
            if (after.broker(old.id()) == null) {
                events.add(new ObservedEvent(
                        t,
                        ObservedEvent.Type.BROKER_DOWN,
                        "broker " + old.id(),
                        "left the cluster",
                        NodeId.CONTROLLER,
                        null,
                        new EventDetail.BrokerFenced(old.id(), EventDetail.FenceReason.SESSION_TIMEOUT)));
            }
        }
        for (RealState.Topic topic : after.topics()) {
            RealState.Topic old = before.topic(topic.name());
            if (old == null) {
                int replicationFactor = topic.partitions().isEmpty()
                        ? 0
                        : topic.partitions().get(0).replicas().size();
                events.add(new ObservedEvent(
                        t,
                        ObservedEvent.Type.TOPIC_CREATED,
                        topic.name(),
                        topic.partitions().size() + " partition(s)",
                        NodeId.CONTROLLER,
                        null,
                        new EventDetail.TopicCreated(
                                topic.name(), topic.partitions().size(), replicationFactor)));
                continue;
            }
            for (RealState.Partition p : topic.partitions()) {
                RealState.Partition was = before.partition(topic.name(), p.partition());
                if (was != null) {
                    partition(t, was, p, topic.uncleanElection(), events);
                }
            }
        }
        for (RealState.Topic old : before.topics()) {
            if (after.topic(old.name()) == null) {
                events.add(new ObservedEvent(
                        t, ObservedEvent.Type.TOPIC_DELETED, old.name(), "gone", NodeId.CONTROLLER, null, null));
            }
        }
        return events;
    }

    /**
     * A broker's state as leaderlab shows it (RUNNING, FENCED, STALLED, STOPPED): the process when
     * leaderlab started it, else the controller's registration. A process that stops or pauses is a
     * fault leaderlab saw; one that the controller fences or unfences is the controller's doing.
     */
    private static void broker(long t, RealState.Broker old, RealState.Broker now, List<ObservedEvent> out) {
        String was = old == null ? "absent" : old.state();
        int id = now.id();
        String subject = "broker " + id;
        if (!was.equals(now.state())) {
            String detail = was + " -> " + now.state();
            ObservedEvent.Type type = now.state().equals("RUNNING")
                    ? ObservedEvent.Type.BROKER_UP
                    : was.equals("RUNNING") ? ObservedEvent.Type.BROKER_DOWN : ObservedEvent.Type.BROKER_STATE;
            EventDetail typed = switch (now.state()) {
                case "RUNNING" -> new EventDetail.BrokerUnfenced(id);
                case "STOPPED" ->
                    new EventDetail.FaultInjected(
                            EventDetail.FaultKind.KILL, List.of(id), subject + "'s process is gone (" + detail + ")");
                case "STALLED" ->
                    new EventDetail.FaultInjected(
                            EventDetail.FaultKind.STALL, List.of(id), subject + "'s process is paused (SIGSTOP)");
                default -> new EventDetail.BrokerFenced(id, fenceReason(was));
            };
            boolean process = typed instanceof EventDetail.FaultInjected;
            out.add(new ObservedEvent(
                    t, type, subject, detail, process ? NodeId.broker(id) : NodeId.CONTROLLER, null, typed));
            if (!process) {
                // RUNNING and FENCED are the controller's word already: no second event for it.
                return;
            }
        }
        String registered = old == null ? "UNREGISTERED" : old.registration();
        if (!registered.equals(now.registration()) && !now.state().equals("RUNNING")) {
            // The process is gone or paused, and now the controller acts on it (or on its return).
            boolean fenced = !now.registration().equals("UNFENCED");
            out.add(new ObservedEvent(
                    t,
                    ObservedEvent.Type.BROKER_STATE,
                    subject,
                    "controller: " + registered + " -> " + now.registration(),
                    NodeId.CONTROLLER,
                    null,
                    fenced ? new EventDetail.BrokerFenced(id, fenceReason(was)) : new EventDetail.BrokerUnfenced(id)));
        }
    }

    /** A broker that was running and is fenced timed out; one that was not asked for it (starting up). */
    private static EventDetail.FenceReason fenceReason(String was) {
        return was.equals("RUNNING") || was.equals("STOPPED") || was.equals("STALLED")
                ? EventDetail.FenceReason.SESSION_TIMEOUT
                : EventDetail.FenceReason.BROKER_ASKED;
    }

    private static void partition(
            long t, RealState.Partition was, RealState.Partition now, boolean uncleanAllowed, List<ObservedEvent> out) {
        String name = now.name();
        TopicPartition tp = new TopicPartition(now.topic(), now.partition());
        if (was.leader() != now.leader()) {
            boolean unclean = unclean(was, now, uncleanAllowed);
            out.add(new ObservedEvent(
                    t,
                    ObservedEvent.Type.LEADER_CHANGED,
                    name,
                    "leader " + leader(was.leader()) + " -> " + leader(now.leader()) + ", ISR " + listOrNone(now.isr()),
                    NodeId.CONTROLLER,
                    tp,
                    new EventDetail.LeaderElected(
                            was.leader(),
                            now.leader(),
                            now.leaderEpoch(),
                            unclean && !lastKnownLeader(was, now.leader())
                                    ? EventDetail.Election.UNCLEAN
                                    : now.replicas().isEmpty()
                                                    || now.leader()
                                                            != now.replicas().get(0)
                                            ? EventDetail.Election.ONLINE
                                            : EventDetail.Election.PREFERRED,
                            unclean,
                            () -> rule(was, now, unclean))));
        }
        if (!sorted(was.isr()).equals(sorted(now.isr()))) {
            EventDetail.IsrChanged change = EventDetail.IsrChanged.of(ints(was.isr()), ints(now.isr()), false);
            boolean shrunk = change.shrunk();
            out.add(new ObservedEvent(
                    t,
                    shrunk ? ObservedEvent.Type.ISR_SHRUNK : ObservedEvent.Type.ISR_EXPANDED,
                    name,
                    "ISR " + listOrNone(was.isr()) + " -> " + listOrNone(now.isr()),
                    NodeId.CONTROLLER,
                    tp,
                    change));
        }
        if (!sorted(was.elr()).equals(sorted(now.elr()))
                || !sorted(was.lastKnownElr()).equals(sorted(now.lastKnownElr()))) {
            out.add(new ObservedEvent(
                    t,
                    ObservedEvent.Type.ELR_CHANGED,
                    name,
                    "ELR " + listOrNone(was.elr()) + " -> " + listOrNone(now.elr()) + ", LastKnownElr "
                            + listOrNone(now.lastKnownElr()),
                    NodeId.CONTROLLER,
                    tp,
                    new EventDetail.ElrChanged(
                            ints(was.elr()), ints(now.elr()), ints(was.lastKnownElr()), ints(now.lastKnownElr()))));
        }
        if (!Objects.equals(was.replicas(), now.replicas())) {
            out.add(new ObservedEvent(
                    t,
                    ObservedEvent.Type.REPLICAS_CHANGED,
                    name,
                    "replicas " + list(was.replicas()) + " -> " + list(now.replicas()),
                    NodeId.CONTROLLER,
                    tp,
                    new EventDetail.Reassignment(
                            ints(was.replicas()), ints(now.replicas()), ints(now.adding()), ints(now.removing()))));
        }
    }

    /**
     * Whether an observed election was unclean. Polls see the ISR only now and then, and it may change in
     * between (a follower rejoins, then the leader dies), so a leader from outside the last observed ISR is
     * not proof. Unclean only if the new leader was in neither the last observed ISR nor its ELR, and Kafka
     * could have chosen it uncleanly: the topic allows unclean elections (unclean.leader.election.enable,
     * whatever its source), or the ISR and ELR were both empty and it was the last known leader (KIP-966's
     * recovery, an unclean election by Kafka's own account).
     */
    static boolean unclean(RealState.Partition was, RealState.Partition now, boolean uncleanAllowed) {
        int leader = now.leader();
        if (leader < 0 || was.isr().contains(leader) || was.elr().contains(leader)) {
            return false;
        }
        return uncleanAllowed || lastKnownLeader(was, leader);
    }

    /** KIP-966's recovery: with the ISR and ELR both empty, the last known leader may lead again. */
    private static boolean lastKnownLeader(RealState.Partition was, int leader) {
        return was.isr().isEmpty() && was.elr().isEmpty() && was.lastKnownElr().contains(leader);
    }

    /** An observed election: Kafka does not say which rule chose, only who leads now and who was in sync. */
    private static String rule(RealState.Partition was, RealState.Partition now, boolean unclean) {
        if (now.leader() < 0) {
            return "no replica leads";
        }
        String from = was.isr().contains(now.leader())
                ? "from the ISR " + Replicas.bracketed(ints(was.isr()))
                : was.elr().contains(now.leader())
                        ? "from the ELR " + Replicas.bracketed(ints(was.elr()))
                        : unclean
                                ? "from outside the ISR " + Replicas.bracketed(ints(was.isr()))
                                : "not in the last observed ISR " + Replicas.bracketed(ints(was.isr()))
                                        + ": the ISR changed between polls (unclean elections are off here)";
        return now.leader() + " now leads, " + from;
    }

    private static List<Integer> sorted(List<Integer> ids) {
        return ids.stream().sorted().toList();
    }

    static int[] ints(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    static String leader(int id) {
        return id < 0 ? "none" : Integer.toString(id);
    }

    /** A replica list in a sentence: 1,2,3, or "none". */
    static String listOrNone(List<Integer> ids) {
        return ids.isEmpty() ? "none" : list(ids);
    }

    /** As kafka-topics prints a replica list: 1,2,3, or empty. */
    static String list(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }
}
