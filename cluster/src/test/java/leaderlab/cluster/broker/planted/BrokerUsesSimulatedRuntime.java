package leaderlab.cluster.broker.planted;

import leaderlab.cluster.runtime.SimulatedRuntime;

/** Breaks NODES_SEE_ONLY_THE_RUNTIME_INTERFACES: node code reaching for a runtime implementation. */
public final class BrokerUsesSimulatedRuntime {

    public long steps(SimulatedRuntime runtime) {
        return runtime.eventsProcessed();
    }
}
