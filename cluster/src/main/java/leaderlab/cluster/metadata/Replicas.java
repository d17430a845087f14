package leaderlab.cluster.metadata;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small helpers for broker-id lists, which are kept as int arrays (ordered, as Kafka keeps them). */
public final class Replicas {

    public static final int[] NONE = new int[0];

    private Replicas() {
    }

    public static boolean contains(int[] ids, int id) {
        for (int each : ids) {
            if (each == id) {
                return true;
            }
        }
        return false;
    }

    public static int[] without(int[] ids, int id) {
        if (!contains(ids, id)) {
            return ids;
        }
        return Arrays.stream(ids).filter(each -> each != id).toArray();
    }

    public static int[] withoutAll(int[] ids, int[] removed) {
        return Arrays.stream(ids).filter(each -> !contains(removed, each)).toArray();
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
        return Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    public static String bracketed(int[] ids) {
        return "[" + format(ids) + "]";
    }
}
