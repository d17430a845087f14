package leaderlab.shell.commands;

import java.util.List;
import java.util.Locale;
import leaderlab.cluster.Cluster;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Targets;

/**
 * Gray failures, the ones failover does not see or sees late: process pauses, slow disks, flapping
 * links, and faults that wait for the right moment ({@code when ... do ...}).
 */
final class GrayFailureCommands {

    private GrayFailureCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("stall")
                .completes(Completions.first(Completions.runningNodes()))
                .triggerable()
                .usage("stall BROKER|CONTROLLER DURATION")
                .summary(
                        "pause a broker's process (a stop-the-world GC): no heartbeats, fetches or answers, then it resumes")
                .details(
                        "Longer than broker.session.timeout.ms and the controller fences it and moves its leaderships; "
                                + "when it wakes it still believes it leads (a zombie) until it replays the new metadata, and "
                                + "what it accepts meanwhile is rejected or truncated.")
                .example("stall 1 3s")
                .run(GrayFailureCommands::stall));
        registry.add(Command.builder("slow-disk")
                .completes(Completions.first(Completions.allBrokers()))
                .triggerable()
                .usage("slow-disk BROKER DURATION|off")
                .summary("make every append on a broker take this long (0 or off heals it); survives restarts")
                .details("A leader with a slow disk stalls acks=all producers; a follower with one falls behind and "
                        + "leaves the ISR after replica.lag.time.max.ms, and rejoins once it catches up.")
                .example("slow-disk 3 400ms")
                .example("slow-disk 3 off")
                .run(GrayFailureCommands::slowDisk));
        registry.add(Command.builder("flap")
                .completes(Completions.first(Completions.runningBrokers()))
                .triggerable()
                .usage("flap BROKER --period DURATION [--from all|clients|controller|brokers[:1,3]]")
                .summary("cut a broker off and back on, over and over (a flapping link)")
                .options("period")
                .option("from", NetworkCommands.FROM)
                .example("flap 2 --period 1s --from controller")
                .run(GrayFailureCommands::flap));
        registry.add(Command.builder("when")
                .rawWords()
                .completes(Condition.COMPLETION)
                .usage("when CONDITION do COMMAND")
                .summary("arm a fault that fires once, right when a condition becomes true")
                .details(
                        () ->
                                "Conditions as for expect (e.g. hw orders-0 is 50, leader orders-0 is 2, broker 2 is fenced). "
                                        + "COMMAND may be: " + String.join(", ", triggerable(registry))
                                        + ". In the simulator the condition is checked after every event, so the fault always bites.")
                .example("when hw orders-0 is 50 do kill 1")
                .example("when leader orders-0 is 2 do isolate 2 --from clients")
                .run(GrayFailureCommands::when));
        registry.add(Command.builder("triggers")
                .usage("triggers")
                .summary("list armed when ... do ... faults")
                .run((args, session) -> {
                    args.expectAtMost(0, "triggers");
                    List<String> armed = session.cluster().pendingTriggers();
                    return armed.isEmpty()
                            ? Result.ok("no armed triggers")
                            : Result.ok(armed.stream().map(t -> "when " + t).toList());
                }));
    }

    /** The commands a trigger may run, sorted; read from the registry when help or an error needs them. */
    private static List<String> triggerable(CommandRegistry registry) {
        return registry.all().stream()
                .filter(Command::triggerable)
                .map(Command::name)
                .sorted()
                .toList();
    }

    private static Result stall(Args args, Session session) {
        args.expectAtMost(2, "stall BROKER DURATION");
        int id = Targets.node(session, args.positional(0, "a broker or controller and a duration, e.g. stall 1 3s"));
        long ms = Parse.durationMs(args.positional(1, "a DURATION, e.g. stall " + id + " 3s"));
        if (ms < 1) {
            throw new CommandException("a pause must last at least 1 ms");
        }
        session.cluster().stall(id, ms);
        return Result.ok("broker " + id + " paused for " + Parse.seconds(ms));
    }

    private static Result slowDisk(Args args, Session session) {
        args.expectAtMost(2, "slow-disk BROKER DURATION|off");
        int id = Targets.broker(session, args.positional(0, "a broker and a latency, e.g. slow-disk 3 400ms"));
        String latency = args.positional(1, "a latency per append, or off");
        long ms = latency.equalsIgnoreCase("off") ? 0 : Parse.durationMs(latency);
        session.cluster().slowDisk(id, ms);
        return Result.ok(
                ms > 0
                        ? "broker " + id + ": every append takes " + Parse.seconds(ms)
                        : "broker " + id + ": disk healthy");
    }

    private static Result flap(Args args, Session session) {
        args.expectAtMost(1, "flap BROKER --period DURATION [--from ...]");
        int id = Targets.broker(session, args.positional(0, "a broker, e.g. flap 2 --period 1s"));
        if (args.option("period") == null) {
            throw new CommandException("flap needs --period, e.g. --period 1s");
        }
        long period = Parse.durationMs(args.option("period"));
        NetworkCommands.Isolation isolation = NetworkCommands.isolation(id, args.option("from"));
        return Result.ok(session.cluster().flap(id, isolation.mode(), isolation.peers(), period));
    }

    private static Result when(Args args, Session session) {
        List<String> words = args.positionals();
        int split = words.indexOf("do");
        if (split < 1 || split == words.size() - 1) {
            throw new CommandException("write when CONDITION do COMMAND, e.g. when hw orders-0 is 50 do kill 1");
        }
        Condition condition = Condition.parse(words.subList(0, split), session);
        List<String> command = words.subList(split + 1, words.size());
        Command target = session.registry().find(command.get(0).toLowerCase(Locale.ROOT));
        if (target == null || !target.triggerable()) {
            throw new CommandException("when ... do takes " + String.join(", ", triggerable(session.registry()))
                    + "; got '" + command.get(0) + "'");
        }
        target.check(command.subList(1, command.size()));
        String line = String.join(" ", command);
        Cluster cluster = session.cluster();
        cluster.when(condition.text() + " do " + line, condition::holds, () -> session.runTriggered(line));
        return Result.ok("armed: when " + condition.text() + " do " + line);
    }
}
