package leaderlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The property runner itself: a false property fails with its seed and a shrunk counterexample. */
class PropertyCheckTest {

    @Test
    void aFalsePropertyFailsWithItsSeedAndShrinksToTheCulprit() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> PropertyCheck.forAll(
                        "no 7 in a list",
                        50,
                        PropertyCheckTest::numbers,
                        list -> assertTrue(!list.contains(7), "found a 7")));
        assertTrue(error.getMessage().contains("failed for seed "), error.getMessage());
        assertTrue(error.getMessage().contains("-Dproperty.seed="), error.getMessage());
        assertTrue(error.getMessage().contains("shrunk to 1:\n  0: 7\n"), error.getMessage());
    }

    @Test
    void aTruePropertyRunsEveryTry() {
        List<Integer> sizes = new ArrayList<>();
        PropertyCheck.forAll("sizes", 25, PropertyCheckTest::numbers, list -> sizes.add(list.size()));
        long expected = System.getProperty("property.seed") != null ? 1 : Long.getLong("property.tries", 25);
        assertEquals(expected, sizes.size());
    }

    private static List<Integer> numbers(Random random) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            list.add(random.nextInt(20));
        }
        return list;
    }
}
