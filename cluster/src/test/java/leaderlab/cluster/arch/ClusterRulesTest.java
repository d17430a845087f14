package leaderlab.cluster.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import leaderlab.cluster.broker.planted.BrokerCallsController;
import leaderlab.cluster.broker.planted.BrokerUsesSimulatedRuntime;
import leaderlab.cluster.broker.planted.DefaultLocaleNode;
import leaderlab.cluster.broker.planted.SleepingNode;
import leaderlab.cluster.broker.planted.UnseededRandomNode;
import leaderlab.cluster.broker.planted.WallClockNode;
import leaderlab.cluster.client.planted.ClientCallsBroker;
import leaderlab.cluster.controller.planted.ControllerCallsBroker;
import leaderlab.cluster.journal.planted.JournalUsesMetadata;
import leaderlab.cluster.runtime.planted.RuntimeKnowsTopics;
import leaderlab.cluster.view.planted.ViewReadsBrokerInternals;
import leaderlab.cluster.view.planted.ViewUsesFacade;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The cluster's architecture rules hold for the production classes, and each one fails on its planted
 * violation (the classes in the {@code *.planted} test packages), so a rule cannot pass by matching
 * nothing.
 */
class ClusterRulesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("leaderlab.cluster");

    /** A planted violation: the class that breaks a rule, the calls or types it must be reported for, and
     *  methods of the same class that do the allowed thing and must not be reported. */
    private record Planted(Class<?> fixture, List<String> reported, List<String> allowed) {
        static Planted of(Class<?> fixture, String... reported) {
            return new Planted(fixture, List.of(reported), List.of());
        }
    }

    private static final Map<ArchRule, Planted> PLANTED = new LinkedHashMap<>();

    static {
        PLANTED.put(
                ClusterRules.NODES_SEE_ONLY_THE_RUNTIME_INTERFACES,
                Planted.of(BrokerUsesSimulatedRuntime.class, "SimulatedRuntime"));
        PLANTED.put(
                ClusterRules.BROKER_TALKS_ONLY_THROUGH_MESSAGES,
                Planted.of(BrokerCallsController.class, "controller.Controller"));
        PLANTED.put(
                ClusterRules.CONTROLLER_TALKS_ONLY_THROUGH_MESSAGES,
                Planted.of(ControllerCallsBroker.class, "broker.Broker"));
        PLANTED.put(
                ClusterRules.CLIENT_TALKS_ONLY_THROUGH_MESSAGES,
                Planted.of(ClientCallsBroker.class, "broker.ReplicaLog"));
        PLANTED.put(
                ClusterRules.NOTHING_BELOW_REACHES_THE_FACADE,
                Planted.of(ViewUsesFacade.class, "leaderlab.cluster.Cluster"));
        PLANTED.put(
                ClusterRules.SHARED_PACKAGES_KNOW_NO_NODE_INTERNALS,
                Planted.of(ViewReadsBrokerInternals.class, "broker.ReplicaLog"));
        PLANTED.put(
                ClusterRules.JOURNAL_AND_CONFIG_ARE_LEAVES,
                Planted.of(JournalUsesMetadata.class, "metadata.TopicInfo"));
        PLANTED.put(
                ClusterRules.RUNTIME_KNOWS_ONLY_THE_JOURNAL,
                Planted.of(RuntimeKnowsTopics.class, "metadata.TopicInfo"));
        PLANTED.put(
                ClusterRules.NO_WALL_CLOCK,
                Planted.of(WallClockNode.class, ".millis()", ".nanos()", ".instant()", "java.time.Clock"));
        PLANTED.put(ClusterRules.NO_SLEEP, Planted.of(SleepingNode.class, ".threadSleep()", ".unitSleep()"));
        PLANTED.put(
                ClusterRules.NO_UNSEEDED_RANDOM,
                new Planted(
                        UnseededRandomNode.class,
                        List.of(".unseeded()", ".mathRandom()", ".threadLocal()", ".uuid()"),
                        List.of(".seeded(")));
        PLANTED.put(
                ClusterRules.NO_DEFAULT_LOCALE,
                new Planted(
                        DefaultLocaleNode.class,
                        List.of(".format(double)", ".formatted(double)", ".lower(", ".upper("),
                        List.of(".allowed(")));
    }

    @Test
    void everyRuleHasAPlantedViolation() {
        assertEquals(new HashSet<>(ClusterRules.ALL), PLANTED.keySet());
    }

    @TestFactory
    Stream<DynamicTest> productionCodeKeepsEveryRule() {
        return ClusterRules.ALL.stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCTION)));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnItsPlantedViolation() {
        return PLANTED.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(
                        entry.getValue().fixture().getSimpleName() + " breaks: "
                                + entry.getKey().getDescription(),
                        () -> {
                            ArchRule rule = entry.getKey();
                            Planted planted = entry.getValue();
                            JavaClasses fixture = new ClassFileImporter().importClasses(planted.fixture());
                            // What the build sees: check() throws, failing the test that runs it.
                            assertThrows(AssertionError.class, () -> rule.check(fixture));
                            EvaluationResult result = rule.evaluate(fixture);
                            List<String> details = result.getFailureReport().getDetails();
                            for (String call : planted.reported()) {
                                assertTrue(
                                        details.stream().anyMatch(line -> line.contains(call)),
                                        call + " not reported; report was:\n" + String.join("\n", details));
                            }
                            for (String call : planted.allowed()) {
                                assertFalse(
                                        details.stream().anyMatch(line -> line.contains(call)),
                                        call + " is allowed but was reported:\n" + String.join("\n", details));
                            }
                        }));
    }
}
