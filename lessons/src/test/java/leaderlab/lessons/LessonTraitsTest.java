package leaderlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import org.junit.jupiter.api.Test;

/** The lesson checker and the recorder read each command's traits, not lists of names of their own. */
class LessonTraitsTest {

    private final CommandRegistry registry = LessonCommands.registry();
    private final LineChecker checker = new LineChecker(registry);

    @Test
    void commandsNotAllowedInLessonsAreRejectedByTheirTrait() {
        Set<String> refused = new TreeSet<>();
        for (Command command : registry.all()) {
            if (!command.allowedInLessons()) {
                refused.add(command.name());
                CommandException e = assertThrows(CommandException.class, () -> checker.check(command.name(), 1));
                assertTrue(e.getMessage().contains("cannot be used in a lesson"), e.getMessage());
            }
        }
        // save and export write files; fork and unfork switch the cluster under the lesson's player.
        assertEquals(Set.of("export", "fork", "lesson", "quit", "record", "reset", "save", "unfork"), refused);
    }

    @Test
    void theCheckerUsesEachCommandsOwnCheck() {
        Command produce = registry.find("produce");
        CommandException direct = assertThrows(CommandException.class, () -> produce.check(List.of("t", "--count")));
        CommandException inLesson = assertThrows(CommandException.class, () -> checker.check("produce t --count", 3));
        assertEquals(direct.getMessage(), inLesson.getMessage());
        assertEquals(
                StepLine.Kind.COMMAND,
                checker.check("produce t --count 3 --json", 4).kind());
    }

    @Test
    void theRecorderSkipsAndEndsStepsByTrait() {
        assertEquals(Command.Recording.IGNORED, registry.find("record").recording());
        assertEquals(Command.Recording.IGNORED, registry.find("help").recording());
        assertEquals(Command.Recording.ENDS_STEP, registry.find("describe").recording());
        assertEquals(Command.Recording.ENDS_STEP, registry.find("focus").recording());
        assertEquals(Command.Recording.STEP, registry.find("kill").recording());
    }
}
