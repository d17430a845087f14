package leaderlab.cluster.journal;

/**
 * Who recorded an event: a node of the cluster (the controller, a broker, a client) or one of the
 * parties outside it (the operator at the keyboard, the safety checker). Readers ask
 * {@link #isBroker()} and {@link #id()} instead of reading the rendered name.
 */
public record NodeId(Kind kind, int id) {

    public enum Kind {
        CONTROLLER,
        BROKER,
        CLIENT,
        OPERATOR,
        CHECKER
    }

    public static final NodeId CONTROLLER = new NodeId(Kind.CONTROLLER, 0);
    public static final NodeId OPERATOR = new NodeId(Kind.OPERATOR, 0);
    public static final NodeId CHECKER = new NodeId(Kind.CHECKER, 0);

    public static NodeId broker(int id) {
        return new NodeId(Kind.BROKER, id);
    }

    /** One controller of the quorum, by its node id (101, 102, ...). */
    public static NodeId controller(int id) {
        return new NodeId(Kind.CONTROLLER, id);
    }

    public static NodeId client(int id) {
        return new NodeId(Kind.CLIENT, id);
    }

    public boolean isBroker() {
        return kind == Kind.BROKER;
    }

    /** Value-based, like {@code Address}: an enum's identity hash differs between JVM runs. */
    @Override
    public int hashCode() {
        return kind.ordinal() * 1_000_003 + id;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONTROLLER -> id == 0 ? "controller" : "controller " + id;
            case BROKER -> "broker " + id;
            case CLIENT -> "client " + id;
            case OPERATOR -> "operator";
            case CHECKER -> "checker";
        };
    }
}
