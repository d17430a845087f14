package leaderlab.app.bench;

import java.io.PrintStream;
import java.util.Locale;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Message;
import leaderlab.cluster.runtime.Network;
import leaderlab.cluster.runtime.Node;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.runtime.SimulatedRuntime;
import leaderlab.cluster.runtime.Timer;

/**
 * The simulated runtime on its own: nodes that do almost nothing but send messages and set timers,
 * so the number measured is the scheduler, clock, network and dispatch, not Kafka's logic.
 */
public final class RuntimeCoreBench {

    private record Ping(int hops) implements Message {}

    private record Tick() implements Timer {}

    /** Forwards each ping to the next node and ticks every 10 ms, with a 3 s timeout that never matters. */
    private static final class Relay implements Node {
        private final int id;
        private final int nodes;
        private NodeContext context;

        Relay(int id, int nodes) {
            this.id = id;
            this.nodes = nodes;
        }

        @Override
        public void onStart(NodeContext nodeContext) {
            this.context = nodeContext;
            context.schedule(10, new Tick());
            context.send(Address.broker(1 + id % nodes), new Ping(0));
        }

        @Override
        public void onMessage(Address from, Message message) {
            context.send(Address.broker(1 + id % nodes), new Ping(((Ping) message).hops() + 1));
            context.schedule(3000, new Tick());
        }

        @Override
        public void onTimer(Timer timer) {
            context.schedule(10, new Tick());
        }
    }

    private final PrintStream out;

    public RuntimeCoreBench(PrintStream out) {
        this.out = out;
    }

    public void run(long events) {
        int nodes = 10;
        SimulatedRuntime runtime = new SimulatedRuntime(1, new Network(1, 1), new Journal());
        for (int id = 1; id <= nodes; id++) {
            runtime.start(Address.broker(id), new Relay(id, nodes));
        }
        runtime.advance(1000); // warm up
        long before = runtime.eventsProcessed();
        long start = System.nanoTime();
        while (runtime.eventsProcessed() - before < events) {
            runtime.advance(1000);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long handled = runtime.eventsProcessed() - before;
        out.printf(
                Locale.ROOT,
                "runtime core: %,d events in %.2f s wall = %,.0f events/s "
                        + "(10 nodes relaying messages, periodic and timeout timers; scheduler and dispatch only)%n",
                handled,
                wall,
                handled / wall);
        runtime.close();
    }
}
