package leaderlab.cluster.controller;

import java.util.SortedMap;
import java.util.function.IntPredicate;
import leaderlab.cluster.metadata.BrokerRegistration;

/**
 * Each broker's election-relevant state in arrays by id, built once per set of registrations: an
 * election asks it per partition, and a fence at scale asks hundreds of thousands of times.
 */
final class BrokerStates {

    /** The registrations these were built from (the image replaces its map on every change). */
    final SortedMap<Integer, BrokerRegistration> of;
    /** Registered, unfenced and not in controlled shutdown. */
    final boolean[] active;

    final IntPredicate isDemoted;

    BrokerStates(SortedMap<Integer, BrokerRegistration> registrations) {
        this.of = registrations;
        int size = registrations.isEmpty() ? 0 : registrations.lastKey() + 1;
        this.active = new boolean[size];
        boolean[] demoted = new boolean[size];
        registrations.forEach((id, registration) -> {
            active[id] = registration.active();
            demoted[id] = registration.demoted();
        });
        this.isDemoted = broker -> broker >= 0 && broker < demoted.length && demoted[broker];
    }
}
