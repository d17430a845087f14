package leaderlab.shell.planted;

import leaderlab.lessons.Lesson;

/** Breaks SHELL_KNOWS_ONLY_THE_CLUSTER: the shell reaching up to the lessons. */
public final class ShellUsesLessons {

    public Lesson planted;
}
