package leaderlab.app.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import leaderlab.app.window.planted.WindowRunsABenchmark;
import leaderlab.cluster.planted.ClusterUsesJLine;
import leaderlab.cluster.planted.ClusterUsesJavaFx;
import leaderlab.cluster.planted.ClusterUsesShell;
import leaderlab.kafka.planted.KafkaUsesJavaFx;
import leaderlab.kafka.planted.KafkaUsesLessons;
import leaderlab.lessons.planted.LessonsUseApp;
import leaderlab.lessons.planted.LessonsUseJavaFx;
import leaderlab.shell.command.planted.FrameworkKnowsACommand;
import leaderlab.shell.planted.ShellUsesJavaFx;
import leaderlab.shell.planted.ShellUsesLessons;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The module rules hold for every production class of the five modules, and each one fails on its
 * planted violations (the classes in the {@code *.planted} test packages).
 */
class ModuleRulesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("leaderlab");

    private static final Map<ArchRule, List<Class<?>>> PLANTED = new LinkedHashMap<>();

    static {
        PLANTED.put(ModuleRules.CLUSTER_KNOWS_NO_FRONT_END, List.of(ClusterUsesShell.class));
        PLANTED.put(ModuleRules.SHELL_KNOWS_ONLY_THE_CLUSTER, List.of(ShellUsesLessons.class));
        PLANTED.put(ModuleRules.KAFKA_KNOWS_NEITHER_LESSONS_NOR_APP, List.of(KafkaUsesLessons.class));
        PLANTED.put(ModuleRules.LESSONS_DO_NOT_KNOW_THE_APP, List.of(LessonsUseApp.class));
        PLANTED.put(ModuleRules.NO_UI_TOOLKIT_IN_CLUSTER, List.of(ClusterUsesJavaFx.class, ClusterUsesJLine.class));
        PLANTED.put(
                ModuleRules.NO_JAVAFX_BELOW_THE_APP,
                List.of(ShellUsesJavaFx.class, KafkaUsesJavaFx.class, LessonsUseJavaFx.class));
        PLANTED.put(ModuleRules.COMMAND_FRAMEWORK_KNOWS_NO_COMMAND, List.of(FrameworkKnowsACommand.class));
        PLANTED.put(ModuleRules.WINDOW_DOES_NOT_RUN_BENCHMARKS, List.of(WindowRunsABenchmark.class));
    }

    @Test
    void theImportSeesEveryModule() {
        for (String module : List.of(
                "leaderlab.cluster", "leaderlab.shell", "leaderlab.kafka", "leaderlab.lessons", "leaderlab.app")) {
            assertTrue(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith(module)), module);
        }
    }

    @Test
    void everyRuleHasAPlantedViolation() {
        assertEquals(new HashSet<>(ModuleRules.ALL), PLANTED.keySet());
    }

    @TestFactory
    Stream<DynamicTest> productionCodeKeepsEveryRule() {
        return ModuleRules.ALL.stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCTION)));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFailsOnItsPlantedViolations() {
        return PLANTED.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream()
                        .map(fixture -> DynamicTest.dynamicTest(
                                fixture.getSimpleName() + " breaks: "
                                        + entry.getKey().getDescription(),
                                () -> {
                                    JavaClasses planted = new ClassFileImporter().importClasses(fixture);
                                    AssertionError error = assertThrows(
                                            AssertionError.class,
                                            () -> entry.getKey().check(planted));
                                    assertTrue(error.getMessage().contains(fixture.getName()), error.getMessage());
                                })));
    }
}
