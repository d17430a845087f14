package leaderlab.shell.commands;

import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/** Leadership priority: demote a sick broker from leadership, and restore it. */
final class PriorityCommands {

    private static final String DEPARTURE = "Apache Kafka has no such setting: it only has replica order "
            + "(replicas[0] is preferred), and the usual recipe is to reassign the broker to the end of every "
            + "replica list and run a preferred election (Cruise Control's demote does this). KIP-491 proposed a "
            + "'preferred leader deprioritized list' but was never adopted; Confluent Cloud describes a "
            + "'leadership priority' that elects a demoted broker only when nothing better exists. leaderlab models "
            + "that: every election (online, preferred, unclean, automatic rebalance) first tries brokers that are "
            + "not demoted, and takes a demoted one only when it is the only valid choice.";

    private PriorityCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("demote")
                .completes(Completions.first(Completions.allBrokers()))
                .usage("demote BROKER")
                .summary("lowest leadership priority: move the broker's leaderships away, keep it as a follower")
                .details("Demoting moves each partition it leads to the first in-sync replica in assignment order "
                        + "that is not demoted; a partition whose only in-sync replica is the demoted broker keeps "
                        + "it (availability over priority). Automatic rebalance and preferred elections skip it. "
                        + DEPARTURE)
                .example("demote 1")
                .run((args, session) -> priority(args, session, true)));
        registry.add(Command.builder("undemote")
                .completes(Completions.first(Completions.allBrokers()))
                .usage("undemote BROKER")
                .summary("restore normal leadership priority (a preferred election or rebalance moves leadership back)")
                .example("undemote 1")
                .run((args, session) -> priority(args, session, false)));
    }

    private static Result priority(Args args, Session session, boolean demote) {
        args.expectAtMost(1, (demote ? "demote" : "undemote") + " BROKER");
        int broker = Targets.broker(
                session, args.positional(0, "a broker id, e.g. " + (demote ? "demote" : "undemote") + " 1"));
        AdminResult result = session.cluster().admin(new AdminOperation.Demote(broker, demote));
        return result.error().isError() ? Result.error(result.message()) : Result.ok(result.message());
    }
}
