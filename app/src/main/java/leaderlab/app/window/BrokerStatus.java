package leaderlab.app.window;

import leaderlab.cluster.view.ClusterSnapshot;

/** The one word a broker card shows, most serious first: a class reads it from its colour and shape. */
public enum BrokerStatus {
    STOPPED("stopped"),
    FENCED("fenced"),
    CONTROLLED_SHUTDOWN("controlled shutdown"),
    ISOLATED("isolated"),
    STARTING("starting"),
    RUNNING("running");

    private final String label;

    BrokerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static BrokerStatus of(ClusterSnapshot.BrokerState broker, NetworkCuts cuts) {
        return switch (broker.state()) {
            case "STOPPED" -> STOPPED;
            case "FENCED" -> FENCED;
            case "SHUTTING_DOWN" -> CONTROLLED_SHUTDOWN;
            case "STARTING" -> STARTING;
            default -> cuts.isolated(broker.id()) ? ISOLATED : RUNNING;
        };
    }
}
