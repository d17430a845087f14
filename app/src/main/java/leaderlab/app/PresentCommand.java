package leaderlab.app;

import leaderlab.app.window.WindowLauncher;
import leaderlab.lessons.LessonFormatException;
import leaderlab.lessons.LessonLibrary;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Result;

/** {@code present LESSON}: a window command (registered when the window opens) that plays a lesson there. */
final class PresentCommand {

    private PresentCommand() {}

    static Command command() {
        return Command.builder("present")
                // Presenting starts a lesson's own cluster: inside a lesson it would nest one.
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .usage("present LESSON")
                .summary("play a lesson in the window: narration, Next/Back, predictions (PageDown/PageUp, space, '.')")
                .details("The lesson starts a fresh cluster that the window and the shell share from then on.")
                .example("present 3")
                .example("present 07-unclean-leader-election")
                .run((args, session) -> {
                    args.expectAtMost(1, "present LESSON");
                    String name = args.positional(0, "a lesson name or number (lesson list shows them)");
                    try {
                        var lesson = new LessonLibrary().load(name);
                        var window = WindowLauncher.window()
                                .orElseThrow(() -> new CommandException(
                                        "there is no window; play it here with ./leaderlab lesson play " + name));
                        // Returns once the lesson's cluster is the session's: the prompt reads that one.
                        if (!window.presentFromCommand(lesson)) {
                            throw new CommandException("the window did not start " + lesson.title() + " within 30 s");
                        }
                        return Result.ok("presenting " + lesson.title() + " in the window");
                    } catch (LessonFormatException e) {
                        throw new CommandException(
                                e.getMessage().lines().findFirst().orElse("malformed lesson"));
                    } catch (java.io.IOException e) {
                        throw new CommandException("cannot read lesson " + name + ": " + e.getMessage());
                    }
                });
    }
}
