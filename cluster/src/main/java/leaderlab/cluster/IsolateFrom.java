package leaderlab.cluster;

/** Where an isolated broker is cut off from. */
public enum IsolateFrom {
    ALL,
    CLIENTS,
    CONTROLLER,
    BROKERS
}
