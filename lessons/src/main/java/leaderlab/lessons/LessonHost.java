package leaderlab.lessons;

import leaderlab.cluster.Cluster;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * Where a lesson's commands run: its own dispatcher and cluster (terminal play and verify), or a
 * window's shared session and command runner, so the window shows the lesson as it plays.
 */
public interface LessonHost {

    Session session();

    Result run(String line);

    /** The player is done with this host's cluster (Back replays on a fresh one). */
    void retire();

    /** A host of its own: a dispatcher over the cluster; retiring closes the cluster. */
    static LessonHost own(Dispatcher dispatcher) {
        return new LessonHost() {
            @Override
            public Session session() {
                return dispatcher.session();
            }

            @Override
            public Result run(String line) {
                return dispatcher.execute(line);
            }

            @Override
            public void retire() {
                dispatcher.session().cluster().close();
            }
        };
    }

    /** Starts a host on a fresh cluster; the default makes its own dispatcher. */
    @FunctionalInterface
    interface Factory {
        LessonHost start(Cluster cluster);
    }
}
