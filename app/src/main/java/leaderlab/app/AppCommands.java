package leaderlab.app;

import leaderlab.app.window.WindowLauncher;
import leaderlab.lessons.LessonCommands;
import leaderlab.shell.command.CommandRegistry;

/**
 * The registry factory every entry point of the app and every app test uses: the whole command
 * language, window commands included, complete before any front end starts (a command that needs
 * the window says so when there is none).
 */
public final class AppCommands {

    private AppCommands() {}

    public static CommandRegistry registry() {
        return LessonCommands.registry(WindowLauncher::endLesson).add(PresentCommand.command());
    }
}
