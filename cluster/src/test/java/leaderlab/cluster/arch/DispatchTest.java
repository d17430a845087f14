package leaderlab.cluster.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import leaderlab.cluster.broker.Broker;
import leaderlab.cluster.check.Ledger;
import leaderlab.cluster.client.ClientNode;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.controller.Controller;
import leaderlab.cluster.protocol.ClientApi;
import leaderlab.cluster.protocol.ControllerApi;
import leaderlab.cluster.protocol.ToBroker;
import leaderlab.cluster.protocol.ToClient;
import leaderlab.cluster.protocol.ToController;
import leaderlab.cluster.quorum.QuorumStorage;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Message;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive message dispatch. Each node's messages are a sealed interface ({@link ToBroker},
 * {@link ToController}, {@link ToClient}); the compiler keeps the permitted list complete, and this test
 * reads each node's {@code onMessage} bytecode and requires an {@code instanceof} test for every
 * permitted type, so a new message type cannot be added and silently ignored. (Java 17 has no pattern
 * switch; the handlers end in a throw for anything else.)
 */
class DispatchTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("leaderlab.cluster");

    /** Every concrete message is addressed to one kind of node, so it is covered by one dispatch. */
    private static final ArchRule EVERY_MESSAGE_NAMES_ITS_RECIPIENT = classes()
            .that()
            .implement(Message.class)
            .and()
            .areNotInterfaces()
            .should()
            .implement(ToBroker.class)
            .orShould()
            .implement(ToController.class)
            .orShould()
            .implement(ToClient.class)
            .because("a message type outside the sealed sets would reach no handler's checked dispatch");

    @Test
    void brokerHandlesEveryToBrokerMessage() {
        assertEquals(List.of(), missingCases(PRODUCTION, ToBroker.class, Broker.class));
    }

    @Test
    void controllerHandlesEveryToControllerMessage() {
        assertEquals(List.of(), missingCases(PRODUCTION, ToController.class, Controller.class));
    }

    @Test
    void clientHandlesEveryToClientMessage() {
        assertEquals(List.of(), missingCases(PRODUCTION, ToClient.class, ClientNode.class));
    }

    @Test
    void everyMessageNamesItsRecipient() {
        EVERY_MESSAGE_NAMES_ITS_RECIPIENT.check(PRODUCTION);
    }

    @Test
    void aForgottenMessageTypeIsFound() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedDispatch.ForgetfulNode.class);
        assertEquals(
                List.of(PlantedDispatch.Forgotten.class.getName()),
                missingCases(planted, PlantedDispatch.ToForgetful.class, PlantedDispatch.ForgetfulNode.class));
    }

    @Test
    void aMessageWithoutRecipientIsFound() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedDispatch.Stray.class);
        assertThrows(AssertionError.class, () -> EVERY_MESSAGE_NAMES_ITS_RECIPIENT.check(planted));
    }

    @Test
    void aMisroutedMessageIsLoudNotIgnored() {
        // The final else of each handler: a message of another node's set is a bug, not a no-op.
        Controller controller = new Controller(Configs.defaults(false), new QuorumStorage(101, List.of(101)));
        assertThrows(
                IllegalArgumentException.class,
                () -> controller.onMessage(Address.broker(1), new ClientApi.MetadataRequest(1, "orders")));
        ClientNode client = new ClientNode(3, Configs.defaults(false), new Ledger(), List.of(101));
        assertThrows(
                IllegalArgumentException.class,
                () -> client.onMessage(Address.broker(1), new ControllerApi.MetadataFetchRequest(0)));
    }

    /** The permitted subtypes of {@code sealed} that {@code handler.onMessage} never tests with instanceof. */
    private static List<String> missingCases(JavaClasses classes, Class<?> sealed, Class<?> handler) {
        JavaClass node = classes.get(handler);
        JavaMethod onMessage = node.getMethod("onMessage", Address.class, Message.class);
        Set<String> tested = onMessage.getInstanceofChecks().stream()
                .map(check -> check.getRawType().getName())
                .collect(Collectors.toSet());
        return Arrays.stream(sealed.getPermittedSubclasses())
                .map(Class::getName)
                .filter(name -> !tested.contains(name))
                .sorted()
                .toList();
    }
}
