package leaderlab.cluster.view.planted;

import leaderlab.cluster.Cluster;

/** Breaks NOTHING_BELOW_REACHES_THE_FACADE: a view reaching up to the Cluster facade. */
public final class ViewUsesFacade {

    public Cluster cluster;
}
