package leaderlab.lessons;

/** Ends a lesson presented elsewhere (the window), for {@code lesson end}. */
@FunctionalInterface
public interface LessonEnder {

    /** Nothing to end: there is no window. */
    LessonEnder NONE = () -> false;

    /** @return false when no lesson is being presented */
    boolean end();
}
