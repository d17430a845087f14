package leaderlab.shell.commands;

import java.util.Locale;
import leaderlab.cluster.runtime.NodeRuntime;
import leaderlab.cluster.runtime.SimulatedRuntime;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/** {@code time pause|resume|step [N]|speed X|now}: controlling cluster time. */
final class TimeCommands {

    private TimeCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("time")
                .completes(Completions.first(Completions.words("time", "pause", "resume", "step", "speed", "now")))
                .usage("time pause | resume | step [N] | speed X | now")
                .summary("pause and resume the live cluster, change its speed, or step the simulator event by event")
                .details("Live (no --seed): pause freezes cluster time and every node with it; speed 0.25 is slow "
                        + "motion for a class, 4 is fast forward. Simulated (--seed): time moves only when you wait "
                        + "or step; step N handles the next N events (messages and timers) and shows the time.")
                .example("time pause")
                .example("time speed 0.5")
                .example("time step 10")
                .run(TimeCommands::time));
    }

    private static Result time(Args args, Session session) {
        NodeRuntime runtime = session.cluster().runtime();
        String action =
                args.positional(0, "pause, resume, step [N], speed X or now").toLowerCase(Locale.ROOT);
        switch (action) {
            case "pause":
                args.expectAtMost(1, "time pause");
                runtime.pause();
                return Result.ok("paused at " + Parse.seconds(runtime.nowMs())
                        + (runtime.isSimulated() ? " (simulated time only moves with wait or step anyway)" : ""));
            case "resume":
                args.expectAtMost(1, "time resume");
                runtime.resume();
                return Result.ok("running at " + Parse.seconds(runtime.nowMs()));
            case "now":
                args.expectAtMost(1, "time now");
                return Result.ok(
                        "cluster time " + Parse.seconds(runtime.nowMs()) + (runtime.isPaused() ? " (paused)" : ""));
            case "speed":
                args.expectAtMost(2, "time speed X");
                if (runtime.isSimulated() && !session.simulatorPlayed()) {
                    throw new CommandException(
                            "speed applies to the live cluster; simulated time (--seed) moves only with wait or step");
                }
                double speed;
                try {
                    speed = Double.parseDouble(args.positional(1, "a speed, e.g. time speed 0.5"));
                } catch (NumberFormatException e) {
                    speed = -1;
                }
                if (!(speed >= 0.01 && speed <= 100)) {
                    throw new CommandException(
                            "speed must be a number from 0.01 to 100, e.g. 0.25 for slow motion; got '"
                                    + args.positional(1, "") + "'");
                }
                if (runtime.isSimulated()) {
                    // The window's Play runs the simulator on the wall clock; it follows this result.
                    return Result.ok("speed " + speed + "x (the window plays the simulator at this speed; wait and "
                            + "step move simulated time as before)");
                }
                runtime.setSpeed(speed);
                return Result.ok("speed " + speed + "x");
            case "step":
                args.expectAtMost(2, "time step [N]");
                if (!(runtime instanceof SimulatedRuntime simulated)) {
                    throw new CommandException(
                            "step needs the simulated runtime (start with --seed N); live, use time pause, "
                                    + "time resume and time speed");
                }
                int count = args.count() > 1 ? Parse.integer(args.positional(1, "N"), "N") : 1;
                if (count < 1 || count > 1_000_000) {
                    throw new CommandException("step takes 1 to 1000000 events, got " + count);
                }
                int done = simulated.step(count);
                return Result.ok("stepped " + done + " event(s); cluster time " + Parse.seconds(runtime.nowMs()));
            default:
                throw new CommandException("time takes pause, resume, step [N], speed X or now; got '" + action + "'");
        }
    }
}
