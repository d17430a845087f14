package leaderlab.cluster.quorum;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the quorum leader knows of its voters in one epoch (after Kafka's raft LeaderState): each voter's
 * log end offset and last fetch, the high watermark they allow, and the check-quorum bookkeeping.
 *
 * <p>The high watermark is the offset a majority of voters have reached, but it cannot move until that
 * offset lies beyond {@code epochStartOffset}: only once a record of the leader's own epoch is on a
 * majority is everything before it safe from being truncated by a later leader (Raft's rule that a
 * leader commits entries of earlier terms only by committing one of its own).
 */
public final class LeaderState {

    /** A voter's log end offset and when it was last heard from; offset -1 before its first fetch. */
    public record VoterProgress(long endOffset, long lastFetchMs) {}

    private final int localId;
    private final int epoch;
    private final long epochStartOffset;
    private final Map<Integer, VoterProgress> voters = new TreeMap<>();
    /** Voters that fetched since the check-quorum timer last restarted. */
    private final Set<Integer> fetchedSinceCheck = new TreeSet<>();

    private long highWatermark = -1;

    public LeaderState(int localId, int epoch, long epochStartOffset, Iterable<Integer> voterIds, long nowMs) {
        this.localId = localId;
        this.epoch = epoch;
        this.epochStartOffset = epochStartOffset;
        for (int id : voterIds) {
            voters.put(id, new VoterProgress(-1, id == localId ? nowMs : -1));
        }
    }

    public int epoch() {
        return epoch;
    }

    public long epochStartOffset() {
        return epochStartOffset;
    }

    /** The committed end, or -1 while no record of this epoch has reached a majority. */
    public long highWatermark() {
        return highWatermark;
    }

    public Map<Integer, VoterProgress> voters() {
        return voters;
    }

    /** The leader's own log grew. @return whether the high watermark moved */
    public boolean updateLocalState(long endOffset, long nowMs) {
        voters.put(localId, new VoterProgress(endOffset, nowMs));
        return maybeAdvanceHighWatermark();
    }

    /** A voter fetched from {@code fetchOffset}: it holds everything before it. @return whether the HW moved */
    public boolean updateReplicaState(int voterId, long fetchOffset, long nowMs) {
        if (!voters.containsKey(voterId)) {
            return false; // an observer: it never counts towards the high watermark
        }
        voters.put(voterId, new VoterProgress(fetchOffset, nowMs));
        fetchedSinceCheck.add(voterId);
        return maybeAdvanceHighWatermark();
    }

    private boolean maybeAdvanceHighWatermark() {
        long[] ends = voters.values().stream()
                .mapToLong(VoterProgress::endOffset)
                .sorted()
                .toArray();
        // Ascending: the majority-th largest is at index size - majority.
        long majorityEnd = ends[ends.length - majority(ends.length)];
        if (majorityEnd > epochStartOffset && majorityEnd > highWatermark) {
            highWatermark = majorityEnd;
            return true;
        }
        return false;
    }

    static int majority(int voterCount) {
        return voterCount / 2 + 1;
    }

    /**
     * Check-quorum: true when a majority (the leader included) fetched since the last check, and starts
     * the next period. A leader that gets false has lost its majority and must resign.
     */
    public boolean checkQuorum() {
        boolean ok = fetchedSinceCheck.size() + 1 >= majority(voters.size());
        fetchedSinceCheck.clear();
        return ok;
    }

    /** Other voters, most caught up first: the preferred successors an EndQuorumEpoch names. */
    public int[] preferredSuccessors() {
        return voters.entrySet().stream()
                .filter(e -> e.getKey() != localId)
                .sorted((a, b) ->
                        Long.compare(b.getValue().endOffset(), a.getValue().endOffset()))
                .mapToInt(Map.Entry::getKey)
                .toArray();
    }
}
