package leaderlab.shell.commands;

import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/** Broker process commands: crash, restart and controlled shutdown. */
final class BrokerCommands {

    private BrokerCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("kill")
                .completes(Completions.first(Completions.runningNodes()))
                .triggerable()
                .kafka(args -> "kill -9 <" + Targets.nodeName(args.positional(0, ""))
                        + "'s JVM pid>   # a crash: no Kafka tool does this")
                .usage("kill BROKER|CONTROLLER [--power-loss]")
                .summary(
                        "crash a broker (like kill -9): no controlled shutdown, the controller notices by missed heartbeats")
                .details("The broker's thread stops at once; its log stays on disk. The controller fences it after "
                        + "broker.session.timeout.ms without heartbeats, removes it from every ISR and elects new "
                        + "leaders where it led (one broker fenced per check, as in Kafka). --power-loss also loses "
                        + "what its logs had not flushed yet (log.flush.interval.ms).")
                .flags("power-loss")
                .example("kill 1")
                .example("kill 2 --power-loss")
                .example("kill 101")
                .run(BrokerCommands::kill));
        registry.add(Command.builder("restart")
                .completes(Completions.first(Completions.both(
                        Completions.both(Completions.stoppedBrokers(), Completions.stoppedControllers()),
                        // Offered only when there is one to restart, as for brokers.
                        (context, out) -> {
                            if (context.snapshot().quorum().size()
                                    < context.snapshot().controllerIds().size()) {
                                out.offer("controllers", "every stopped controller");
                            }
                        })))
                .triggerable()
                .kafka(args -> "kafka-server-start.sh config/server.properties   # on "
                        + Targets.nodeName(args.positional(0, "")) + "'s host")
                .usage("restart BROKER|CONTROLLER|controllers")
                .summary("start a stopped broker again; it registers, catches up on metadata and is unfenced")
                .details("A restart is a new incarnation. Right after a crash the controller rejects it "
                        + "(DUPLICATE_BROKER_REGISTRATION) until the old session expires; after a controlled "
                        + "shutdown it registers at once. Its replicas rejoin ISRs once they catch up.")
                .example("restart 1")
                .run(BrokerCommands::restart));
        registry.add(Command.builder("shutdown")
                .completes(Completions.first(Completions.runningBrokers()))
                .kafka(args -> "kafka-server-stop.sh   # on broker " + args.positional(0, "")
                        + "'s host: SIGTERM, a controlled shutdown")
                .usage("shutdown BROKER")
                .summary("controlled shutdown: leadership moves away first, then the broker stops")
                .details("As in KRaft: the broker heartbeats wantShutDown, the controller removes it from every ISR "
                        + "and moves its leaderships, and lets it stop once every active broker has seen those "
                        + "changes. With controlled.shutdown.enable=false it stops without moving anything.")
                .example("shutdown 2")
                .run(BrokerCommands::shutdown));
    }

    private static Result kill(Args args, Session session) {
        args.expectAtMost(1, "kill BROKER [--power-loss]");
        int id = Targets.node(session, args.positional(0, "a broker or controller id, e.g. kill 1"));
        session.cluster().kill(id, args.flag("power-loss"));
        return Result.ok(kind(session, id) + " " + id + " killed" + (args.flag("power-loss") ? " (power loss)" : ""));
    }

    private static Result restart(Args args, Session session) {
        args.expectAtMost(1, "restart BROKER");
        String target = args.positional(0, "a broker or controller id, e.g. restart 1");
        if (target.equals("controllers")) {
            // Every stopped controller, whichever they are (on threads, which one led is a race).
            var running = session.cluster().snapshot().quorum().stream()
                    .map(q -> q.id())
                    .toList();
            var stopped = session.cluster().controllerIds().stream()
                    .filter(c -> !running.contains(c))
                    .toList();
            stopped.forEach(session.cluster()::restart);
            return Result.ok("controllers " + stopped + " restarting");
        }
        int id = Targets.node(session, target);
        session.cluster().restart(id);
        return Result.ok(kind(session, id) + " " + id + " restarting");
    }

    static String kind(Session session, int id) {
        return session.cluster().controllerIds().contains(id) ? "controller" : "broker";
    }

    private static Result shutdown(Args args, Session session) {
        args.expectAtMost(1, "shutdown BROKER");
        int id = Targets.broker(session, args.positional(0, "a broker id, e.g. shutdown 2"));
        boolean stopped = session.cluster().shutdown(id);
        return Result.ok(
                stopped
                        ? "broker " + id + " shut down cleanly"
                        : "broker " + id + " is still shutting down (the controller has not let it go yet)");
    }
}
