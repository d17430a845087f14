package leaderlab.cluster.runtime;

import java.util.Random;
import leaderlab.cluster.journal.Journal;

/** Everything a node may use from the outside world. Given by the runtime that runs the node. */
public interface NodeContext {

    Address self();

    /** Cluster time in milliseconds: virtual in the simulator, scaled wall time on threads. */
    long nowMs();

    /** Sends through the network, which may delay, drop or cut it. */
    void send(Address to, Message message);

    /** Calls {@link Node#onTimer} after {@code delayMs} of cluster time, unless the node stopped. */
    void schedule(long delayMs, Timer timer);

    /** Seeded per node: the only randomness a node may use. */
    Random random();

    Journal journal();

    /** Stops this node once the current handler returns, as a process exits after a clean shutdown. */
    void exit();
}
