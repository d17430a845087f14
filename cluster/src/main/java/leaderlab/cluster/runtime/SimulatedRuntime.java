package leaderlab.cluster.runtime;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import leaderlab.cluster.journal.Journal;

/**
 * The deterministic runtime: one thread, a virtual clock and one queue of (time, sequence) items for
 * all nodes. Every random choice comes from the seed, so the same seed and the same calls give the
 * same run, bit for bit. Time moves only inside {@link #advance}, {@link #await} and
 * {@link #awaitCondition}, as fast as the CPU allows.
 */
public final class SimulatedRuntime implements NodeRuntime {

    private final class Slot implements NodeContext {
        final Address address;
        final Node node;
        final int incarnation;
        final Random random;
        boolean running = true;
        long stalledUntil;
        /**
         * What arrived while it was stalled, in arrival order; drained one item per event once it wakes,
         * and anything arriving before the backlog is empty (even at the waking instant) joins its end.
         * A {@link #WAKE} for the slot is queued exactly while the backlog is not empty.
         */
        final ArrayDeque<Delivery> backlog = new ArrayDeque<>();

        Slot(Address address, Node node, int incarnation) {
            this.address = address;
            this.node = node;
            this.incarnation = incarnation;
            this.random = new Random(seed * 1_000_003L + address.hashCode() * 8191L + incarnation);
        }

        @Override
        public Address self() {
            return address;
        }

        @Override
        public long nowMs() {
            return nowMs;
        }

        @Override
        public void send(Address to, Message message) {
            long delay = network.deliveryDelayMs(address, to, nowMs);
            if (delay >= 0) {
                Slot target = slots.get(to);
                if (target != null && target.running) {
                    enqueue(nowMs + delay, target, address, message);
                }
            }
        }

        @Override
        public void schedule(long delayMs, Timer timer) {
            enqueue(nowMs + Math.max(0, delayMs), this, address, timer);
        }

        @Override
        public Random random() {
            return random;
        }

        @Override
        public Journal journal() {
            return journal;
        }

        void stall(long durationMs) {
            stalledUntil = Math.max(stalledUntil, nowMs + durationMs);
        }

        @Override
        public void exit() {
            running = false;
            publishNodes();
        }
    }

    /** The queue item that hands a woken node the next item of its backlog. */
    private static final Object WAKE = new Object();

    private final long seed;
    private final Network network;
    private final Journal journal;
    private final EventQueue queue = new EventQueue();
    private final Map<Address, Slot> slots = new HashMap<>();
    private final Map<Address, Integer> incarnations = new HashMap<>();
    /** Volatile: readers on other threads (the window's snapshots) ask the time. */
    private volatile long nowMs;

    private long sequence;
    private long eventsProcessed;
    private volatile boolean paused;
    /** The nodes as readers on other threads see them; {@link #slots} is the simulator's own. */
    private volatile NodesView published = new NodesView(Set.of(), Map.of());

    private Runnable afterEachEvent = () -> {};
    private Runnable betweenSteps = () -> {};

    public SimulatedRuntime(long seed, Network network, Journal journal) {
        this.seed = seed;
        this.network = network;
        this.journal = journal;
    }

    /** A check to run after every handled event (the safety checker). */
    public void afterEachEvent(Runnable check) {
        this.afterEachEvent = check;
    }

    @Override
    public void betweenSteps(Runnable work) {
        this.betweenSteps = work;
    }

    /** Which nodes run and which are stalled until when: immutable, replaced on every change. */
    private record NodesView(Set<Address> running, Map<Address, Long> stalledUntil) {}

    private void publishNodes() {
        Set<Address> running = new HashSet<>();
        Map<Address, Long> stalls = new HashMap<>();
        slots.forEach((address, slot) -> {
            if (slot.running) {
                running.add(address);
                if (slot.stalledUntil > 0) {
                    stalls.put(address, slot.stalledUntil);
                }
            }
        });
        published = new NodesView(Set.copyOf(running), Map.copyOf(stalls));
    }

    public long seed() {
        return seed;
    }

    private void enqueue(long timeMs, Slot target, Address from, Object payload) {
        queue.add(new Delivery(timeMs, sequence++, target.address, target.incarnation, from, payload));
    }

    @Override
    public void start(Address address, Node node) {
        Slot old = slots.get(address);
        if (old != null && old.running) {
            throw new IllegalStateException(address + " is already running");
        }
        int incarnation = incarnations.merge(address, 1, Integer::sum);
        Slot slot = new Slot(address, node, incarnation);
        slots.put(address, slot);
        publishNodes();
        enqueue(nowMs, slot, address, (Runnable) () -> node.onStart(slot));
    }

    @Override
    public void stop(Address address) {
        Slot slot = slots.get(address);
        if (slot != null) {
            slot.running = false;
            publishNodes();
        }
    }

    /** Safe from any thread. */
    @Override
    public boolean isRunning(Address address) {
        return published.running().contains(address);
    }

    @Override
    public void stall(Address address, long durationMs) {
        Slot slot = slots.get(address);
        if (slot != null && slot.running) {
            slot.stall(durationMs);
            publishNodes();
        }
    }

    /** Safe from any thread. */
    @Override
    public long stalledUntil(Address address) {
        long until = published.stalledUntil().getOrDefault(address, 0L);
        return until <= nowMs ? 0 : until;
    }

    @Override
    public void submit(Address address, Runnable task) {
        Slot slot = slots.get(address);
        if (slot == null || !slot.running) {
            throw new IllegalStateException(address + " is not running");
        }
        enqueue(nowMs, slot, address, task);
    }

    @Override
    public long nowMs() {
        return nowMs;
    }

    /** Handles the next item if it is due no later than {@code limitMs}; false if there is none. */
    private boolean stepUntil(long limitMs) {
        Delivery next = queue.peek();
        if (next == null || next.timeMs > limitMs) {
            return false;
        }
        queue.poll();
        nowMs = next.timeMs;
        Slot slot = slots.get(next.target);
        if (slot == null || !slot.running || slot.incarnation != next.incarnation) {
            return true;
        }
        if (next.payload == WAKE) {
            if (slot.stalledUntil > nowMs) {
                queueWake(slot); // stalled again meanwhile
                return true;
            }
            next = slot.backlog.poll();
            if (!slot.backlog.isEmpty()) {
                queueWake(slot);
            }
        } else if (slot.stalledUntil > nowMs || !slot.backlog.isEmpty()) {
            // A stalled node handles nothing until it wakes, and then what arrived meanwhile, in arrival
            // order (re-queueing each item whenever the stall moved let a later one overtake onStart).
            slot.backlog.add(next);
            if (slot.backlog.size() == 1) {
                queueWake(slot);
            }
            return true;
        }
        eventsProcessed++;
        next.dispatchTo(slot.node);
        slot.node.publish();
        afterEachEvent.run();
        return true;
    }

    private void queueWake(Slot slot) {
        queue.add(new Delivery(
                Math.max(nowMs, slot.stalledUntil), sequence++, slot.address, slot.incarnation, slot.address, WAKE));
    }

    /** Handles up to {@code count} items, however far in the future; returns how many ran. */
    public int step(int count) {
        int done = 0;
        while (done < count && stepUntil(Long.MAX_VALUE)) {
            done++;
            betweenSteps.run();
        }
        return done;
    }

    /** True when the caller was interrupted (Ctrl-C in the shell); checked every few thousand events. */
    private boolean interrupted() {
        return (eventsProcessed & 4095) == 0 && Thread.currentThread().isInterrupted();
    }

    @Override
    public void advance(long durationMs) {
        long deadline = nowMs + durationMs;
        while (stepUntil(deadline)) {
            betweenSteps.run();
            if (interrupted()) {
                return;
            }
        }
        nowMs = Math.max(nowMs, deadline);
    }

    @Override
    public <T> T await(CompletableFuture<T> future, long timeoutMs) throws TimeoutException {
        long deadline = nowMs + timeoutMs;
        while (!future.isDone()) {
            if (!stepUntil(deadline)) {
                nowMs = Math.max(nowMs, deadline);
                throw new TimeoutException("no answer within " + timeoutMs + " ms");
            }
            betweenSteps.run();
        }
        try {
            return future.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("simulated future failed", e);
        }
    }

    @Override
    public boolean awaitCondition(BooleanSupplier condition, long timeoutMs) {
        long deadline = nowMs + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (!stepUntil(deadline)) {
                nowMs = Math.max(nowMs, deadline);
                return condition.getAsBoolean();
            }
            betweenSteps.run();
            if (interrupted()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public void setSpeed(double speed) {
        // Simulated time only moves when asked; speed has no meaning here.
    }

    @Override
    public double speed() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public long eventsProcessed() {
        return eventsProcessed;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public boolean isSimulated() {
        return true;
    }

    @Override
    public void close() {
        slots.values().forEach(slot -> slot.running = false);
        publishNodes();
        queue.clear();
    }
}
