package leaderlab.cluster.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import leaderlab.cluster.controller.BrokerSession;
import leaderlab.cluster.controller.ControllerView;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Message;
import leaderlab.cluster.runtime.Node;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.runtime.Timer;

/**
 * The rules the cluster module's code keeps, as ArchUnit rules: the package arrows inside
 * {@code leaderlab.cluster}, and determinism of node code. {@link ClusterRulesTest} checks each against
 * the real classes and against a planted violation, so every rule is shown to bite.
 */
final class ClusterRules {

    static final String CLUSTER = "leaderlab.cluster..";
    private static final String BROKER = "leaderlab.cluster.broker..";
    private static final String CONTROLLER = "leaderlab.cluster.controller..";
    private static final String CLIENT = "leaderlab.cluster.client..";
    private static final String RUNTIME = "leaderlab.cluster.runtime..";
    /** The controllers' Raft code: node code too, run by the controller. */
    private static final String QUORUM = "leaderlab.cluster.quorum..";

    private ClusterRules() {}

    // ---- Package arrows ---------------------------------------------------------------------------

    /** Node code runs unchanged on both runtimes, so it sees only the runtime's interfaces. */
    static final ArchRule NODES_SEE_ONLY_THE_RUNTIME_INTERFACES = noClasses()
            .that()
            .resideInAnyPackage(BROKER, CONTROLLER, CLIENT, QUORUM)
            .should()
            .dependOnClassesThat(resideInAPackage(RUNTIME)
                    .and(not(belongToAnyOf(Address.class, Message.class, Node.class, NodeContext.class, Timer.class))))
            .because("a node must run the same on the simulated and the threaded runtime");

    /** A broker, the controller and a client share no state: they talk only in protocol messages. */
    static final ArchRule BROKER_TALKS_ONLY_THROUGH_MESSAGES = noClasses()
            .that()
            .resideInAPackage(BROKER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CONTROLLER, CLIENT, QUORUM)
            .because("nodes share nothing but messages");

    static final ArchRule CONTROLLER_TALKS_ONLY_THROUGH_MESSAGES = noClasses()
            .that()
            .resideInAPackage(CONTROLLER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(BROKER, CLIENT)
            .because("nodes share nothing but messages");

    static final ArchRule CLIENT_TALKS_ONLY_THROUGH_MESSAGES = noClasses()
            .that()
            .resideInAPackage(CLIENT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(BROKER, CONTROLLER, QUORUM)
            .because("nodes share nothing but messages");

    /** The facade ({@code leaderlab.cluster.Cluster} and friends) sits on top; nothing below reaches up. */
    static final ArchRule NOTHING_BELOW_REACHES_THE_FACADE = noClasses()
            .that()
            .resideInAPackage(CLUSTER)
            .and()
            .resideOutsideOfPackage("leaderlab.cluster")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("leaderlab.cluster")
            .because("the facade wires the parts together; the parts do not know it");

    /**
     * Shared packages (views, journal, metadata, protocol, config, checker, runtime) know no broker or
     * client internals, and of the controller only the views it publishes.
     */
    static final ArchRule SHARED_PACKAGES_KNOW_NO_NODE_INTERNALS = noClasses()
            .that()
            .resideInAnyPackage(
                    "leaderlab.cluster.view..",
                    "leaderlab.cluster.journal..",
                    "leaderlab.cluster.metadata..",
                    "leaderlab.cluster.protocol..",
                    "leaderlab.cluster.config..",
                    "leaderlab.cluster.check..",
                    RUNTIME)
            .should()
            .dependOnClassesThat(resideInAnyPackage(BROKER, CLIENT)
                    .or(resideInAPackage(CONTROLLER)
                            .and(not(belongToAnyOf(ControllerView.class, BrokerSession.class)))))
            .because("readers get published views, never a node's mutable state");

    /**
     * The journal and the configuration catalogue are leaves: everything may use them, and they use only
     * the two value leaves a typed event is made of (Kafka's error codes and replica-list rendering).
     */
    static final ArchRule JOURNAL_AND_CONFIG_ARE_LEAVES = noClasses()
            .that()
            .resideInAnyPackage("leaderlab.cluster.journal..", "leaderlab.cluster.config..")
            .should()
            .dependOnClassesThat(resideInAPackage(CLUSTER)
                    .and(not(resideInAnyPackage("leaderlab.cluster.journal..", "leaderlab.cluster.config..")))
                    .and(not(belongToAnyOf(Errors.class, Replicas.class))))
            .because("they sit at the bottom of the cluster module");

    /** The runtimes run nodes; they know nothing of what a node is beyond the Node interface. */
    static final ArchRule RUNTIME_KNOWS_ONLY_THE_JOURNAL = noClasses()
            .that()
            .resideInAPackage(RUNTIME)
            .should()
            .dependOnClassesThat(
                    resideInAPackage(CLUSTER).and(not(resideInAnyPackage(RUNTIME, "leaderlab.cluster.journal.."))))
            .because("a runtime delivers messages and timers; what they mean is the nodes' business");

    // ---- Determinism of node code -------------------------------------------------------------------

    /**
     * The threaded runtime's clock is the one place that reads wall time: it turns it into cluster time
     * for {@link NodeContext#nowMs()}.
     */
    private static final DescribedPredicate<JavaClass> RUNTIME_CLOCK = DescribedPredicate.describe(
            "the threaded runtime's clock", c -> c.getName().equals("leaderlab.cluster.runtime.ScaledClock"));

    static final ArchRule NO_WALL_CLOCK = noClasses()
            .that()
            .resideInAPackage(CLUSTER)
            .and(not(RUNTIME_CLOCK))
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethodWhere(calls("a java.time now(...)", "now", Set.of("java.time")))
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.time.Clock")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.time.InstantSource")
            .because("cluster time is NodeContext.nowMs(): virtual in the simulator");

    static final ArchRule NO_SLEEP = noClasses()
            .that()
            .resideInAPackage(CLUSTER)
            .and(not(RUNTIME_CLOCK))
            .should()
            .callMethodWhere(calls(
                    "Thread.sleep or TimeUnit.sleep",
                    "sleep",
                    Set.of("java.lang.Thread", "java.util.concurrent.TimeUnit")))
            .because("a node never blocks; waiting is a timer (NodeContext.schedule)");

    static final ArchRule NO_UNSEEDED_RANDOM = noClasses()
            .that()
            .resideInAPackage(CLUSTER)
            .should()
            .callConstructorWhere(DescribedPredicate.describe(
                    "new java.util.Random() without a seed",
                    (JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(java.util.Random.class)
                            && call.getTarget().getRawParameterTypes().isEmpty()))
            .orShould()
            .callMethod(Math.class, "random")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.security.SecureRandom")
            .orShould()
            .callMethod(java.util.UUID.class, "randomUUID")
            .because("the only randomness is the seeded NodeContext.random(), so a seed replays a run");

    /**
     * Formatting and case mapping without a locale follow the JVM's default locale (a German JVM prints
     * 1,500s), so they would break byte-identical output for a seed.
     */
    static final ArchRule NO_DEFAULT_LOCALE = noClasses()
            .that()
            .resideInAPackage(CLUSTER)
            .should()
            .callMethod(String.class, "format", String.class, Object[].class)
            .orShould()
            .callMethod(String.class, "formatted", Object[].class)
            .orShould()
            .callMethod(String.class, "toLowerCase")
            .orShould()
            .callMethod(String.class, "toUpperCase")
            .orShould()
            .callMethod(java.io.PrintStream.class, "printf", String.class, Object[].class)
            .orShould()
            .callMethod(java.io.PrintStream.class, "format", String.class, Object[].class)
            .because("output for a seed is byte-identical in every locale: pass Locale.ROOT");

    static final List<ArchRule> ALL = List.of(
            NODES_SEE_ONLY_THE_RUNTIME_INTERFACES,
            BROKER_TALKS_ONLY_THROUGH_MESSAGES,
            CONTROLLER_TALKS_ONLY_THROUGH_MESSAGES,
            CLIENT_TALKS_ONLY_THROUGH_MESSAGES,
            NOTHING_BELOW_REACHES_THE_FACADE,
            SHARED_PACKAGES_KNOW_NO_NODE_INTERNALS,
            JOURNAL_AND_CONFIG_ARE_LEAVES,
            RUNTIME_KNOWS_ONLY_THE_JOURNAL,
            NO_WALL_CLOCK,
            NO_SLEEP,
            NO_UNSEEDED_RANDOM,
            NO_DEFAULT_LOCALE);

    /** A call of a method named {@code name} declared in one of {@code owners} (classes or packages). */
    private static DescribedPredicate<JavaCall<?>> calls(String description, String name, Set<String> owners) {
        return DescribedPredicate.describe(
                description,
                call -> call.getName().equals(name)
                        && (owners.contains(call.getTargetOwner().getName())
                                || owners.contains(call.getTargetOwner().getPackageName())));
    }
}
