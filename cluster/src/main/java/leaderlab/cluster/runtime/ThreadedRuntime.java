package leaderlab.cluster.runtime;

import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import leaderlab.cluster.journal.Journal;

/**
 * The live runtime: every node is its own named thread with a mailbox ordered by due time. Cluster
 * time is the wall clock scaled by a speed factor; pausing freezes it, and every node with it.
 * This is what a classroom watches: real threads and real races.
 */
public final class ThreadedRuntime implements NodeRuntime {

    /** One node's thread and mailbox. */
    private final class NodeThread implements NodeContext, Runnable {
        final Address address;
        final Node node;
        final int incarnation;
        final Random random;
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        final PriorityQueue<Delivery> mailbox = new PriorityQueue<>();
        final Thread thread;
        final Runnable wake = this::wake;
        /** Messages sent by the current handler, delivered after the node has published its view. */
        private final java.util.ArrayList<Object[]> outbox = new java.util.ArrayList<>();

        volatile boolean running = true;
        volatile long stalledUntil;

        NodeThread(Address address, Node node, int incarnation) {
            this.address = address;
            this.node = node;
            this.incarnation = incarnation;
            this.random = new Random(seed * 1_000_003L + address.hashCode() * 8191L + incarnation);
            this.thread = new Thread(this, "leaderlab-" + address.toString().replace(' ', '-'));
            this.thread.setDaemon(true);
        }

        void deliver(long dueMs, Address from, Object payload) {
            lock.lock();
            try {
                mailbox.add(new Delivery(dueMs, sequence.getAndIncrement(), address, incarnation, from, payload));
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        void wake() {
            lock.lock();
            try {
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        /** Blocks until the next item is due, or returns null once stopped. */
        private Delivery nextDue() throws InterruptedException {
            lock.lock();
            try {
                while (running) {
                    Delivery head = mailbox.peek();
                    if (head == null) {
                        changed.await();
                        continue;
                    }
                    long waitNanos = clock.wallNanosUntil(Math.max(head.timeMs, stalledUntil));
                    if (waitNanos == 0) {
                        return mailbox.poll();
                    }
                    if (waitNanos == Long.MAX_VALUE) {
                        changed.await();
                    } else {
                        changed.awaitNanos(waitNanos);
                    }
                }
                return null;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void run() {
            clock.onChange(wake);
            try {
                Delivery next;
                while ((next = nextDue()) != null) {
                    events.incrementAndGet();
                    try {
                        next.dispatchTo(node);
                        node.publish();
                        flushOutbox();
                    } catch (RuntimeException e) {
                        outbox.clear();
                        failures.incrementAndGet();
                        System.err.println("leaderlab: " + address + " failed handling "
                                + next.payload.getClass().getSimpleName() + ": " + e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                clock.removeListener(wake);
            }
        }

        void halt() {
            lock.lock();
            try {
                running = false;
                mailbox.clear();
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Address self() {
            return address;
        }

        @Override
        public long nowMs() {
            return clock.nowMs();
        }

        /**
         * Sends are held until the handler has returned and the node has published, so that whoever
         * reacts to a reply (the shell, another node) already sees the state that produced it.
         */
        @Override
        public void send(Address to, Message message) {
            outbox.add(new Object[] {to, message});
        }

        private void flushOutbox() {
            for (Object[] pending : outbox) {
                Address to = (Address) pending[0];
                long delay = network.deliveryDelayMs(address, to, clock.nowMs());
                NodeThread target = threads.get(to);
                if (delay >= 0 && target != null && target.running) {
                    target.deliver(clock.nowMs() + delay, address, pending[1]);
                }
            }
            outbox.clear();
        }

        @Override
        public void schedule(long delayMs, Timer timer) {
            deliver(clock.nowMs() + Math.max(0, delayMs), address, timer);
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
            stalledUntil = Math.max(stalledUntil, clock.nowMs() + durationMs);
        }

        @Override
        public void exit() {
            running = false;
        }
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Run by the waiting command thread on each poll (see {@link NodeRuntime#betweenSteps}). */
    private volatile Runnable betweenSteps = () -> {};

    private final long seed;
    private final Network network;
    private final Journal journal;
    private final ScaledClock clock = new ScaledClock();
    private final Map<Address, NodeThread> threads = new ConcurrentHashMap<>();
    private final Map<Address, Integer> incarnations = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public ThreadedRuntime(long seed, Network network, Journal journal) {
        this.seed = seed;
        this.network = network;
        this.journal = journal;
    }

    @Override
    public synchronized void start(Address address, Node node) {
        NodeThread old = threads.get(address);
        if (old != null && old.running) {
            throw new IllegalStateException(address + " is already running");
        }
        if (old != null) {
            join(old);
        }
        int incarnation = incarnations.merge(address, 1, Integer::sum);
        NodeThread thread = new NodeThread(address, node, incarnation);
        threads.put(address, thread);
        thread.deliver(clock.nowMs(), address, (Runnable) () -> node.onStart(thread));
        thread.thread.start();
    }

    @Override
    public synchronized void stop(Address address) {
        NodeThread thread = threads.get(address);
        if (thread != null) {
            thread.halt();
            join(thread);
        }
    }

    private static void join(NodeThread thread) {
        if (thread.thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning(Address address) {
        NodeThread thread = threads.get(address);
        return thread != null && thread.running;
    }

    @Override
    public void stall(Address address, long durationMs) {
        NodeThread thread = threads.get(address);
        if (thread != null && thread.running) {
            thread.stall(durationMs);
            thread.wake();
        }
    }

    @Override
    public long stalledUntil(Address address) {
        NodeThread thread = threads.get(address);
        return thread == null || thread.stalledUntil <= clock.nowMs() ? 0 : thread.stalledUntil;
    }

    @Override
    public void submit(Address address, Runnable task) {
        NodeThread thread = threads.get(address);
        if (thread == null || !thread.running) {
            throw new IllegalStateException(address + " is not running");
        }
        thread.deliver(clock.nowMs(), address, task);
    }

    @Override
    public long nowMs() {
        return clock.nowMs();
    }

    @Override
    public void betweenSteps(Runnable work) {
        this.betweenSteps = work;
    }

    @Override
    public void advance(long durationMs) {
        // Returns early only if the calling thread is interrupted (Ctrl-C in the shell).
        awaitCondition(() -> false, durationMs);
    }

    @Override
    public <T> T await(CompletableFuture<T> future, long timeoutMs) throws TimeoutException {
        long deadline = clock.nowMs() + timeoutMs;
        while (true) {
            betweenSteps.run();
            try {
                return future.get(
                        Math.max(1, Math.min(50, clock.wallNanosUntil(deadline) / 1_000_000)), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (clock.nowMs() >= deadline) {
                    throw new TimeoutException("no answer within " + timeoutMs + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException("interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("node future failed", e.getCause());
            }
        }
    }

    @Override
    public boolean awaitCondition(BooleanSupplier condition, long timeoutMs) {
        long deadline = clock.nowMs() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (clock.nowMs() >= deadline || Thread.currentThread().isInterrupted()) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(POLL_NANOS);
            betweenSteps.run();
        }
        return true;
    }

    @Override
    public void pause() {
        clock.pause();
    }

    @Override
    public void resume() {
        clock.resume();
    }

    @Override
    public boolean isPaused() {
        return clock.isPaused();
    }

    @Override
    public void setSpeed(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        clock.setSpeed(speed);
    }

    @Override
    public double speed() {
        return clock.speed();
    }

    @Override
    public long eventsProcessed() {
        return events.get();
    }

    /** Handler exceptions caught on node threads (each is a bug; the node keeps running). */
    public long failures() {
        return failures.get();
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
        return false;
    }

    /** Live node threads, for leak checks. */
    public int liveThreads() {
        return (int) threads.values().stream().filter(t -> t.thread.isAlive()).count();
    }

    @Override
    public synchronized void close() {
        threads.values().forEach(NodeThread::halt);
        threads.values().forEach(ThreadedRuntime::join);
    }
}
