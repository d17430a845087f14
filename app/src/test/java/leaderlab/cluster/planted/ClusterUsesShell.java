package leaderlab.cluster.planted;

import leaderlab.shell.command.Dispatcher;

/** Breaks CLUSTER_KNOWS_NO_FRONT_END: the cluster reaching up to the shell. */
public final class ClusterUsesShell {

    public Dispatcher planted;
}
