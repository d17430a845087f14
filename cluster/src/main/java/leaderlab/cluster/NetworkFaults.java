package leaderlab.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.LinkRule;
import leaderlab.cluster.runtime.NetworkFault;

/** Builds the network faults the operator asks for, as sets of directed links, each with a description. */
final class NetworkFaults {

    private NetworkFaults() {}

    /**
     * Cuts a node (a broker, or a controller by its id) off, both directions, from clients, the
     * controllers and/or brokers.
     */
    static NetworkFault isolation(
            int id,
            IsolateFrom from,
            Set<Integer> peers,
            Set<Integer> allBrokers,
            List<Integer> controllerIds,
            long flapPeriodMs) {
        Address broker = address(id, controllerIds);
        List<Address> others = new ArrayList<>();
        if (from == IsolateFrom.ALL || from == IsolateFrom.CLIENTS) {
            others.add(Address.client(0));
        }
        if (from == IsolateFrom.ALL || from == IsolateFrom.CONTROLLER) {
            controllerIds.stream().filter(c -> c != id).map(Address::controller).forEach(others::add);
        }
        if (from == IsolateFrom.ALL || from == IsolateFrom.BROKERS) {
            for (int other : allBrokers) {
                if (other != id && (peers.isEmpty() || peers.contains(other))) {
                    others.add(Address.broker(other));
                }
            }
        }
        Map<NetworkFault.Link, LinkRule> links = new LinkedHashMap<>();
        for (Address other : others) {
            links.put(new NetworkFault.Link(broker, other), new LinkRule(true, 0, 0));
            links.put(new NetworkFault.Link(other, broker), new LinkRule(true, 0, 0));
        }
        String what = switch (from) {
            case ALL -> "everything";
            case CLIENTS -> "clients (the cluster still sees it)";
            case CONTROLLER -> controllerIds.contains(id) ? "the other controllers" : "the controllers";
            case BROKERS -> peers.isEmpty() ? "the other brokers" : "brokers " + peers;
        };
        String node = (controllerIds.contains(id) ? "controller " : "broker ") + id;
        String verb = flapPeriodMs > 0
                ? "flap " + node + " (every " + flapPeriodMs + " ms) from "
                : "isolate " + node + " from ";
        return new NetworkFault(verb + what, links, flapPeriodMs);
    }

    /** A node id as an address: controllers have ids of their own (101, 102, ...). */
    static Address address(int id, List<Integer> controllerIds) {
        return controllerIds.contains(id) ? Address.controller(id) : Address.broker(id);
    }

    /**
     * Splits the cluster: nodes in different groups cannot talk. Controllers stay with the first group
     * unless a group names them; clients reach everyone.
     *
     * @param brokerGroups node ids per group; controllers named in no group go to {@code controllerGroup}
     */
    static NetworkFault partition(List<Set<Integer>> brokerGroups, int controllerGroup, List<Integer> controllerIds) {
        List<List<Address>> groups = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (Set<Integer> group : brokerGroups) {
            List<Address> members = new ArrayList<>();
            for (int id : group) {
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("broker " + id + " is in two groups");
                }
                members.add(address(id, controllerIds));
            }
            groups.add(members);
        }
        for (int controller : controllerIds) {
            if (!seen.contains(controller)) {
                groups.get(controllerGroup).add(Address.controller(controller));
            }
        }
        Map<NetworkFault.Link, LinkRule> links = new LinkedHashMap<>();
        for (int a = 0; a < groups.size(); a++) {
            for (int b = 0; b < groups.size(); b++) {
                if (a != b) {
                    for (Address from : groups.get(a)) {
                        for (Address to : groups.get(b)) {
                            links.put(new NetworkFault.Link(from, to), new LinkRule(true, 0, 0));
                        }
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder("partition ");
        for (int g = 0; g < groups.size(); g++) {
            text.append(g == 0 ? "" : " / ")
                    .append(groups.get(g).toString().replace("[", "{").replace("]", "}"));
        }
        return new NetworkFault(text.toString(), links);
    }

    /** The brokers among a link's two ends (a link may also join a broker to the controller or a client). */
    /**
     * The nodes at either end a journal reader names the fault by: brokers and controllers (as isolate
     * names either), so {@code why controller} sees a leader's links cut; not the client.
     */
    static List<Integer> nodesAt(Address from, Address to) {
        return java.util.stream.Stream.of(from, to)
                .filter(address -> !address.isClient())
                .map(Address::id)
                .toList();
    }

    static NetworkFault link(Address from, Address to, LinkRule rule) {
        return new NetworkFault(
                "link " + from + " -> " + to + ": " + describe(rule), Map.of(new NetworkFault.Link(from, to), rule));
    }

    private static String describe(LinkRule rule) {
        List<String> parts = new ArrayList<>();
        if (rule.cut()) {
            parts.add("cut");
        }
        if (rule.dropProbability() > 0) {
            parts.add("drop " + Math.round(rule.dropProbability() * 100) + "%");
        }
        if (rule.addedDelayMs() > 0) {
            parts.add("delay " + rule.addedDelayMs() + " ms");
        }
        return String.join(", ", parts);
    }
}
