package leaderlab.app.window;

import java.util.Locale;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The gap after a crash: the process is gone but the metadata still has it unfenced, because the active
 * controller fences only after {@code broker.session.timeout.ms} without a heartbeat. The card says so and
 * counts down; while the quorum has no leader nobody can fence it, and the card says that instead.
 */
final class ControllerBelief {

    private ControllerBelief() {}

    /**
     * "controller: unfenced · fenced in 1.2 s" (what the controller still believes of a broker whose process
     * is gone), "metadata: unfenced · no controller to fence it", or null when belief and truth agree. Short,
     * so a presenter-mode card of a 3-broker cluster holds it in type the back row reads.
     */
    static String of(ClusterSnapshot snapshot, ClusterSnapshot.BrokerState broker) {
        if (broker.running()
                || broker.registration() == null
                || broker.registration().fenced()) {
            return null;
        }
        String state =
                broker.registration().state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (broker.session() == null) {
            // Only an active controller tracks sessions: without a quorum leader the fence cannot come.
            return snapshot.controllerIds().isEmpty() || snapshot.quorumLeader() != null
                    ? null
                    : "metadata: " + state + " · no controller to fence it";
        }
        long leftMs = Math.max(
                0,
                broker.session().lastContactMs()
                        + snapshot.metadata().configs().getLong(ConfigKey.BROKER_SESSION_TIMEOUT_MS)
                        - snapshot.timeMs());
        return String.format(Locale.ROOT, "controller: %s · fenced in %.1f s", state, leftMs / 1000.0);
    }
}
