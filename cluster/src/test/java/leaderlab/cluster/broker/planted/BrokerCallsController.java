package leaderlab.cluster.broker.planted;

import leaderlab.cluster.controller.Controller;

/** Breaks BROKER_TALKS_ONLY_THROUGH_MESSAGES: a broker holding the controller object. */
public final class BrokerCallsController {

    public Controller controller;
}
