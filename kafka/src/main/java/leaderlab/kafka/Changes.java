package leaderlab.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The events between two states of a real cluster: what differs, field by field. */
final class Changes {

    private Changes() {}

    static List<ObservedEvent> between(RealState before, RealState after) {
        List<ObservedEvent> events = new ArrayList<>();
        long t = after.timeMs();
        for (RealState.Broker broker : after.brokers()) {
            RealState.Broker old = before.broker(broker.id());
            String was = old == null ? "absent" : old.state();
            if (!was.equals(broker.state())) {
                ObservedEvent.Type type = broker.state().equals("RUNNING")
                        ? ObservedEvent.Type.BROKER_UP
                        : was.equals("RUNNING") ? ObservedEvent.Type.BROKER_DOWN : ObservedEvent.Type.BROKER_STATE;
                events.add(new ObservedEvent(t, type, "broker " + broker.id(), was + " -> " + broker.state()));
            }
        }
        for (RealState.Broker old : before.brokers()) {
            if (after.broker(old.id()) == null) {
                events.add(
                        new ObservedEvent(t, ObservedEvent.Type.BROKER_DOWN, "broker " + old.id(), "left the cluster"));
            }
        }
        for (RealState.Topic topic : after.topics()) {
            RealState.Topic old = before.topic(topic.name());
            if (old == null) {
                events.add(new ObservedEvent(
                        t,
                        ObservedEvent.Type.TOPIC_CREATED,
                        topic.name(),
                        topic.partitions().size() + " partition(s)"));
                continue;
            }
            for (RealState.Partition p : topic.partitions()) {
                RealState.Partition was = before.partition(topic.name(), p.partition());
                if (was != null) {
                    partition(t, was, p, events);
                }
            }
        }
        for (RealState.Topic old : before.topics()) {
            if (after.topic(old.name()) == null) {
                events.add(new ObservedEvent(t, ObservedEvent.Type.TOPIC_DELETED, old.name(), "gone"));
            }
        }
        return events;
    }

    private static void partition(long t, RealState.Partition was, RealState.Partition now, List<ObservedEvent> out) {
        String name = now.name();
        if (was.leader() != now.leader()) {
            out.add(new ObservedEvent(
                    t,
                    ObservedEvent.Type.LEADER_CHANGED,
                    name,
                    "leader " + leader(was.leader()) + " -> " + leader(now.leader()) + ", ISR "
                            + listOrNone(now.isr())));
        }
        if (!was.isr().equals(now.isr())) {
            boolean shrunk = now.isr().size() < was.isr().size();
            out.add(new ObservedEvent(
                    t,
                    shrunk ? ObservedEvent.Type.ISR_SHRUNK : ObservedEvent.Type.ISR_EXPANDED,
                    name,
                    "ISR " + listOrNone(was.isr()) + " -> " + listOrNone(now.isr())));
        }
        if (!was.elr().equals(now.elr()) || !was.lastKnownElr().equals(now.lastKnownElr())) {
            out.add(new ObservedEvent(
                    t,
                    ObservedEvent.Type.ELR_CHANGED,
                    name,
                    "ELR " + listOrNone(was.elr()) + " -> " + listOrNone(now.elr()) + ", LastKnownElr "
                            + listOrNone(now.lastKnownElr())));
        }
        if (!Objects.equals(was.replicas(), now.replicas())) {
            out.add(new ObservedEvent(
                    t,
                    ObservedEvent.Type.REPLICAS_CHANGED,
                    name,
                    "replicas " + list(was.replicas()) + " -> " + list(now.replicas())));
        }
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
