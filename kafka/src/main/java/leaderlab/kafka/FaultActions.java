package leaderlab.kafka;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import leaderlab.kafka.local.KafkaNode;
import leaderlab.kafka.local.LocalKafka;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.Parse;
import leaderlab.shell.command.Result;

/**
 * Process faults on the brokers leaderlab started: kill is SIGKILL (a crash), shutdown is SIGTERM
 * (Kafka's controlled shutdown), restart starts a new JVM on the same port and log directory, stall
 * is SIGSTOP and, after the duration, SIGCONT.
 */
final class FaultActions implements AutoCloseable {

    /** How long shutdown waits for Kafka's controlled shutdown to finish. */
    static final long SHUTDOWN_WAIT_MS = 60_000;

    private final KafkaSession kafka;
    private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "leaderlab-kafka-resume");
        thread.setDaemon(true);
        return thread;
    });

    FaultActions(KafkaSession kafka) {
        this.kafka = kafka;
    }

    private LocalKafka local() {
        return kafka.cluster().local();
    }

    Result kill(Args args) {
        args.expectAtMost(1, "kill BROKER");
        if (args.flag("power-loss")) {
            throw new CommandException("kill --power-loss cannot be done to a real process: a SIGKILL leaves the "
                    + "page cache to the OS, so nothing unflushed is lost (use kill BROKER)");
        }
        int id = runningBroker(args.positional(0, "a broker id, e.g. kill 1"));
        long pid = local().broker(id).pid();
        local().kill(id);
        return Result.ok("broker " + id + " killed (SIGKILL to pid " + pid + ": a crash, no controlled shutdown)");
    }

    Result shutdown(Args args) {
        args.expectAtMost(1, "shutdown BROKER");
        int id = runningBroker(args.positional(0, "a broker id, e.g. shutdown 2"));
        boolean stopped = local().shutdown(id, SHUTDOWN_WAIT_MS);
        return Result.ok(
                stopped
                        ? "broker " + id + " shut down cleanly (SIGTERM: Kafka's controlled shutdown moved its "
                                + "leaderships first)"
                        : "broker " + id + " is still shutting down after " + Parse.seconds(SHUTDOWN_WAIT_MS)
                                + " (SIGTERM sent; the controller has not let it go yet)");
    }

    Result restart(Args args) {
        args.expectAtMost(1, "restart BROKER");
        int id = kafka.broker(args.positional(0, "a broker id, e.g. restart 1"));
        if (local().broker(id).running()) {
            throw new CommandException("broker " + id + " is running; kill or shutdown it first");
        }
        local().restart(id);
        return Result.ok("broker " + id + " restarting (a new JVM, pid "
                + local().broker(id).pid() + "); it registers, catches up on metadata and is unfenced");
    }

    Result stall(Args args) {
        args.expectAtMost(2, "stall BROKER DURATION");
        int id = runningBroker(args.positional(0, "a broker id, e.g. stall 2 3s"));
        long ms = Parse.durationMs(args.positional(1, "a DURATION, e.g. stall 2 3s"));
        KafkaNode node = local().broker(id);
        if (node.stalled()) {
            throw new CommandException("broker " + id + " is already stalled");
        }
        local().stall(id);
        resumer.schedule(() -> resume(id), ms, TimeUnit.MILLISECONDS);
        return Result.ok("broker " + id + " paused for " + Parse.seconds(ms) + " (SIGSTOP now, SIGCONT then)");
    }

    private void resume(int id) {
        try {
            if (local().broker(id).stalled()) {
                local().resume(id);
            }
        } catch (IllegalStateException e) {
            // Killed or stopped meanwhile, or the cluster is closing: nothing to resume.
        }
    }

    private int runningBroker(String text) {
        int id = kafka.broker(text);
        if (!local().broker(id).running()) {
            throw new CommandException("broker " + id + " is not running (restart " + id + ")");
        }
        return id;
    }

    @Override
    public void close() {
        resumer.shutdownNow();
    }
}
