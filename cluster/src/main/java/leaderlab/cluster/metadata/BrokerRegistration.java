package leaderlab.cluster.metadata;

/**
 * What the controller (and, after replay, every broker) knows about a registered broker.
 *
 * @param epoch       the broker epoch: the metadata offset of its registration record
 * @param incarnation which process incarnation registered (a restart is a new incarnation)
 * @param demoted     lowest leadership priority (leaderlab's demotion; see {@code demote})
 */
public record BrokerRegistration(int id, long epoch, long incarnation, String rack, State state, boolean demoted) {

    /** Registration state as Kafka's controller keeps it (BrokerHeartbeatManager). */
    public enum State {
        FENCED,
        UNFENCED,
        CONTROLLED_SHUTDOWN
    }

    public BrokerRegistration(int id, long epoch, long incarnation, String rack, State state) {
        this(id, epoch, incarnation, rack, state, false);
    }

    public BrokerRegistration withState(State newState) {
        return new BrokerRegistration(id, epoch, incarnation, rack, newState, demoted);
    }

    public BrokerRegistration withDemoted(boolean value) {
        return new BrokerRegistration(id, epoch, incarnation, rack, state, value);
    }

    public boolean fenced() {
        return state == State.FENCED;
    }

    /** May lead and join ISRs: unfenced and not shutting down (Kafka's "acceptable"). */
    public boolean active() {
        return state == State.UNFENCED;
    }
}
