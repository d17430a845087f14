package leaderlab.cluster.runtime;

/**
 * Where a message can be sent: a broker, the controller or a client. Brokers are numbered from 1,
 * as in the shell ({@code kill 2}); controllers from 101 (KRaft's one id space) and clients are numbered from 0.
 */
public record Address(Kind kind, int id) implements Comparable<Address> {

    public enum Kind {
        CONTROLLER,
        BROKER,
        CLIENT
    }

    /** Node ids of controllers start here, so they never collide with brokers' (1..64) in KRaft's one id space. */
    public static final int FIRST_CONTROLLER_ID = 101;

    public static Address controller(int id) {
        return new Address(Kind.CONTROLLER, id);
    }

    public static Address broker(int id) {
        return new Address(Kind.BROKER, id);
    }

    public static Address client(int id) {
        return new Address(Kind.CLIENT, id);
    }

    public boolean isBroker() {
        return kind == Kind.BROKER;
    }

    public boolean isClient() {
        return kind == Kind.CLIENT;
    }

    public boolean isController() {
        return kind == Kind.CONTROLLER;
    }

    /**
     * Value-based on purpose. The runtimes seed each node's Random from this hash; a record's default
     * hash mixes in {@code kind.hashCode()}, an enum identity hash that differs between JVM runs (and
     * with whatever hashed objects before), so the same --seed gave different runs (e.g. different
     * replica placement) depending on the process.
     */
    @Override
    public int hashCode() {
        return kind.ordinal() * 1_000_003 + id;
    }

    @Override
    public int compareTo(Address other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : Integer.compare(id, other.id);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONTROLLER -> "controller " + id;
            case BROKER -> "broker " + id;
            case CLIENT -> "client " + id;
        };
    }
}
