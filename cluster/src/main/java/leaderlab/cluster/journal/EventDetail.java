package leaderlab.cluster.journal;

import java.util.List;
import java.util.function.Supplier;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.protocol.Errors;

/**
 * What an event says, as typed fields: readers (the loss ledger, {@code why}, colouring, the window,
 * tests) read these, never the words. Each kind knows its {@link EventType} and renders its sentence
 * on demand, so recording an event builds no string (a fence at 100k partitions records hundreds of
 * thousands of them). Arrays are never written after they are recorded. Quorum kinds: {@link QuorumEvents}.
 */
public sealed interface EventDetail extends QuorumEvents {

    EventType type();

    /** One sentence, without the partition name (the event adds it). */
    String text();

    non-sealed interface Quorum extends EventDetail {}

    /** The rule a leader was chosen by (Kafka's election kinds, as the controller ran them). */
    enum Election {
        PREFERRED,
        ONLINE,
        UNCLEAN
    }

    /** What kind of harm the operator did (or undid). */
    enum FaultKind {
        KILL,
        STALL,
        SLOW_DISK,
        NETWORK,
        TRIGGER
    }

    enum FenceReason {
        SESSION_TIMEOUT,
        BROKER_ASKED,
        CONTROLLED_SHUTDOWN_COMPLETE
    }

    enum Registration {
        FIRST,
        AFTER_CLEAN_SHUTDOWN,
        AFTER_CRASH
    }

    enum TruncationReason {
        DIVERGENCE,
        POWER_LOSS
    }

    record BrokerRegistered(int broker, long brokerEpoch, Registration registration) implements EventDetail {
        public EventType type() {
            return EventType.BROKER_REGISTERED;
        }

        public String text() {
            return "broker " + broker + " registered with broker epoch " + brokerEpoch
                    + ", fenced until it catches up with metadata";
        }
    }

    record BrokerFenced(int broker, FenceReason reason) implements EventDetail {
        public EventType type() {
            return EventType.BROKER_FENCED;
        }

        public String text() {
            return "broker " + broker + " fenced";
        }
    }

    record BrokerUnfenced(int broker) implements EventDetail {
        public EventType type() {
            return EventType.BROKER_UNFENCED;
        }

        public String text() {
            return "broker " + broker + " unfenced";
        }
    }

    record ControlledShutdownBegan(int broker, int leaderships) implements EventDetail {
        public EventType type() {
            return EventType.BROKER_CONTROLLED_SHUTDOWN;
        }

        public String text() {
            return "broker " + broker + " entered controlled shutdown; moving its " + leaderships
                    + " leadership(s) away";
        }
    }

    record BrokerStarted(int broker, long incarnation, boolean afterCleanShutdown) implements EventDetail {
        public EventType type() {
            return EventType.BROKER_STARTED;
        }

        public String text() {
            return "broker " + broker + " process started (incarnation " + incarnation + ")";
        }
    }

    record BrokerStopped(int broker) implements EventDetail {
        public EventType type() {
            return EventType.BROKER_STOPPED;
        }

        public String text() {
            return "broker " + broker + " stopped cleanly";
        }
    }

    record BrokerDemoted(int broker, boolean demoted) implements EventDetail {
        public EventType type() {
            return EventType.BROKER_DEMOTED;
        }

        public String text() {
            return "broker " + broker
                    + (demoted
                            ? " demoted: it leads only when no other in-sync replica is alive"
                            : " restored to normal leadership priority");
        }
    }

    record TopicCreated(String topic, int partitions, int replicationFactor) implements EventDetail {
        public EventType type() {
            return EventType.TOPIC_CREATED;
        }

        public String text() {
            return "created topic " + topic + " with " + partitions + " partition(s), replication factor "
                    + replicationFactor;
        }
    }

    /** @param topic the topic it applies to, or null for a cluster-wide (or client) setting */
    record ConfigChanged(String key, String value, String topic, boolean clientSide) implements EventDetail {
        public EventType type() {
            return EventType.CONFIG_CHANGED;
        }

        public String text() {
            return clientSide
                    ? "set client " + key + "=" + value
                    : "set " + key + "=" + value + " " + (topic == null ? "cluster-wide" : "for topic " + topic);
        }
    }

    record Reassignment(int[] oldReplicas, int[] newReplicas, int[] adding, int[] removing) implements EventDetail {
        public EventType type() {
            return EventType.REASSIGNMENT;
        }

        public boolean complete() {
            return adding.length == 0 && removing.length == 0;
        }

        public String text() {
            return "replicas " + Replicas.bracketed(oldReplicas) + " -> " + Replicas.bracketed(newReplicas)
                    + (complete()
                            ? " (reassignment complete)"
                            : " (adding " + Replicas.bracketed(adding) + ", removing " + Replicas.bracketed(removing)
                                    + ")");
        }
    }

    /**
     * @param oldLeader -1 when the partition had none
     * @param newLeader -1 when it has none now (offline)
     * @param leaderEpoch the new epoch, -1 when not known (an observed real cluster: it reads "unknown")
     * @param unclean   the new leader was chosen from outside the ISR
     * @param rule      how the election chose, written out only when read
     */
    record LeaderElected(
            int oldLeader, int newLeader, int leaderEpoch, Election election, boolean unclean, Supplier<String> rule)
            implements EventDetail {
        public EventType type() {
            return EventType.LEADER_ELECTED;
        }

        public boolean offline() {
            return newLeader < 0;
        }

        public String text() {
            return "leader " + leaderName(oldLeader) + " -> " + leaderName(newLeader) + ", leader epoch "
                    + Replicas.epoch(leaderEpoch) + "; " + electionName()
                    + " election: " + rule.get();
        }

        /** An unclean choice outside an UNCLEAN election is Kafka's last-known-leader election (ELR). */
        private String electionName() {
            return unclean && election != Election.UNCLEAN ? "UNCLEAN (last known leader)" : election.toString();
        }

        private static String leaderName(int leader) {
            return leader < 0 ? "none" : Integer.toString(leader);
        }
    }

    /** @param unclean the change came with an unclean election: the partition is RECOVERING */
    record IsrChanged(int[] oldIsr, int[] newIsr, boolean shrunk, boolean unclean) implements EventDetail {
        public static IsrChanged of(int[] oldIsr, int[] newIsr, boolean unclean) {
            boolean shrunk = newIsr.length < oldIsr.length || !Replicas.containsAll(newIsr, oldIsr);
            return new IsrChanged(oldIsr, newIsr, shrunk, unclean);
        }

        public EventType type() {
            return shrunk ? EventType.ISR_SHRUNK : EventType.ISR_EXPANDED;
        }

        public String text() {
            return "ISR " + Replicas.bracketed(oldIsr) + " -> " + Replicas.bracketed(newIsr)
                    + (unclean ? " (unclean election: RECOVERING)" : "");
        }
    }

    record BecameLeader(int broker, int leaderEpoch, long epochStartOffset) implements EventDetail {
        public EventType type() {
            return EventType.BECAME_LEADER;
        }

        public String text() {
            return "broker " + broker + " became leader at leader epoch " + leaderEpoch + ", epoch starts at offset "
                    + epochStartOffset;
        }
    }

    record BecameFollower(int broker, int leader, int leaderEpoch) implements EventDetail {
        public EventType type() {
            return EventType.BECAME_FOLLOWER;
        }

        public String text() {
            return "broker " + broker + " follows broker " + leader + " at leader epoch " + leaderEpoch;
        }
    }

    /** A reassignment removed the broker's replica: it stops following and deletes its log. */
    record ReplicaDeleted(int broker) implements EventDetail {
        public EventType type() {
            return EventType.BECAME_FOLLOWER;
        }

        public String text() {
            return "replica on broker " + broker + " stopped and deleted";
        }
    }

    record HwAdvanced(int leader, long fromOffset, long toOffset, int[] isr) implements EventDetail {
        public EventType type() {
            return EventType.HW_ADVANCED;
        }

        public String text() {
            return "HW " + fromOffset + " -> " + toOffset + " on leader " + leader + ": every replica in ISR "
                    + Replicas.bracketed(isr) + " has the records below it";
        }
    }

    /**
     * The broker's log shrank from {@code fromOffset} (its old end) to {@code toOffset}.
     *
     * @param firstEpoch leader epoch of the first removed record (-1 when unknown: a power loss)
     * @param lastEpoch  leader epoch of the last removed record (-1 when unknown)
     */
    record Truncated(int broker, long fromOffset, long toOffset, int firstEpoch, int lastEpoch, TruncationReason reason)
            implements EventDetail {
        public EventType type() {
            return EventType.TRUNCATED;
        }

        public String text() {
            String removed = "offsets " + toOffset + "-" + (fromOffset - 1);
            if (reason == TruncationReason.POWER_LOSS) {
                return "broker " + broker + " lost unflushed " + removed + " in the power loss";
            }
            return "broker " + broker + " truncated from " + fromOffset + " to " + toOffset + ", removing " + removed
                    + " (epoch" + (toOffset == fromOffset - 1 ? " " : "s ") + firstEpoch
                    + (lastEpoch != firstEpoch ? ".." + lastEpoch : "") + ")";
        }
    }

    /**
     * @param baseOffset  first offset, or -1 when not known
     * @param endOffset   one past the last
     * @param unanswered  acks=0: appended, and the producer gets no answer
     */
    record ProduceAcked(int leader, long baseOffset, long endOffset, boolean unanswered) implements EventDetail {
        public EventType type() {
            return EventType.PRODUCE_ACKED;
        }

        public String text() {
            return unanswered
                    ? "appended offsets " + baseOffset + "-" + (endOffset - 1) + " (acks=0, no response)"
                    : "produce acknowledged" + range(baseOffset, endOffset);
        }
    }

    /** The eligible leader replicas (KIP-966) or the last known one changed. */
    record ElrChanged(int[] oldElr, int[] newElr, int[] oldLastKnownElr, int[] newLastKnownElr) implements EventDetail {
        public EventType type() {
            return EventType.ELR_CHANGED;
        }

        public String text() {
            return "ELR " + Replicas.bracketed(oldElr) + " -> " + Replicas.bracketed(newElr) + ", LastKnownElr "
                    + Replicas.bracketed(oldLastKnownElr) + " -> " + Replicas.bracketed(newLastKnownElr);
        }
    }

    /** What a client saw of a failed attempt: kinds in files of their own, as this file is at its size limit. */
    sealed interface ClientAttempt extends EventDetail permits ProduceAttemptFailed, ConsumeAttemptFailed {}

    /** A leader's error answer to a produce request; whether the produce failed is the producer's to say. */
    record ProduceFailed(int leader, Errors error, long baseOffset, long endOffset) implements EventDetail {
        public EventType type() {
            return EventType.PRODUCE_REJECTED;
        }

        public String text() {
            return "produce request rejected with " + error.name() + range(baseOffset, endOffset);
        }
    }

    /** @param brokers the brokers it is done to (none for a trigger; every named one for a network split) */
    record FaultInjected(FaultKind kind, List<Integer> brokers, String description) implements EventDetail {
        public EventType type() {
            return EventType.FAULT_INJECTED;
        }

        public String text() {
            return description;
        }
    }

    record FaultHealed(FaultKind kind, List<Integer> brokers, String description) implements EventDetail {
        public EventType type() {
            return EventType.FAULT_HEALED;
        }

        public String text() {
            return description;
        }
    }

    record InvariantViolated(String invariant, String where, String message) implements EventDetail {
        public EventType type() {
            return EventType.INVARIANT_VIOLATED;
        }

        public String text() {
            return "INVARIANT " + invariant + " violated on " + where + ": " + message;
        }
    }

    /** @param despiteSafeConfig the configuration had promised these records were safe */
    record RecordsLost(int count, long fromOffset, long toOffset, List<Integer> missingOn, boolean despiteSafeConfig)
            implements EventDetail {
        public EventType type() {
            return EventType.RECORDS_LOST;
        }

        public String text() {
            return "lost " + count + " acknowledged record(s) at offsets " + fromOffset
                    + (toOffset > fromOffset ? "-" + toOffset : "") + ", missing on broker(s) " + missingOn
                    + (despiteSafeConfig ? " DESPITE A SAFE CONFIGURATION" : "");
        }
    }

    private static String range(long baseOffset, long endOffset) {
        return baseOffset < 0 ? "" : " offsets " + baseOffset + "-" + (endOffset - 1);
    }
}
