package leaderlab.lessons.planted;

import leaderlab.app.Main;

/** Breaks LESSONS_DO_NOT_KNOW_THE_APP: the lessons reaching up to the launcher. */
public final class LessonsUseApp {

    public Main planted;
}
