package leaderlab.cluster.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import leaderlab.cluster.PropertyCheck;
import org.junit.jupiter.api.Test;

/**
 * PersistentArray and its builder behave like a plain list that is copied at every freeze: the builder
 * reads what was written, every frozen version keeps its contents whatever happens later, and
 * {@code forEachChanged} names exactly the indices whose elements differ by identity.
 */
class PersistentArrayPropertyTest {

    /** Indices reach past the second chunk boundary (chunks hold 1024). */
    private static final int MAX_INDEX = 2_600;

    private sealed interface Step {}

    private record Set(int index, int value) implements Step {}

    private record Add(int value) implements Step {}

    private record Freeze() implements Step {}

    /** Resets the builder to the n-th frozen version (modulo how many there are). */
    private record Reset(int version) implements Step {}

    /** Values are distinct objects, so identity comparison (what forEachChanged uses) is meaningful. */
    private static final Object[] VALUES = new Object[8];

    static {
        for (int i = 0; i < VALUES.length; i++) {
            VALUES[i] = new Object() {
                @Override
                public String toString() {
                    return "v";
                }
            };
        }
    }

    private static Object value(int i) {
        return i < 0 ? null : VALUES[i];
    }

    @Test
    void behavesLikeAListCopiedAtEachFreeze() {
        PropertyCheck.forAll("PersistentArray = copied list", 150, PersistentArrayPropertyTest::steps, steps -> {
            PersistentArray.Builder<Object> builder = new PersistentArray.Builder<>();
            List<Object> model = new ArrayList<>();
            List<PersistentArray<Object>> versions = new ArrayList<>();
            List<List<Object>> snapshots = new ArrayList<>();
            versions.add(PersistentArray.empty());
            snapshots.add(List.of());
            for (Step step : steps) {
                if (step instanceof Set set) {
                    builder.set(set.index(), value(set.value()));
                    while (model.size() <= set.index()) {
                        model.add(null);
                    }
                    model.set(set.index(), value(set.value()));
                } else if (step instanceof Add add) {
                    builder.add(value(add.value()));
                    model.add(value(add.value()));
                } else if (step instanceof Freeze) {
                    versions.add(builder.freeze());
                    snapshots.add(new ArrayList<>(model));
                } else if (step instanceof Reset reset) {
                    int v = reset.version() % versions.size();
                    builder.reset(versions.get(v));
                    model = new ArrayList<>(snapshots.get(v));
                }
                assertEquals(model.size(), builder.size(), "builder size");
                for (int i = -1; i <= model.size(); i++) {
                    assertSame(i >= 0 && i < model.size() ? model.get(i) : null, builder.get(i), "builder[" + i + "]");
                }
            }
            versions.add(builder.freeze());
            snapshots.add(model);
            for (int v = 0; v < versions.size(); v++) {
                assertEqualsList(snapshots.get(v), versions.get(v), "version " + v);
            }
            // Each version against the one before, the empty one and the last (in both directions).
            int last = versions.size() - 1;
            for (int v = 0; v < versions.size(); v++) {
                for (int other : new int[] {Math.max(0, v - 1), 0, last}) {
                    assertEquals(
                            changed(snapshots.get(other), snapshots.get(v)),
                            changedIndices(versions.get(v), versions.get(other)),
                            "forEachChanged(version " + v + " vs " + other + ")");
                    assertEquals(
                            changed(snapshots.get(v), snapshots.get(other)),
                            changedIndices(versions.get(other), versions.get(v)),
                            "forEachChanged(version " + other + " vs " + v + ")");
                }
            }
        });
    }

    private static void assertEqualsList(List<Object> expected, PersistentArray<Object> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " size");
        for (int i = -1; i <= expected.size() + 1; i++) {
            assertSame(i >= 0 && i < expected.size() ? expected.get(i) : null, actual.get(i), what + "[" + i + "]");
        }
    }

    private static TreeSet<Integer> changed(List<Object> older, List<Object> newer) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (int i = 0; i < Math.max(older.size(), newer.size()); i++) {
            Object a = i < older.size() ? older.get(i) : null;
            Object b = i < newer.size() ? newer.get(i) : null;
            if (a != b) {
                indices.add(i);
            }
        }
        return indices;
    }

    private static TreeSet<Integer> changedIndices(PersistentArray<Object> newer, PersistentArray<Object> older) {
        TreeSet<Integer> indices = new TreeSet<>();
        newer.forEachChanged(older, index -> assertEquals(true, indices.add(index), "index " + index + " twice"));
        return indices;
    }

    private static List<Step> steps(Random random) {
        List<Step> steps = new ArrayList<>();
        int count = 5 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(100);
            int value = random.nextInt(VALUES.length + 1) - 1; // -1 is null
            if (dice < 45) {
                // Mostly near the end or a chunk boundary, sometimes anywhere.
                int index = switch (random.nextInt(3)) {
                    case 0 -> random.nextInt(MAX_INDEX);
                    case 1 -> 1024 * random.nextInt(3) + random.nextInt(3) - 1;
                    default -> random.nextInt(40);
                };
                steps.add(new Set(Math.max(0, index), value));
            } else if (dice < 65) {
                steps.add(new Add(value));
            } else if (dice < 88) {
                steps.add(new Freeze());
            } else {
                steps.add(new Reset(random.nextInt(10)));
            }
        }
        return steps;
    }
}
