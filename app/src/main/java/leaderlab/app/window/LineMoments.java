package leaderlab.app.window;

import java.util.concurrent.LinkedBlockingDeque;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.SnapshotSource;
import leaderlab.shell.command.CommandRunner;

/**
 * The cluster as every command line left it, for the scrubber's history. Frames alone keep only the
 * moments they happen to see, and on the simulator a line of seconds of cluster time can run between two
 * frames: a replay runs a whole bundle so, which left its history nearly empty. Taken on the command
 * thread after each line (a snapshot is cheap and immutable), handed to the FX thread through a bounded
 * queue that drops its oldest moment rather than ever make the command thread wait.
 */
final class LineMoments {

    private record Moment(Cluster cluster, ClusterSnapshot snapshot) {}

    /** As many moments as the history keeps: more could not all be shown anyway. */
    private final LinkedBlockingDeque<Moment> queue;

    LineMoments(CommandRunner runner, int capacity) {
        this.queue = new LinkedBlockingDeque<>(capacity);
        runner.addListener((line, result) -> {
            if (!runner.session().simulated()) {
                return; // a real cluster's moments are the poller's: a line does not make one
            }
            Cluster cluster = runner.session().cluster();
            Moment moment = new Moment(cluster, cluster.snapshot());
            while (!queue.offerLast(moment)) {
                queue.pollFirst();
            }
        });
    }

    /**
     * On the FX thread, before the frame keeps its live snapshot: keeps the moments of {@code cluster}
     * queued since the last frame, each in its place by time; moments of a cluster no longer shown are
     * dropped.
     */
    void drainInto(SnapshotHistory history, SnapshotSource cluster) {
        for (Moment moment = queue.pollFirst(); moment != null; moment = queue.pollFirst()) {
            if (moment.cluster() == cluster) {
                history.keep(moment.snapshot());
            }
        }
    }
}
