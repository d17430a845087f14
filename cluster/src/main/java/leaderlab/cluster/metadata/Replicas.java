package leaderlab.cluster.metadata;

import java.util.Arrays;

/** Small helpers for broker-id lists, which are kept as int arrays (ordered, as Kafka keeps them). */
public final class Replicas {

    public static final int[] NONE = new int[0];

    private Replicas() {}

    public static boolean contains(int[] ids, int id) {
        for (int each : ids) {
            if (each == id) {
                return true;
            }
        }
        return false;
    }

    /** {@code ids} without {@code id}; the same array when it is not there. */
    public static int[] without(int[] ids, int id) {
        if (!contains(ids, id)) {
            return ids;
        }
        int[] out = new int[ids.length - 1];
        int next = 0;
        for (int each : ids) {
            if (each != id) {
                out[next++] = each;
            }
        }
        return out;
    }

    public static int[] withoutAll(int[] ids, int[] removed) {
        int[] out = new int[ids.length];
        int next = 0;
        for (int each : ids) {
            if (!contains(removed, each)) {
                out[next++] = each;
            }
        }
        return next == out.length ? out : Arrays.copyOf(out, next);
    }

    public static int[] with(int[] ids, int id) {
        if (contains(ids, id)) {
            return ids;
        }
        int[] out = Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = id;
        return out;
    }

    public static boolean containsAll(int[] ids, int[] required) {
        for (int each : required) {
            if (!contains(ids, each)) {
                return false;
            }
        }
        return true;
    }

    public static String format(int[] ids) {
        StringBuilder out = new StringBuilder();
        for (int each : ids) {
            out.append(out.length() == 0 ? "" : ",").append(each);
        }
        return out.toString();
    }

    public static String bracketed(int[] ids) {
        return "[" + format(ids) + "]";
    }

    /** A leader epoch as text: "unknown" when it is not known (-1: an observed real cluster not asked yet). */
    public static String epoch(int leaderEpoch) {
        return leaderEpoch < 0 ? "unknown" : Integer.toString(leaderEpoch);
    }
}
