package leaderlab.cluster.controller.planted;

import leaderlab.cluster.broker.Broker;

/** Breaks CONTROLLER_TALKS_ONLY_THROUGH_MESSAGES: the controller holding a broker object. */
public final class ControllerCallsBroker {

    public Broker broker;
}
