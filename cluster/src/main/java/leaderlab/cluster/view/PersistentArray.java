package leaderlab.cluster.view;

import java.util.Arrays;

/**
 * An immutable array that shares structure with its previous versions: elements live in chunks of
 * 1024, and a new version copies only the chunks that changed plus the small top-level index. This is
 * what keeps publishing a snapshot cheap at 100k+ partitions: the cost of a publish is proportional to
 * what changed, not to the size of the cluster.
 */
public final class PersistentArray<T> {

    private static final int BITS = 10;
    private static final int CHUNK = 1 << BITS;
    private static final Object[][] NO_CHUNKS = new Object[0][];

    @SuppressWarnings("rawtypes")
    private static final PersistentArray EMPTY = new PersistentArray<>(NO_CHUNKS, 0);

    private final Object[][] chunks;
    private final int size;

    private PersistentArray(Object[][] chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <T> PersistentArray<T> empty() {
        return EMPTY;
    }

    public int size() {
        return size;
    }

    /** The element at {@code index}, or null if it was never set or lies beyond the end. */
    public T get(int index) {
        return elementAt(chunks, size, index);
    }

    @SuppressWarnings("unchecked")
    private static <T> T elementAt(Object[][] chunks, int size, int index) {
        if (index < 0 || index >= size) {
            return null;
        }
        // A chunk nothing was ever set in stays null (set() far beyond the end skips over it).
        Object[] chunk = chunks[index >>> BITS];
        return chunk == null ? null : (T) chunk[index & (CHUNK - 1)];
    }

    /**
     * Calls {@code action} with every index whose element differs (by identity) from {@code older}'s.
     * Chunks that are shared are skipped whole, so comparing two versions costs what changed.
     */
    public void forEachChanged(PersistentArray<T> older, java.util.function.IntConsumer action) {
        int chunkCount = (Math.max(size, older.size) + CHUNK - 1) >>> BITS;
        for (int c = 0; c < chunkCount; c++) {
            Object[] mine = c < chunks.length ? chunks[c] : null;
            Object[] theirs = c < older.chunks.length ? older.chunks[c] : null;
            if (mine == theirs) {
                continue;
            }
            for (int i = 0; i < CHUNK; i++) {
                Object a = mine == null ? null : mine[i];
                Object b = theirs == null ? null : theirs[i];
                if (a != b) {
                    action.accept((c << BITS) + i);
                }
            }
        }
    }

    /**
     * The single-threaded, mutable side: a node changes elements through its builder, then calls
     * {@link #freeze()} to publish. Chunks already published are copied before their first change.
     */
    public static final class Builder<T> {
        private Object[][] chunks;
        private boolean[] owned;
        private boolean topOwned;
        private int size;
        private boolean dirty;
        private PersistentArray<T> frozen;

        private Builder(Object[][] chunks, int size) {
            this.chunks = chunks;
            this.owned = new boolean[chunks.length];
            this.size = size;
        }

        public Builder() {
            this(NO_CHUNKS, 0);
        }

        public int size() {
            return size;
        }

        public T get(int index) {
            return elementAt(chunks, size, index);
        }

        /** Sets an element, growing the array (with nulls) if {@code index} is beyond the end. */
        public void set(int index, T value) {
            if (index < 0) {
                throw new IndexOutOfBoundsException(index);
            }
            int chunk = index >>> BITS;
            if (!topOwned || chunk >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(chunks.length, chunk + 1));
                owned = Arrays.copyOf(owned, chunks.length);
                topOwned = true;
            }
            if (!owned[chunk]) {
                Object[] old = chunks[chunk];
                chunks[chunk] = old == null ? new Object[CHUNK] : old.clone();
                owned[chunk] = true;
            }
            chunks[chunk][index & (CHUNK - 1)] = value;
            size = Math.max(size, index + 1);
            dirty = true;
        }

        public void add(T value) {
            set(size, value);
        }

        /**
         * Takes {@code contents} as the current state, sharing its chunks (they are copied before their
         * first change, as after a freeze).
         */
        public void reset(PersistentArray<T> contents) {
            chunks = contents.chunks;
            owned = new boolean[chunks.length];
            topOwned = false;
            size = contents.size;
            dirty = false;
            frozen = contents;
        }

        /** An immutable version with the current contents; cheap when nothing changed since the last. */
        public PersistentArray<T> freeze() {
            if (frozen == null || dirty) {
                frozen = new PersistentArray<>(chunks, size);
                topOwned = false;
                Arrays.fill(owned, false);
                dirty = false;
            }
            return frozen;
        }
    }
}
