package leaderlab.shell.command.planted;

import leaderlab.shell.commands.CoreCommands;

/** Breaks COMMAND_FRAMEWORK_KNOWS_NO_COMMAND: the framework naming a concrete command set. */
public final class FrameworkKnowsACommand {

    public CoreCommands planted;
}
