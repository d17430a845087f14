package leaderlab.cluster;

import java.util.List;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventDetail.FaultKind;
import leaderlab.cluster.runtime.NetworkFault;

/**
 * A fault the operator injects, as a value: whom it is done to, what it is in words (its journal
 * detail), and how it is applied. {@link FaultInjector} applies it; the facade validates first.
 */
sealed interface Fault {

    /** Applies the fault and journals it; returns the journal event's sequence number. */
    long applyTo(FaultInjector on);

    /** What the journal says about it. */
    EventDetail detail();

    /** A crash: the process stops at once, its log stays on disk (less what was unflushed, on power loss). */
    record Crash(int broker, boolean powerLoss) implements Fault {
        public long applyTo(FaultInjector on) {
            if (powerLoss) {
                on.powerOff(broker);
            }
            on.stop(broker);
            long seq = on.record(detail());
            if (powerLoss) {
                on.loseUnflushed(broker, seq);
            }
            return seq;
        }

        public EventDetail detail() {
            return new EventDetail.FaultInjected(
                    FaultKind.KILL,
                    List.of(broker),
                    "broker " + broker + " killed (crash, no controlled shutdown" + (powerLoss ? ", power loss" : "")
                            + ")");
        }
    }

    /** A stop-the-world pause (GC): the broker's thread and timers stall, then it resumes on stale state. */
    record Pause(int broker, long durationMs) implements Fault {
        public long applyTo(FaultInjector on) {
            on.stall(broker, durationMs);
            return on.record(detail());
        }

        public EventDetail detail() {
            return new EventDetail.FaultInjected(
                    FaultKind.STALL,
                    List.of(broker),
                    "broker " + broker + " process paused for " + durationMs
                            + " ms (a stop-the-world pause: no heartbeats, no fetches, no answers)");
        }
    }

    /** A controller crash: its metadata log and vote stay on disk (as KRaft's quorum-state file). */
    record ControllerCrash(int controller) implements Fault {
        public long applyTo(FaultInjector on) {
            on.stopController(controller);
            return on.record(detail());
        }

        public EventDetail detail() {
            return new EventDetail.FaultInjected(
                    FaultKind.KILL,
                    List.of(controller),
                    "controller " + controller + " killed (its metadata log and vote stay on disk)");
        }
    }

    /** A controller's stop-the-world pause: no votes, no fetches, no answers until it resumes. */
    record ControllerPause(int controller, long durationMs) implements Fault {
        public long applyTo(FaultInjector on) {
            on.stallController(controller, durationMs);
            return on.record(detail());
        }

        public EventDetail detail() {
            return new EventDetail.FaultInjected(
                    FaultKind.STALL,
                    List.of(controller),
                    "controller " + controller + " process paused for " + durationMs
                            + " ms (no votes, no fetches, no answers)");
        }
    }

    /** A slow disk: every append keeps the broker busy {@code latencyMs}; 0 heals it. */
    record SlowDisk(int broker, long latencyMs) implements Fault {
        public long applyTo(FaultInjector on) {
            on.slowDisk(broker, latencyMs);
            return on.record(detail());
        }

        public EventDetail detail() {
            return latencyMs > 0
                    ? new EventDetail.FaultInjected(
                            FaultKind.SLOW_DISK,
                            List.of(broker),
                            "broker " + broker + " has a slow disk: each append takes " + latencyMs + " ms")
                    : new EventDetail.FaultHealed(
                            FaultKind.SLOW_DISK, List.of(broker), "broker " + broker + " disk healthy again");
        }
    }

    /** Links cut, lossy or slow; {@code brokers} are the ones it is done to, for readers of the journal. */
    record NetworkCut(NetworkFault fault, List<Integer> brokers) implements Fault {
        public long applyTo(FaultInjector on) {
            on.addNetworkFault(fault);
            return on.record(detail());
        }

        public EventDetail detail() {
            return new EventDetail.FaultInjected(FaultKind.NETWORK, brokers, fault.description());
        }
    }

    /** Every network fault removed. */
    record NetworkHeal() implements Fault {
        public long applyTo(FaultInjector on) {
            on.healNetwork();
            return on.record(detail());
        }

        public EventDetail detail() {
            return new EventDetail.FaultHealed(FaultKind.NETWORK, List.of(), "network healed: every link works again");
        }
    }
}
