package leaderlab.shell.commands;

import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/** Time and checks: wait, wait until, expect. */
final class CheckCommands {

    /** Default limit for wait until: long enough for any classroom failover. */
    private static final long DEFAULT_TIMEOUT_MS = 30_000;

    private CheckCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("wait")
                .completes(Condition.COMPLETION_AFTER_UNTIL)
                .usage("wait DURATION | wait until CONDITION [--timeout DURATION]")
                .summary("let cluster time pass, or until a condition holds")
                .details("Durations: 500ms, 3s, 2m. With --seed time is simulated and passes instantly; live, it is "
                        + "the wall clock scaled by the speed. wait until fails (like expect) if the condition does "
                        + "not hold in time (default 30s). Conditions: " + Condition.FORMS + ".")
                .options("timeout")
                .example("wait 2s")
                .example("wait until leader orders-0 is 2 --timeout 10s")
                .run(CheckCommands::waitCommand));
        registry.add(Command.builder("expect")
                .completes(Condition.COMPLETION)
                .usage("expect CONDITION")
                .summary("check that something holds now; a script stops with FILE:LINE if it does not")
                .details("Conditions: " + Condition.FORMS + ".")
                .example("expect leader orders-0 is 2")
                .example("expect isr orders-0 is 2,3")
                .example("expect broker 1 is fenced")
                .run(CheckCommands::expect));
    }

    private static Result waitCommand(Args args, Session session) {
        if (args.count() == 0) {
            throw new CommandException("wait needs a DURATION (e.g. wait 2s) or until CONDITION");
        }
        if (!args.positional(0, "").equals("until")) {
            args.expectAtMost(1, "wait DURATION");
            if (args.option("timeout") != null) {
                throw new CommandException("--timeout goes with wait until");
            }
            long ms = Parse.durationMs(args.positional(0, "a DURATION"));
            long start = session.cluster().nowMs();
            session.cluster().advance(ms);
            if (Thread.currentThread().isInterrupted()) {
                return Result.ok("wait cancelled after "
                        + Parse.seconds(session.cluster().nowMs() - start));
            }
            return Result.ok("waited " + Parse.seconds(ms));
        }
        Condition condition = Condition.parse(args.positionals().subList(1, args.count()), session);
        long timeout = args.option("timeout") == null ? DEFAULT_TIMEOUT_MS : Parse.durationMs(args.option("timeout"));
        long start = session.cluster().nowMs();
        boolean held = session.cluster().awaitCondition(condition::holds, timeout);
        ClusterSnapshot now = session.cluster().snapshot();
        if (!held && Thread.currentThread().isInterrupted()) {
            return Result.ok(
                    "wait cancelled after " + Parse.seconds(session.cluster().nowMs() - start) + "; " + condition.text()
                            + " does not hold yet (it is " + condition.actual(now) + ")");
        }
        if (!held) {
            return Result.failed("wait until " + condition.text() + " timed out after " + Parse.seconds(timeout)
                    + "; it is " + condition.actual(now));
        }
        return Result.ok(
                condition.text() + " after " + Parse.seconds(session.cluster().nowMs() - start));
    }

    private static Result expect(Args args, Session session) {
        if (args.count() == 0) {
            throw new CommandException("expect needs a condition, e.g. expect leader orders-0 is 2");
        }
        Condition condition = Condition.parse(args.positionals(), session);
        ClusterSnapshot snapshot = session.cluster().snapshot();
        if (!condition.holds(snapshot)) {
            return Result.failed(
                    "expectation failed: " + condition.text() + ", but it is " + condition.actual(snapshot));
        }
        return Result.ok("ok: " + condition.text());
    }
}
