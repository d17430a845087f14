package leaderlab.shell.command;

import java.util.List;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;

/** The completions commands declare: brokers, topics, partitions, fixed words, one per argument position. */
public final class Completions {

    /** Partition names offered per topic: past this a list helps nobody. */
    private static final int MAX_PARTITIONS_OFFERED = 200;

    private Completions() {}

    /** Fixed words, each with the same description. */
    public static Completion words(String description, String... values) {
        List<String> all = List.of(values);
        return (context, out) -> all.forEach(v -> out.offer(v, description));
    }

    /** Running brokers. */
    public static Completion runningBrokers() {
        return (context, out) -> brokers(context.snapshot(), Boolean.TRUE, out);
    }

    /** Stopped brokers. */
    public static Completion stoppedBrokers() {
        return (context, out) -> brokers(context.snapshot(), Boolean.FALSE, out);
    }

    /** Running controllers (quorum voters, ids 101..). */
    public static Completion runningControllers() {
        return (context, out) -> controllers(context.snapshot(), Boolean.TRUE, out);
    }

    /** Stopped controllers. */
    public static Completion stoppedControllers() {
        return (context, out) -> controllers(context.snapshot(), Boolean.FALSE, out);
    }

    /** Running brokers and controllers, and 'controller' for the active one: what kill, stall and isolate act on. */
    public static Completion runningNodes() {
        return both(both(runningBrokers(), runningControllers()), words("the active controller", "controller"));
    }

    /** Every broker and controller, running or not. */
    public static Completion allNodes() {
        return both(allBrokers(), (context, out) -> controllers(context.snapshot(), null, out));
    }

    public static Completion allBrokers() {
        return (context, out) -> brokers(context.snapshot(), null, out);
    }

    public static Completion topics() {
        return (context, out) ->
                context.snapshot().topics().forEach(t -> out.offer(t.name(), t.partitionCount() + " partition(s)"));
    }

    public static Completion partitions() {
        return (context, out) -> {
            for (TopicInfo topic : context.snapshot().topics()) {
                for (int p = 0; p < Math.min(topic.partitionCount(), MAX_PARTITIONS_OFFERED); p++) {
                    out.offer(topic.name() + "-" + p, "partition");
                }
            }
        };
    }

    public static Completion commands() {
        return (context, out) -> context.registry().all().forEach(c -> out.offer(c.name(), c.summary()));
    }

    /** Both of two completions. */
    public static Completion both(Completion first, Completion second) {
        return (context, out) -> {
            first.complete(context, out);
            second.complete(context, out);
        };
    }

    /** One completion per positional argument; past the last, the last applies again. */
    public static Completion byPosition(Completion... positions) {
        return (context, out) -> positions[Math.min(context.position(), positions.length - 1)].complete(context, out);
    }

    /** Only at the first positional argument. */
    public static Completion first(Completion completion) {
        return byPosition(completion, Completion.NONE);
    }

    private static void controllers(ClusterSnapshot snapshot, Boolean running, Completion.Sink out) {
        for (int id : snapshot.controllerIds()) {
            var view = snapshot.quorum().stream().filter(q -> q.id() == id).findFirst();
            if (running == null || view.isPresent() == running) {
                out.offer(
                        Integer.toString(id),
                        view.map(q -> "controller " + q.role().name().toLowerCase(java.util.Locale.ROOT))
                                .orElse("controller stopped"));
            }
        }
    }

    private static void brokers(ClusterSnapshot snapshot, Boolean running, Completion.Sink out) {
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            if (running == null || broker.running() == running) {
                out.offer(
                        Integer.toString(broker.id()),
                        "broker " + broker.state().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
