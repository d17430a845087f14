package leaderlab.cluster.metadata;

/**
 * What the controller (and, after replay, every broker) knows about a registered broker.
 *
 * @param epoch       the broker epoch: the metadata offset of its registration record
 * @param incarnation which process incarnation registered (a restart is a new incarnation)
 */
public record BrokerRegistration(int id, long epoch, long incarnation, String rack, State state) {

    /** Registration state as Kafka's controller keeps it (BrokerHeartbeatManager). */
    public enum State { FENCED, UNFENCED, CONTROLLED_SHUTDOWN }

    public BrokerRegistration withState(State newState) {
        return new BrokerRegistration(id, epoch, incarnation, rack, newState);
    }

    public boolean fenced() {
        return state == State.FENCED;
    }

    /** May lead and join ISRs: unfenced and not shutting down (Kafka's "acceptable"). */
    public boolean active() {
        return state == State.UNFENCED;
    }
}
