package leaderlab.cluster.controller;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.metadata.BrokerRegistration;
import leaderlab.cluster.metadata.BrokerRegistration.State;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.protocol.ControllerApi.BrokerHeartbeatRequest;
import leaderlab.cluster.protocol.ControllerApi.BrokerHeartbeatResponse;
import leaderlab.cluster.protocol.ControllerApi.BrokerRegistrationRequest;
import leaderlab.cluster.protocol.ControllerApi.BrokerRegistrationResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.runtime.NodeContext;

/**
 * Broker registration, heartbeats and fencing (Kafka's ClusterControlManager and
 * BrokerHeartbeatManager): the heartbeat state machine of §4.3 and the controlled-shutdown handshake of
 * §4.4. Partition effects of each transition are delegated to {@link ReplicationControl}.
 */
final class ClusterControl {

    private final NodeContext context;
    private final MetadataImage image;
    private final MetadataLog log;
    private final ReplicationControl replication;
    private final SortedMap<Integer, BrokerSession> sessions = new TreeMap<>();
    /** An immutable copy of {@link #sessions} for readers, made again only after a change. */
    private SortedMap<Integer, BrokerSession> sessionsView;

    ClusterControl(NodeContext context, MetadataImage image, MetadataLog log, ReplicationControl replication) {
        this.context = context;
        this.image = image;
        this.log = log;
        this.replication = replication;
    }

    private long sessionTimeoutMs() {
        return image.configs().getLong(ConfigKey.BROKER_SESSION_TIMEOUT_MS);
    }

    BrokerRegistrationResponse register(BrokerRegistrationRequest request) {
        long now = context.nowMs();
        BrokerRegistration existing = image.broker(request.brokerId());
        BrokerSession session = sessions.get(request.brokerId());
        if (existing != null
                && existing.incarnation() != request.incarnation()
                && !existing.fenced()
                && session != null
                && now - session.lastContactMs() < sessionTimeoutMs()) {
            return new BrokerRegistrationResponse(Errors.DUPLICATE_BROKER_REGISTRATION, -1, request.incarnation());
        }
        if (existing != null && existing.incarnation() == request.incarnation()) {
            return new BrokerRegistrationResponse(Errors.NONE, existing.epoch(), request.incarnation());
        }
        long epoch = log.endOffset();
        // Demotion is the operator's decision about the broker id, so it outlives restarts.
        log.append(new MetadataRecord.RegisterBroker(new BrokerRegistration(
                request.brokerId(),
                epoch,
                request.incarnation(),
                request.rack(),
                State.FENCED,
                existing != null && existing.demoted())));
        sessions.put(request.brokerId(), new BrokerSession(now, -1, -1));
        sessionsView = null;
        EventDetail.Registration registration = existing == null
                ? EventDetail.Registration.FIRST
                : request.previousBrokerEpoch() == existing.epoch()
                        ? EventDetail.Registration.AFTER_CLEAN_SHUTDOWN
                        : EventDetail.Registration.AFTER_CRASH;
        // Kafka 4.x clean-shutdown detection: a new incarnation is clean only if it presents the epoch it
        // saved at a clean shutdown, and that is the epoch the controller last registered.
        boolean elr = replication.elrEnabled();
        String shutdown = switch (registration) {
            case FIRST -> "first registration";
            case AFTER_CLEAN_SHUTDOWN -> "restart after a clean shutdown";
            case AFTER_CRASH ->
                "restart after an unclean shutdown (crash): its log may lack unflushed records"
                        + (elr ? ", so it leaves every ISR and ELR it was in" : "");
        };
        long seq = journal(new EventDetail.BrokerRegistered(request.brokerId(), epoch, registration), shutdown, -1);
        if (registration == EventDetail.Registration.AFTER_CRASH) {
            replication.brokerUncleanlyShutDown(
                    request.brokerId(),
                    new Cause("broker " + request.brokerId() + " restarted after an unclean shutdown", seq));
        }
        return new BrokerRegistrationResponse(Errors.NONE, epoch, request.incarnation());
    }

    BrokerHeartbeatResponse heartbeat(BrokerHeartbeatRequest request) {
        BrokerRegistration registration = image.broker(request.brokerId());
        if (registration == null || registration.epoch() != request.brokerEpoch()) {
            return new BrokerHeartbeatResponse(Errors.STALE_BROKER_EPOCH, false, true, false, false);
        }
        int id = request.brokerId();
        BrokerSession session = sessions.getOrDefault(id, new BrokerSession(0, -1, -1))
                .touched(context.nowMs(), request.metadataOffset());
        sessions.put(id, session);
        sessionsView = null;
        boolean caughtUp = request.metadataOffset() >= registration.epoch();
        boolean shutDownNow = false;
        switch (registration.state()) {
            case FENCED:
                if (request.wantShutDown()) {
                    shutDownNow = true;
                } else if (!request.wantFence() && caughtUp) {
                    unfence(id);
                }
                break;
            case UNFENCED:
                if (request.wantFence() && !request.wantShutDown()) {
                    fence(id, EventDetail.FenceReason.BROKER_ASKED, "broker asked to be fenced", -1);
                } else if (request.wantShutDown()) {
                    if (replication.index().leadsAny(id)) {
                        beginControlledShutdown(id);
                    } else {
                        shutDownNow = true;
                    }
                }
                break;
            case CONTROLLED_SHUTDOWN:
                shutDownNow =
                        !replication.index().leadsAny(id) && session.controlledShutdownOffset() <= lowestActiveOffset();
                break;
            default:
                throw new IllegalStateException("unknown state " + registration.state());
        }
        if (shutDownNow) {
            if (!image.broker(id).fenced()) {
                fence(
                        id,
                        EventDetail.FenceReason.CONTROLLED_SHUTDOWN_COMPLETE,
                        "controlled shutdown complete: it leads nothing and every active broker has seen the moves",
                        -1);
            }
            sessions.remove(id);
            sessionsView = null;
        }
        BrokerRegistration now = image.broker(id);
        return new BrokerHeartbeatResponse(
                Errors.NONE, caughtUp, now.fenced(), now.state() == State.CONTROLLED_SHUTDOWN, shutDownNow);
    }

    private void unfence(int id) {
        log.append(new MetadataRecord.BrokerStateChange(id, State.UNFENCED));
        long seq = journal(new EventDetail.BrokerUnfenced(id), "it caught up with the metadata log", -1);
        replication.brokerUnfenced(id, new Cause("broker " + id + " unfenced", seq));
    }

    private void fence(int id, EventDetail.FenceReason reason, String why, long causeSeq) {
        log.append(new MetadataRecord.BrokerStateChange(id, State.FENCED));
        long seq = journal(new EventDetail.BrokerFenced(id, reason), why, causeSeq);
        replication.brokerRemoved(id, new Cause("broker " + id + " fenced", seq));
    }

    private void beginControlledShutdown(int id) {
        log.append(new MetadataRecord.BrokerStateChange(id, State.CONTROLLED_SHUTDOWN));
        int leaderships = replication.index().leaderCount(id);
        long seq =
                journal(new EventDetail.ControlledShutdownBegan(id, leaderships), "the broker asked to shut down", -1);
        replication.brokerRemoved(id, new Cause("controlled shutdown of broker " + id, seq));
        sessions.computeIfPresent(id, (k, s) -> s.withControlledShutdownOffset(log.endOffset()));
        sessionsView = null;
    }

    /** Lowest metadata offset among active brokers; they must all have seen a shutdown's moves. */
    private long lowestActiveOffset() {
        long lowest = Long.MAX_VALUE;
        for (Map.Entry<Integer, BrokerSession> entry : sessions.entrySet()) {
            BrokerRegistration registration = image.broker(entry.getKey());
            if (registration != null && registration.active()) {
                lowest = Math.min(lowest, entry.getValue().metadataOffset());
            }
        }
        return lowest;
    }

    /**
     * Fences the broker that has been silent longest, if past the session timeout; one broker per call
     * so each fencing's effect is visible before the next (as Kafka does).
     *
     * @return when the next check is due, or Long.MAX_VALUE if no broker has a live session
     */
    long maybeFenceOneStaleBroker() {
        long now = context.nowMs();
        long timeout = sessionTimeoutMs();
        int stalest = -1;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<Integer, BrokerSession> entry : sessions.entrySet()) {
            BrokerRegistration registration = image.broker(entry.getKey());
            if (registration != null
                    && !registration.fenced()
                    && entry.getValue().lastContactMs() < oldest) {
                oldest = entry.getValue().lastContactMs();
                stalest = entry.getKey();
            }
        }
        if (stalest >= 0 && now - oldest >= timeout) {
            fence(
                    stalest,
                    EventDetail.FenceReason.SESSION_TIMEOUT,
                    "no heartbeat for " + (now - oldest) + " ms (broker.session.timeout.ms=" + timeout + ")",
                    -1);
            sessions.remove(stalest);
            sessionsView = null;
            return now;
        }
        return stalest < 0 ? Long.MAX_VALUE : oldest + timeout;
    }

    /**
     * After a controller failover, as Kafka's new active controller does (its BrokerHeartbeatManager is
     * created afresh and every registered, unfenced broker is touched at activation): heartbeat times are
     * soft state, so each such broker gets a full session timeout from now instead of being fenced at once.
     */
    void resumeSessions() {
        long now = context.nowMs();
        image.brokers().forEach((id, registration) -> {
            if (!registration.fenced()) {
                sessions.put(id, new BrokerSession(now, -1, -1));
            }
        });
        sessionsView = null;
    }

    SortedMap<Integer, BrokerSession> sessions() {
        if (sessionsView == null) {
            sessionsView = Collections.unmodifiableSortedMap(new TreeMap<>(sessions));
        }
        return sessionsView;
    }

    private long journal(EventDetail detail, String cause, long causeSeq) {
        return context.journal().append(context.nowMs(), NodeId.CONTROLLER, null, detail, cause, causeSeq);
    }
}
