package leaderlab.cluster.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import leaderlab.cluster.PropertyCheck;
import org.junit.jupiter.api.Test;

/**
 * LinkRule.combine (a link under several faults at once, e.g. a flapping link that is also lossy) is a
 * commutative monoid with HEALTHY as its identity: the order in which faults are layered does not
 * matter, and a combination is never healthier than any of its parts.
 */
class LinkRulePropertyTest {

    /** Drop probabilities go through 1 - (1-a)(1-b); its rounding is all the laws may differ by. */
    private static final double EPSILON = 1e-12;

    private record Rules(LinkRule a, LinkRule b, LinkRule c) {}

    @Test
    void combineIsACommutativeMonoidThatNeverHeals() {
        PropertyCheck.forAll(
                "LinkRule.combine laws",
                2_000,
                random -> List.of(new Rules(rule(random), rule(random), rule(random))),
                cases -> {
                    for (Rules r : cases) {
                        assertSameRule(r.a(), r.a().combine(LinkRule.HEALTHY), "right identity");
                        assertSameRule(r.a(), LinkRule.HEALTHY.combine(r.a()), "left identity");
                        assertSameRule(r.a().combine(r.b()), r.b().combine(r.a()), "commutative");
                        assertSameRule(
                                r.a().combine(r.b()).combine(r.c()),
                                r.a().combine(r.b().combine(r.c())),
                                "associative");
                        LinkRule both = r.a().combine(r.b());
                        assertEquals(r.a().cut() || r.b().cut(), both.cut(), "cut if either is cut");
                        assertTrue(
                                both.dropProbability()
                                        >= Math.max(r.a().dropProbability(), r.b().dropProbability()) - EPSILON,
                                "drops at least as much as either: " + both);
                        assertTrue(both.dropProbability() <= 1 + EPSILON, "a probability: " + both);
                        assertEquals(r.a().addedDelayMs() + r.b().addedDelayMs(), both.addedDelayMs(), "delays add up");
                        assertEquals(
                                r.a().isHealthy() && r.b().isHealthy(), both.isHealthy(), "healthy only if both are");
                    }
                });
    }

    private static void assertSameRule(LinkRule expected, LinkRule actual, String law) {
        assertEquals(expected.cut(), actual.cut(), law + ": cut, " + expected + " vs " + actual);
        assertEquals(
                expected.dropProbability(),
                actual.dropProbability(),
                EPSILON,
                law + ": drop, " + expected + " vs " + actual);
        assertEquals(expected.addedDelayMs(), actual.addedDelayMs(), law + ": delay, " + expected + " vs " + actual);
    }

    /** Healthy, cut, lossy (including the edges 0 and 1), slow, or several at once. */
    private static LinkRule rule(Random random) {
        if (random.nextInt(6) == 0) {
            return LinkRule.HEALTHY;
        }
        boolean cut = random.nextInt(4) == 0;
        double drop = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> random.nextInt(100) / 100.0;
            default -> random.nextDouble();
        };
        long delayMs = random.nextBoolean() ? 0 : random.nextInt(5_000);
        return new LinkRule(cut, drop, delayMs);
    }
}
