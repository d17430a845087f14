package leaderlab.cluster.client;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The producer's limit of max.in.flight.requests.per.connection: at most that many produce requests
 * wait for an answer from one broker; a batch beyond it waits its turn (Kafka's Sender does not drain a
 * partition whose leader's connection is full). Runs on the client's thread only.
 */
final class InFlightRequests {

    private final Map<Integer, Integer> inFlight = new HashMap<>();
    private final Map<Integer, Queue<Runnable>> waiting = new HashMap<>();

    /** Runs {@code send} now if broker {@code broker} has room for {@code limit} requests, else when it has. */
    void send(int broker, int limit, Runnable send) {
        int busy = inFlight.getOrDefault(broker, 0);
        if (busy < limit) {
            inFlight.put(broker, busy + 1);
            send.run();
        } else {
            waiting.computeIfAbsent(broker, b -> new ArrayDeque<>()).add(send);
        }
    }

    /** A request to {@code broker} was answered or failed: the next waiting one goes. */
    void done(int broker) {
        Queue<Runnable> queue = waiting.get(broker);
        Runnable next = queue == null ? null : queue.poll();
        if (next != null) {
            next.run();
        } else {
            inFlight.merge(broker, -1, Integer::sum);
        }
    }
}
