package leaderlab.cluster.broker;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Values by broker id, in an array: ids are small, and the fetch paths look one up for every partition
 * a metadata batch touches, where a boxed map lookup showed up in profiles.
 */
final class ByBrokerId<T> {

    private Object[] slots = new Object[16];

    @SuppressWarnings("unchecked")
    T get(int brokerId) {
        return brokerId >= 0 && brokerId < slots.length ? (T) slots[brokerId] : null;
    }

    void put(int brokerId, T value) {
        if (brokerId >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(brokerId + 1, slots.length * 2));
        }
        slots[brokerId] = value;
    }

    void remove(int brokerId) {
        if (brokerId >= 0 && brokerId < slots.length) {
            slots[brokerId] = null;
        }
    }

    T computeIfAbsent(int brokerId, IntFunction<T> create) {
        T value = get(brokerId);
        if (value == null) {
            value = create.apply(brokerId);
            put(brokerId, value);
        }
        return value;
    }
}
