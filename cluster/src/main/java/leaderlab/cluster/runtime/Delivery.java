package leaderlab.cluster.runtime;

/**
 * One thing a node will handle at a cluster time: a message, a timer or an outside task. Ordered by
 * (time, sequence), so simultaneous items run in the order they were created, which makes the
 * simulator deterministic.
 */
final class Delivery implements Comparable<Delivery> {

    final long timeMs;
    final long sequence;
    final Address target;
    final int incarnation;
    final Address from;
    final Object payload;

    Delivery(long timeMs, long sequence, Address target, int incarnation, Address from, Object payload) {
        this.timeMs = timeMs;
        this.sequence = sequence;
        this.target = target;
        this.incarnation = incarnation;
        this.from = from;
        this.payload = payload;
    }

    /** Hands this item to the node's matching handler. */
    void dispatchTo(Node node) {
        if (payload instanceof Message message) {
            node.onMessage(from, message);
        } else if (payload instanceof Timer timer) {
            node.onTimer(timer);
        } else {
            ((Runnable) payload).run();
        }
    }

    @Override
    public int compareTo(Delivery other) {
        int byTime = Long.compare(timeMs, other.timeMs);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
