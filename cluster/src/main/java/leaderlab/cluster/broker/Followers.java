package leaderlab.cluster.broker;

import java.util.Arrays;
import leaderlab.cluster.metadata.Replicas;

/**
 * A leader's view of its followers (Kafka's Replica state, §2.1): for each replica other than the
 * leader, its log end offset as last fetched and when it was last caught up. Owned by a {@link Partition}.
 */
final class Followers {

    private static final long NEVER = Long.MIN_VALUE / 2;

    private final int[] ids;
    private final long[] leo;
    private final long[] lastCaughtUpMs;
    private final long[] lastFetchLeaderLeo;
    private final long[] lastFetchTimeMs;

    private Followers(int[] ids) {
        this.ids = ids;
        leo = new long[ids.length];
        lastCaughtUpMs = new long[ids.length];
        lastFetchLeaderLeo = new long[ids.length];
        lastFetchTimeMs = new long[ids.length];
    }

    /** No followers: the state of a replica that has not led. */
    static Followers none() {
        return new Followers(Replicas.NONE);
    }

    /** A new leader epoch's followers: nothing fetched yet; the ISR's members caught up as of now. */
    static Followers fresh(int[] ids, int[] isr, long nowMs) {
        Followers followers = new Followers(ids);
        for (int i = 0; i < ids.length; i++) {
            followers.leo[i] = -1;
            followers.lastCaughtUpMs[i] = Replicas.contains(isr, ids[i]) ? nowMs : NEVER;
            followers.lastFetchTimeMs[i] = NEVER;
        }
        return followers;
    }

    /** Keeps the state of followers that stay, and starts fresh for added ones (reassignment). */
    Followers track(int[] newIds) {
        if (Arrays.equals(newIds, ids)) {
            return this; // the usual case, an ISR change: the same followers
        }
        Followers next = new Followers(newIds);
        for (int i = 0; i < newIds.length; i++) {
            int old = indexOf(newIds[i]);
            next.leo[i] = old >= 0 ? leo[old] : -1;
            next.lastCaughtUpMs[i] = old >= 0 ? lastCaughtUpMs[old] : NEVER;
            next.lastFetchLeaderLeo[i] = old >= 0 ? lastFetchLeaderLeo[old] : 0;
            next.lastFetchTimeMs[i] = old >= 0 ? lastFetchTimeMs[old] : NEVER;
        }
        return next;
    }

    boolean contains(int replica) {
        return indexOf(replica) >= 0;
    }

    int count() {
        return ids.length;
    }

    int idAt(int i) {
        return ids[i];
    }

    long endOffsetAt(int i) {
        return leo[i];
    }

    private int indexOf(int replica) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == replica) {
                return i;
            }
        }
        return -1;
    }

    /** Kafka's Replica.isCaughtUp (§2.1), against the leader's log end {@code leaderEnd}. */
    boolean isCaughtUp(int replica, long leaderEnd, long nowMs, long lagMaxMs) {
        int i = indexOf(replica);
        return i >= 0 && (leo[i] == leaderEnd || nowMs - lastCaughtUpMs[i] <= lagMaxMs);
    }

    long endOffset(int replica) {
        int i = indexOf(replica);
        return i < 0 ? -1 : leo[i];
    }

    long lastCaughtUpMs(int replica) {
        int i = indexOf(replica);
        return i < 0 ? NEVER : lastCaughtUpMs[i];
    }

    /** §2.1: lastCaughtUpTime moves when the follower reached the leader's LEO now or at its last fetch. */
    void fetched(int replica, long fetchOffset, long leaderEnd, long nowMs) {
        int i = indexOf(replica);
        if (fetchOffset >= leaderEnd) {
            lastCaughtUpMs[i] = Math.max(lastCaughtUpMs[i], nowMs);
        } else if (fetchOffset >= lastFetchLeaderLeo[i]) {
            lastCaughtUpMs[i] = Math.max(lastCaughtUpMs[i], lastFetchTimeMs[i]);
        }
        leo[i] = fetchOffset;
        lastFetchLeaderLeo[i] = Math.max(leaderEnd, lastFetchLeaderLeo[i]);
        lastFetchTimeMs[i] = nowMs;
    }

    /** See {@link Partition#creditIdleFollower}. */
    void creditIdle(int replica, long previousEnd, long lastFetchMs) {
        int i = indexOf(replica);
        if (i >= 0 && leo[i] == previousEnd) {
            lastCaughtUpMs[i] = Math.max(lastCaughtUpMs[i], lastFetchMs);
            lastFetchTimeMs[i] = Math.max(lastFetchTimeMs[i], lastFetchMs);
            lastFetchLeaderLeo[i] = Math.max(lastFetchLeaderLeo[i], previousEnd);
        }
    }
}
