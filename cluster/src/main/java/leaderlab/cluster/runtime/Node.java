package leaderlab.cluster.runtime;

/**
 * A single-threaded participant: a broker, the controller or a client. The runtime calls exactly one
 * of these methods at a time and each runs to completion. A node never blocks, sleeps, starts threads,
 * reads the wall clock or uses randomness other than {@link NodeContext#random()}: that is what lets
 * the same code run on real threads and in the deterministic simulator.
 */
public interface Node {

    /** Called once, before any message or timer, when the node (re)starts. */
    void onStart(NodeContext context);

    void onMessage(Address from, Message message);

    void onTimer(Timer timer);

    /**
     * Called after every handler: publish an immutable view of what changed, for readers on other
     * threads. Nodes whose state did not change return at once.
     */
    default void publish() {}
}
