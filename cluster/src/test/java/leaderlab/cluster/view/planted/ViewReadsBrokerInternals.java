package leaderlab.cluster.view.planted;

import leaderlab.cluster.broker.ReplicaLog;

/** Breaks SHARED_PACKAGES_KNOW_NO_NODE_INTERNALS: a view holding a broker's mutable log. */
public final class ViewReadsBrokerInternals {

    public ReplicaLog log;
}
