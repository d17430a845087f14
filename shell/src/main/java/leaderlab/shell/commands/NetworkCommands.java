package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import leaderlab.cluster.IsolateFrom;
import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.LinkRule;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completion;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/** Network faults: isolation, partitions, per-link cuts, drops and delays, and heal. */
final class NetworkCommands {

    /** What --from takes: a peer group, or brokers:IDS for some brokers. */
    static final Completion FROM = (context, out) -> {
        for (String peers : java.util.List.of("all", "clients", "controller", "brokers")) {
            out.offer(peers, "isolate from");
        }
        context.snapshot().brokers().forEach(b -> out.offer("brokers:" + b.id(), "one broker"));
    };

    private NetworkCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("isolate")
                .completes(Completions.first(Completions.runningNodes()))
                .triggerable()
                .usage("isolate BROKER|CONTROLLER [--from all|clients|controller|brokers[:1,3]]")
                .summary(
                        "cut a broker off (both directions) from everything, or only from clients, the controller or brokers")
                .details("--from clients is the gray failure failover does not see: the controller still gets "
                        + "heartbeats, so nothing is re-elected, while producers and consumers cannot reach the "
                        + "broker. --from brokers:1,3 cuts it from those brokers only.")
                .option("from", FROM)
                .example("isolate 2")
                .example("isolate 1 --from clients")
                .example("isolate 3 --from brokers:1")
                .run(NetworkCommands::isolate));
        registry.add(Command.builder("partition")
                .completes(Completions.both(Completions.allNodes(), Completions.words("between groups", "/")))
                .triggerable()
                .usage("partition GROUP / GROUP [/ GROUP...]   (groups of broker ids, e.g. 1,2 / 3)")
                .summary("split the network into groups that cannot reach each other")
                .details("The controller stays with the first group unless a group names it ('controller' or 'c'). "
                        + "Clients reach every group.")
                .example("partition 1,2 / 3")
                .example("partition 1 / 2,3,controller")
                .run(NetworkCommands::partition));
        registry.add(Command.builder("link")
                .completes(Completions.both(
                        Completions.allNodes(),
                        Completions.words("the active controller or the clients", "controller", "client")))
                .triggerable()
                .usage("link FROM TO [--cut] [--drop P] [--delay DURATION] [--both]")
                .summary("impair one directed link: cut it, drop a fraction of messages, or add delay")
                .details("FROM and TO are broker ids, 'controller' or 'client'. --both applies it in both directions. "
                        + "Faults add up until heal.")
                .options("drop", "delay")
                .flags("cut", "both")
                .example("link 1 2 --cut")
                .example("link 3 1 --delay 300ms --drop 0.2 --both")
                .run(NetworkCommands::link));
        registry.add(Command.builder("heal")
                .triggerable()
                .usage("heal")
                .summary("remove every network fault")
                .run((args, session) -> {
                    args.expectAtMost(0, "heal");
                    session.cluster().heal();
                    return Result.ok("network healed");
                }));
    }

    /** Where a broker is cut off from, as --from says it. */
    record Isolation(IsolateFrom mode, Set<Integer> peers) {}

    static Isolation isolation(int id, String fromOption) {
        String from = fromOption == null ? "all" : fromOption.toLowerCase(Locale.ROOT);
        if (from.startsWith("brokers:")) {
            Set<Integer> peers = Parse.brokerSet(from.substring("brokers:".length()), "--from brokers:");
            if (peers.contains(id)) {
                throw new CommandException("broker " + id + " cannot be isolated from itself");
            }
            return new Isolation(IsolateFrom.BROKERS, peers);
        }
        return new Isolation(
                switch (from) {
                    case "all" -> IsolateFrom.ALL;
                    case "clients" -> IsolateFrom.CLIENTS;
                    case "controller" -> IsolateFrom.CONTROLLER;
                    case "brokers" -> IsolateFrom.BROKERS;
                    default ->
                        throw new CommandException(
                                "--from must be all, clients, controller or brokers[:IDS], got '" + from + "'");
                },
                Set.of());
    }

    private static Result isolate(Args args, Session session) {
        args.expectAtMost(1, "isolate BROKER [--from ...]");
        int id = Targets.node(session, args.positional(0, "a broker or controller id, e.g. isolate 2"));
        Isolation isolation = isolation(id, args.option("from"));
        return Result.ok(session.cluster().isolate(id, isolation.mode(), isolation.peers()));
    }

    private static Result partition(Args args, Session session) {
        String joined = String.join(" ", args.positionals());
        String[] parts = joined.split("/", -1);
        if (parts.length < 2) {
            throw new CommandException("partition needs at least two groups separated by '/', e.g. partition 1,2 / 3");
        }
        List<Set<Integer>> groups = new ArrayList<>();
        int controllerGroup = 0;
        boolean controllerNamed = false;
        for (int g = 0; g < parts.length; g++) {
            List<String> ids = new ArrayList<>();
            for (String token : parts[g].replace(',', ' ').trim().split("\\s+")) {
                if (token.equals("controller") || token.equals("c")) {
                    if (controllerNamed) {
                        throw new CommandException("the controller can be in one group only");
                    }
                    controllerNamed = true;
                    controllerGroup = g;
                } else if (!token.isEmpty()) {
                    ids.add(token);
                }
            }
            if (ids.isEmpty() && !(controllerNamed && controllerGroup == g)) {
                throw new CommandException("group " + (g + 1) + " is empty; write groups like 1,2 / 3");
            }
            groups.add(ids.isEmpty() ? Set.of() : Parse.brokerSet(String.join(",", ids), "a group"));
        }
        return Result.ok(session.cluster().partition(groups, controllerGroup));
    }

    private static Result link(Args args, Session session) {
        args.expectAtMost(2, "link FROM TO [--cut] [--drop P] [--delay DURATION] [--both]");
        Address from = address(session, args.positional(0, "FROM and TO, e.g. link 1 2 --cut"));
        Address to = address(session, args.positional(1, "TO, e.g. link 1 2 --cut"));
        if (from.equals(to)) {
            throw new CommandException("a link needs two different ends");
        }
        double drop = 0;
        if (args.option("drop") != null) {
            try {
                drop = Double.parseDouble(args.option("drop"));
            } catch (NumberFormatException e) {
                drop = -1;
            }
            if (!(drop >= 0 && drop <= 1)) {
                throw new CommandException(
                        "--drop is a probability between 0 and 1, got '" + args.option("drop") + "'");
            }
        }
        long delay = args.option("delay") == null ? 0 : Parse.durationMs(args.option("delay"));
        LinkRule rule = new LinkRule(args.flag("cut"), drop, delay);
        if (rule.isHealthy()) {
            throw new CommandException("say what to do to the link: --cut, --drop P or --delay DURATION");
        }
        session.cluster().link(from, to, rule);
        if (args.flag("both")) {
            session.cluster().link(to, from, rule);
        }
        return Result.ok("link " + from + (args.flag("both") ? " <-> " : " -> ") + to + " impaired");
    }

    /** The active controller, or the first one while the quorum has no leader. */
    private static int activeController(Session session) {
        var leader = session.cluster().snapshot().quorumLeader();
        return leader == null ? session.cluster().controllerIds().get(0) : leader.id();
    }

    private static Address address(Session session, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "controller", "c" -> Address.controller(activeController(session));
            case "client", "clients" -> Address.client(0);
            default -> {
                int id = Targets.node(session, text);
                yield session.cluster().controllerIds().contains(id) ? Address.controller(id) : Address.broker(id);
            }
        };
    }
}
