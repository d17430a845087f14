package leaderlab.app.window;

import java.util.Locale;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * The gap after a crash: the process is gone but the controller has not fenced it yet, because it fences
 * only after {@code broker.session.timeout.ms} without a heartbeat. The card says so and counts down.
 */
final class ControllerBelief {

    private ControllerBelief() {}

    /** "controller still believes: unfenced · fenced in 1.2 s", or null when belief and truth agree. */
    static String of(ClusterSnapshot snapshot, ClusterSnapshot.BrokerState broker) {
        if (broker.running()
                || broker.registration() == null
                || broker.registration().fenced()
                || broker.session() == null) {
            return null;
        }
        long leftMs = Math.max(
                0,
                broker.session().lastContactMs()
                        + snapshot.metadata().configs().getLong(ConfigKey.BROKER_SESSION_TIMEOUT_MS)
                        - snapshot.timeMs());
        return String.format(
                Locale.ROOT,
                "controller still believes: %s · fenced in %.1f s",
                broker.registration().state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                leftMs / 1000.0);
    }
}
