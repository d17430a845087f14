package leaderlab.cluster.client.planted;

import leaderlab.cluster.broker.ReplicaLog;

/** Breaks CLIENT_TALKS_ONLY_THROUGH_MESSAGES: a client reading a broker's log directly. */
public final class ClientCallsBroker {

    public long end(ReplicaLog log) {
        return log.endOffset();
    }
}
