package leaderlab.lessons;

import leaderlab.cluster.Cluster;

/**
 * What a lesson player looks like between steps, published as one immutable value after every change,
 * so a window's FX thread can read it while the player itself runs on the command or a worker thread.
 *
 * @param position steps played, 0..stepCount
 * @param upcoming the step Next plays, or null when finished
 * @param lastRun  what the last played step showed, or null before the first
 * @param cluster  the cluster the lesson plays on (a new one after Back)
 */
public record PlayerState(Lesson lesson, int position, Step upcoming, StepRun lastRun, Cluster cluster) {

    public int stepCount() {
        return lesson.steps().size();
    }

    public boolean finished() {
        return upcoming == null;
    }
}
