package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Result;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The traits each command declares, read by the completer, triggers and the Kafka-equivalent lines. */
class CommandTraitsTest {

    private final ShellFixture f = new ShellFixture(2);

    @AfterEach
    void close() {
        f.close();
    }

    /** What tab offers with the cursor at the end of the line, through the real JLine completer. */
    private Set<String> tab(String line) {
        List<Candidate> candidates = new ArrayList<>();
        new ShellCompleter(f.shell)
                .complete(
                        null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        Set<String> values = new TreeSet<>();
        candidates.forEach(c -> values.add(c.value()));
        return values;
    }

    @Test
    void completionOffersWhatEachArgumentTakes() {
        f.ok("create topic orders --partitions 2 --replication-factor 3");
        f.ok("kill 3");
        assertEquals(Set.of("1", "2", "101", "102", "103", "controller"), tab("kill "));
        assertEquals(Set.of("3"), tab("restart "));
        assertEquals(Set.of("preferred", "unclean"), tab("elect "));
        assertEquals(Set.of("orders", "orders-0", "orders-1"), tab("elect preferred "));
        assertEquals(Set.of("controller", "orders-0", "orders-1"), tab("why "));
        assertEquals(Set.of("controller", "orders-0", "orders-1"), tab("history "));
        assertEquals(Set.of("orders"), tab("produce "));
        assertEquals(Set.of("0", "1", "all"), tab("produce orders --acks "));
        assertTrue(tab("isolate 2 --from ").containsAll(Set.of("clients", "controller", "brokers:1")));
        assertTrue(tab("help ").containsAll(Set.of("kill", "when", "describe")));
        assertTrue(tab("produce orders --").containsAll(Set.of("--acks", "--count", "--json", "--partition")));
        f.ok("kill 102");
        assertEquals(Set.of("3", "102", "controllers"), tab("restart "));
    }

    @Test
    void conditionCompletionOffersEverySubjectConditionsRead() {
        Set<String> subjects = tab("expect ");
        assertTrue(
                subjects.containsAll(
                        Set.of("lost", "violations", "last-produce", "leader", "leo", "broker", "quorum-leader")),
                subjects.toString());
        assertEquals(subjects, tab("wait until "));
        assertTrue(tab("wait ").contains("until"));
        f.ok("create topic orders");
        assertEquals(Set.of("orders"), tab("expect lost "));
        assertEquals(Set.of("is"), tab("expect violations "));
        assertEquals(Set.of("1", "2", "3"), tab("expect broker "));
        // Each offered subject is one the condition parser reads (no drift between the two).
        for (String subject : subjects) {
            Result result = f.run("expect " + subject + " x is 1");
            assertFalse(result.lines().get(0).contains("unknown condition"), subject + ": " + result.lines());
        }
    }

    @Test
    void afterDoWhenOffersTriggerableCommandsAndTheirArguments() {
        f.ok("create topic orders");
        Set<String> commands = tab("when leader orders-0 is 2 do ");
        Set<String> triggerable = new TreeSet<>();
        f.shell.registry().all().stream().filter(Command::triggerable).forEach(c -> triggerable.add(c.name()));
        assertEquals(triggerable, commands);
        assertTrue(triggerable.containsAll(Set.of("kill", "restart", "isolate", "heal", "stall", "flap")));
        assertFalse(triggerable.contains("describe"));
        assertEquals(
                Set.of("1", "2", "3", "101", "102", "103", "controller"), tab("when leader orders-0 is 2 do kill "));
    }

    @Test
    void whenTakesOnlyTriggerableCommandsAndChecksTheirWords() {
        f.ok("create topic orders");
        Result notTriggerable = f.run("when leader orders-0 is 2 do describe");
        assertEquals(Result.Status.ERROR, notTriggerable.status());
        assertTrue(
                notTriggerable.lines().get(0).contains("kill"),
                notTriggerable.lines().toString());
        Result badOption = f.run("when leader orders-0 is 2 do kill 1 --bogus");
        assertEquals(Result.Status.ERROR, badOption.status());
        assertTrue(f.cluster().pendingTriggers().isEmpty(), "bad input arms nothing");
        f.ok("when leader orders-0 is 2 do kill 1 --power-loss");
        assertEquals(1, f.cluster().pendingTriggers().size());
    }

    @Test
    void checkIsTheOneValidationOfACommandsWords() {
        Command produce = f.shell.registry().find("produce");
        assertEquals("orders", produce.check(List.of("orders", "--count", "3")).positional(0, ""));
        assertEquals("3", produce.check(List.of("orders", "--count=3")).option("count"));
        CommandException unknown =
                assertThrows(CommandException.class, () -> produce.check(List.of("orders", "--nope")));
        Result dispatched = f.run("produce orders --nope");
        assertEquals("error: " + unknown.getMessage(), dispatched.lines().get(0), "the dispatcher checks with check()");
        assertThrows(CommandException.class, () -> produce.check(List.of("orders", "--count")));
    }

    @Test
    void kafkaEquivalentsAreDeclaredByTheCommands() {
        Command elect = f.shell.registry().find("elect");
        assertEquals(
                "kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type PREFERRED --topic my-t "
                        + "--partition 3",
                elect.kafkaEquivalent(List.of("preferred", "my-t-3")).orElseThrow());
        assertTrue(elect.kafkaEquivalent(List.of("preferred", "--bogus")).isEmpty(), "words that fail check have none");
        assertTrue(
                f.shell.registry().find("wait").kafkaEquivalent(List.of("2s")).isEmpty());
    }
}
