package leaderlab.cluster.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.journal.Journal;
import org.junit.jupiter.api.Test;

/**
 * A stalled node handles what arrived during the stall in arrival order, before anything newer. Chaos
 * seed 562 (restart a controller, stall it at once, stall it again; a fetch answer arrives meanwhile)
 * re-queued each deferred item whenever the stall moved, so the answer overtook the node's onStart.
 */
class StalledNodeOrderTest {

    private record Ping(int n) implements Message {}

    private record Tick() implements Timer {}

    /** Writes down what it handles, in order. */
    private static final class Recorder implements Node {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onStart(NodeContext context) {
            seen.add("start");
            context.schedule(0, new Tick());
        }

        @Override
        public void onMessage(Address from, Message message) {
            seen.add("ping " + ((Ping) message).n());
        }

        @Override
        public void onTimer(Timer timer) {
            seen.add("tick");
        }
    }

    /** Sends a ping to the recorder when a task tells it to. */
    private static final class Sender implements Node {
        NodeContext context;

        @Override
        public void onStart(NodeContext nodeContext) {
            this.context = nodeContext;
        }

        @Override
        public void onMessage(Address from, Message message) {}

        @Override
        public void onTimer(Timer timer) {}
    }

    @Test
    void aRestartedNodeWhoseStallIsExtendedStartsBeforeItHandlesWhatArrivedMeanwhile() {
        SimulatedRuntime runtime = new SimulatedRuntime(1, new Network(5, 1), new Journal());
        Address target = Address.broker(1);
        Sender sender = new Sender();
        runtime.start(Address.broker(2), sender);
        runtime.start(target, new Recorder());
        runtime.advance(10);
        runtime.stop(target);
        Recorder restarted = new Recorder();
        runtime.start(target, restarted);
        runtime.stall(target, 10);
        runtime.advance(2);
        // Stalled again before the first stall ends; a message arrives in between (as a controller's
        // fetch answer did, for the request its previous incarnation sent).
        runtime.stall(target, 30);
        runtime.submit(Address.broker(2), () -> sender.context.send(target, new Ping(1)));
        runtime.advance(50);
        assertEquals(List.of("start", "ping 1", "tick"), restarted.seen);
    }
}
