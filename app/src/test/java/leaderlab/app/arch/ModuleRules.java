package leaderlab.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module arrows (app -> lessons -> shell -> cluster and app -> kafka -> shell, never back) and where the UI toolkits may be
 * used, as ArchUnit rules over every production class. {@link ModuleRulesTest} checks each against the
 * real classes and against a planted violation. The rules inside the cluster module live beside it
 * (leaderlab.cluster.arch.ClusterRules).
 */
final class ModuleRules {

    private static final String CLUSTER = "leaderlab.cluster..";
    private static final String SHELL = "leaderlab.shell..";
    private static final String LESSONS = "leaderlab.lessons..";
    private static final String KAFKA = "leaderlab.kafka..";
    private static final String APP = "leaderlab.app..";
    private static final String[] JAVAFX_AND_AWT = {"javafx..", "com.sun.javafx..", "java.awt..", "javax.swing.."};

    private ModuleRules() {}

    static final ArchRule CLUSTER_KNOWS_NO_FRONT_END = noClasses()
            .that()
            .resideInAPackage(CLUSTER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SHELL, KAFKA, LESSONS, APP)
            .because("the engine is driven by the shell, the lessons and the window, and knows none of them");

    static final ArchRule SHELL_KNOWS_ONLY_THE_CLUSTER = noClasses()
            .that()
            .resideInAPackage(SHELL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(KAFKA, LESSONS, APP)
            .because("the real-Kafka bridge, lessons and the window are built on the shell's commands, "
                    + "not the other way round");

    static final ArchRule KAFKA_KNOWS_NEITHER_LESSONS_NOR_APP = noClasses()
            .that()
            .resideInAPackage(KAFKA)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(LESSONS, APP)
            .because("the bridge to real Kafka drives the shell's command language; the window and lessons use it");

    static final ArchRule LESSONS_DO_NOT_KNOW_THE_APP = noClasses()
            .that()
            .resideInAPackage(LESSONS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(APP)
            .because("lessons play in the terminal and in the window alike");

    static final ArchRule NO_UI_TOOLKIT_IN_CLUSTER = noClasses()
            .that()
            .resideInAPackage(CLUSTER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JAVAFX_AND_AWT)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.jline..")
            .because("the engine runs headless, under any front end, and in benchmarks");

    static final ArchRule NO_JAVAFX_BELOW_THE_APP = noClasses()
            .that()
            .resideInAnyPackage(SHELL, KAFKA, LESSONS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JAVAFX_AND_AWT)
            .because("only the app module has JavaFX; the shell, the Kafka bridge and lessons also run in a plain "
                    + "terminal");

    static final ArchRule COMMAND_FRAMEWORK_KNOWS_NO_COMMAND = noClasses()
            .that()
            .resideInAPackage("leaderlab.shell.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("leaderlab.shell.commands..", "leaderlab.shell.chaos..")
            .because("commands register themselves with the framework; it names none of them");

    static final ArchRule WINDOW_DOES_NOT_RUN_BENCHMARKS = noClasses()
            .that()
            .resideInAPackage("leaderlab.app.window..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("leaderlab.app.bench..")
            .because("benchmarks drive the window, not the other way round");

    static final List<ArchRule> ALL = List.of(
            CLUSTER_KNOWS_NO_FRONT_END,
            SHELL_KNOWS_ONLY_THE_CLUSTER,
            KAFKA_KNOWS_NEITHER_LESSONS_NOR_APP,
            LESSONS_DO_NOT_KNOW_THE_APP,
            NO_UI_TOOLKIT_IN_CLUSTER,
            NO_JAVAFX_BELOW_THE_APP,
            COMMAND_FRAMEWORK_KNOWS_NO_COMMAND,
            WINDOW_DOES_NOT_RUN_BENCHMARKS);
}
