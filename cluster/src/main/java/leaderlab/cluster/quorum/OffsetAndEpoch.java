package leaderlab.cluster.quorum;

/** A position in the metadata log with the epoch it belongs to (Kafka's raft OffsetAndEpoch). */
public record OffsetAndEpoch(long offset, int epoch) implements Comparable<OffsetAndEpoch> {

    /** Lexicographic by epoch, then offset: how Raft compares two logs' ends to decide a vote. */
    @Override
    public int compareTo(OffsetAndEpoch other) {
        int byEpoch = Integer.compare(epoch, other.epoch);
        return byEpoch != 0 ? byEpoch : Long.compare(offset, other.offset);
    }
}
