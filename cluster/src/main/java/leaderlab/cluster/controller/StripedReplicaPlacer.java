package leaderlab.cluster.controller;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import leaderlab.cluster.metadata.BrokerRegistration;

/**
 * Replica placement for new topics, after Kafka's KRaft {@code StripedReplicaPlacer}: racks in name
 * order, leaders taken round-robin from unfenced brokers rack by rack, followers from the following
 * racks, fenced brokers only as a last resort, with seeded random offsets and a reshuffle after each
 * full round. Spreads replicas across racks first, then brokers.
 */
final class StripedReplicaPlacer {

    /** A list of brokers walked round-robin, starting one further each round. */
    private static final class BrokerList {
        final List<Integer> brokers = new ArrayList<>();
        int epoch;
        int index;
        int offset;

        int next(int round) {
            if (brokers.isEmpty()) {
                return -1;
            }
            if (epoch != round) {
                epoch = round;
                index = 0;
                offset = (offset + 1) % brokers.size();
            }
            if (index >= brokers.size()) {
                return -1;
            }
            return brokers.get((index++ + offset) % brokers.size());
        }

        void shuffle(Random random) {
            Collections.shuffle(brokers, random);
            offset = brokers.isEmpty() ? 0 : random.nextInt(brokers.size());
        }
    }

    private static final class Rack {
        final BrokerList unfenced = new BrokerList();
        final BrokerList fenced = new BrokerList();

        int next(int round) {
            int broker = unfenced.next(round);
            return broker >= 0 ? broker : fenced.next(round);
        }

        void shuffle(Random random) {
            unfenced.shuffle(random);
            fenced.shuffle(random);
        }
    }

    private final Random random;
    private final Map<String, Rack> racks = new TreeMap<>();
    private final List<String> rackNames;
    private final int unfencedBrokers;
    private int round;
    private int offset;

    /** @param usable registered brokers that are not shutting down, fenced ones included */
    StripedReplicaPlacer(List<BrokerRegistration> usable, Random random) {
        this.random = random;
        int unfenced = 0;
        for (BrokerRegistration broker : usable) {
            Rack rack = racks.computeIfAbsent(broker.rack() == null ? "" : broker.rack(), r -> new Rack());
            if (broker.fenced()) {
                rack.fenced.brokers.add(broker.id());
            } else {
                rack.unfenced.brokers.add(broker.id());
                unfenced++;
            }
        }
        racks.values().forEach(rack -> {
            Collections.sort(rack.unfenced.brokers);
            Collections.sort(rack.fenced.brokers);
            rack.shuffle(random);
        });
        this.rackNames = new ArrayList<>(racks.keySet());
        this.unfencedBrokers = unfenced;
        this.offset = rackNames.isEmpty() ? 0 : random.nextInt(rackNames.size());
    }

    /** Why placement on these brokers is impossible, or null if {@code replicationFactor} replicas fit. */
    static String problem(List<BrokerRegistration> usable, int replicationFactor) {
        if (replicationFactor < 1) {
            return "Replication factor must be larger than 0.";
        }
        if (replicationFactor > usable.size()) {
            return "Unable to replicate the partition " + replicationFactor + " time(s): The target "
                    + "replication factor of " + replicationFactor + " cannot be reached because only "
                    + usable.size() + " broker(s) are registered.";
        }
        if (usable.stream().allMatch(BrokerRegistration::fenced)) {
            return "All brokers are currently fenced.";
        }
        return null;
    }

    int[] place(int replicationFactor) {
        if (round == unfencedBrokers && unfencedBrokers > 1) {
            racks.values().forEach(rack -> rack.shuffle(random));
            Collections.shuffle(rackNames, random);
            round = 0;
        }
        if (offset == rackNames.size()) {
            offset = 0;
        }
        int[] replicas = new int[replicationFactor];
        int firstRack = offset;
        while (true) {
            int leader = racks.get(rackNames.get(firstRack)).unfenced.next(round);
            if (leader >= 0) {
                replicas[0] = leader;
                break;
            }
            firstRack = (firstRack + 1) % rackNames.size();
        }
        int rackIndex = offset;
        for (int replica = 1; replica < replicationFactor; replica++) {
            int broker = -1;
            do {
                if (rackIndex == firstRack) {
                    firstRack = -1;
                } else {
                    broker = racks.get(rackNames.get(rackIndex)).next(round);
                }
                rackIndex = (rackIndex + 1) % rackNames.size();
            } while (broker < 0);
            replicas[replica] = broker;
        }
        round++;
        offset++;
        return replicas;
    }
}
