package leaderlab.kafka;

import java.util.Map;
import java.util.TreeMap;
import leaderlab.cluster.view.SnapshotSource;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;

/**
 * The command language on a real Kafka cluster. Every command of {@link CoreCommands} keeps its name,
 * usage, help, options and argument checks ({@link Command#withAction}); what maps onto Kafka gets an
 * action that does it for real, and what cannot map is refused with a one-line reason that changes
 * nothing. On an attached cluster, fault commands are refused and admin commands need --allow-admin;
 * each admin command first prints the Kafka CLI command it performs.
 */
public final class KafkaCommands {

    /**
     * An action on a real cluster; Kafka calls block, so a Ctrl-C may interrupt it.
     *
     * @param own the simulator's action of the same command, which reads the cluster through the
     *            session's snapshots: what only reads a snapshot or the journal runs as it is
     */
    @FunctionalInterface
    interface RealAction {
        Result run(Args args, Session session, Command.Action own) throws InterruptedException;
    }

    /** The shell's own action, on the snapshots of the real cluster. */
    private static final RealAction OWN = (args, session, own) -> own.run(args, session);

    /** What a command does to the cluster, which decides where it may run. */
    private enum Kind {
        /** Reads only: runs everywhere. */
        READ,
        /** Changes the cluster through Kafka's API: local, or attached with --allow-admin. */
        ADMIN,
        /** Signals a broker process: only on a cluster leaderlab started. */
        FAULT
    }

    /** @param how what it does on real Kafka, for help */
    private record Mapping(Kind kind, String how, RealAction action) {}

    /** Commands that touch no cluster at all and run as they are. */
    private static final java.util.Set<String> AS_IS =
            java.util.Set.of("quit", "kafka-leader-election", "kafka-configs");

    /** The commands with an action on real Kafka: the keys of the registry's mapping, checked when it is built. */
    private static final java.util.Set<String> MAPPED = java.util.Set.of(
            "create",
            "describe",
            "produce",
            "consume",
            "kill",
            "shutdown",
            "restart",
            "stall",
            "elect",
            "reassign",
            "config",
            "demote",
            "wait",
            "expect",
            "events",
            "why",
            "brokers");

    private KafkaCommands() {}

    /**
     * Why a command cannot run on real Kafka, known before any cluster starts (a lesson that uses one is
     * not runnable there), or empty when it maps; options an action refuses are found when it runs.
     */
    public static java.util.Optional<String> refusal(String commandName) {
        if (MAPPED.contains(commandName)
                || AS_IS.contains(commandName)
                || commandName.equals("help")
                || commandName.equals("kafka-topics")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Refusals.reason(commandName));
    }

    /** The registry for a real cluster; the caller closes what it returns with the session. */
    public static Registry registry(RealCluster cluster, Observer observer) {
        KafkaSession kafka = new KafkaSession(cluster, observer);
        TopicActions topics = new TopicActions(kafka);
        ClientActions clients = new ClientActions(kafka);
        FaultActions faults = new FaultActions(kafka);
        AdminActions admin = new AdminActions(kafka);
        WatchActions watch = new WatchActions(kafka);
        Map<String, Mapping> mapped = new TreeMap<>();
        mapped.put(
                "create",
                new Mapping(
                        Kind.ADMIN,
                        "Admin.createTopics; the brokers' num.partitions and default.replication.factor fill in what you leave out",
                        (args, session, own) -> topics.create(args)));
        mapped.put(
                "describe",
                new Mapping(
                        Kind.READ,
                        "Admin.describeTopics (with KIP-966's ELR) and listOffsets for the high watermark, made into the "
                                + "simulator's snapshot and printed by the same code (--json: the same fields)",
                        OWN));
        mapped.put(
                "produce",
                new Mapping(
                        Kind.ADMIN,
                        "Kafka's own producer (one per partition, one batch each), acks as given, with leaderlab's client "
                                + "timings; retries from its record-retry-total metric, which does not say which errors (--json: "
                                + "the same fields, retried empty)",
                        (args, session, own) -> clients.produce(args, session)));
        mapped.put(
                "consume",
                new Mapping(
                        Kind.READ,
                        "Kafka's own consumer, assigned to the partitions, reading up to the high watermark",
                        (args, session, own) -> clients.consume(args)));
        mapped.put(
                "kill",
                new Mapping(
                        Kind.FAULT,
                        "SIGKILL to the broker's JVM: a crash (no --power-loss: the page cache survives a killed process)",
                        (args, session, own) -> faults.kill(args)));
        mapped.put(
                "shutdown",
                new Mapping(
                        Kind.FAULT,
                        "SIGTERM to the broker's JVM: Kafka's shutdown hook runs its controlled shutdown",
                        (args, session, own) -> faults.shutdown(args)));
        mapped.put(
                "restart",
                new Mapping(
                        Kind.FAULT,
                        "a new JVM for the broker, on the same port and log directory",
                        (args, session, own) -> faults.restart(args)));
        mapped.put(
                "stall",
                new Mapping(
                        Kind.FAULT,
                        "SIGSTOP to the broker's JVM, and SIGCONT once the duration is over",
                        (args, session, own) -> faults.stall(args)));
        mapped.put(
                "elect",
                new Mapping(
                        Kind.ADMIN,
                        "Admin.electLeaders, reported as kafka-leader-election reports it",
                        (args, session, own) -> admin.elect(args, session)));
        mapped.put(
                "reassign",
                new Mapping(
                        Kind.ADMIN,
                        "Admin.alterPartitionReassignments (KIP-455)",
                        (args, session, own) -> admin.reassign(args)));
        mapped.put(
                "config",
                new Mapping(
                        Kind.ADMIN,
                        "Admin.incrementalAlterConfigs on the topic, or on the cluster-wide broker default; Kafka refuses static broker configs",
                        (args, session, own) -> admin.config(args)));
        mapped.put(
                "demote",
                new Mapping(
                        Kind.ADMIN,
                        "Kafka's recipe: the broker moves last in every replica list it is in, then a preferred election there",
                        (args, session, own) -> admin.demote(args, session)));
        mapped.put(
                "wait",
                new Mapping(
                        Kind.READ,
                        "the wall clock; wait until asks the Admin API every 250 ms",
                        (args, session, own) -> watch.waitCommand(args, session)));
        mapped.put(
                "expect",
                new Mapping(
                        Kind.READ,
                        "checked against the Admin API now (not lost or violations: no ledger or checker watches Kafka)",
                        (args, session, own) -> watch.expect(args, session)));
        mapped.put(
                "events",
                new Mapping(
                        Kind.READ,
                        "the changes leaderlab saw by asking the Admin API every 500 ms, as the journal's typed events "
                                + "(cause: observed), and the producer's acks and failures",
                        OWN));
        mapped.put(
                "why",
                new Mapping(
                        Kind.READ,
                        "the partition now, and the changes observed for it: Kafka does not record why",
                        (args, session, own) -> watch.why(args)));
        mapped.put(
                "brokers",
                new Mapping(
                        Kind.READ,
                        "describeCluster, joined with the processes leaderlab started",
                        (args, session, own) -> args.flag("json") ? own.run(args, session) : watch.brokers(args)));
        if (!mapped.keySet().equals(MAPPED)) {
            throw new IllegalStateException("KafkaCommands.MAPPED is out of date: " + mapped.keySet());
        }
        CommandRegistry registry = new CommandRegistry();
        for (Command command : CoreCommands.registry().all()) {
            Mapping mapping = mapped.get(command.name());
            if (mapping != null) {
                registry.add(command.withAction((args, session) -> {
                    kafka.commandStarts();
                    return gated(command, mapping, args, session, cluster);
                }));
            } else if (command.name().equals("help")) {
                registry.add(command.withAction(
                        (args, session) -> help(command.action().run(args, session), args, mapped)));
            } else if (AS_IS.contains(command.name())) {
                registry.add(command);
            } else if (command.name().equals("kafka-topics")) {
                registry.add(command.withAction((args, session) -> args.flag("list")
                        ? Result.ok(kafka.state().topics().stream()
                                .map(RealState.Topic::name)
                                .toList())
                        : command.action().run(args, session)));
            } else {
                registry.add(command.withAction((args, session) -> Result.error(Refusals.reason(command.name()))));
            }
        }
        return new Registry(registry, faults, kafka.results(), kafka);
    }

    /** The simulator's help, and what the command does on real Kafka (or why it does not). */
    private static Result help(Result help, Args args, Map<String, Mapping> mapped) {
        if (!help.isOk()) {
            return help;
        }
        java.util.List<String> lines = new java.util.ArrayList<>(help.lines());
        if (args.count() == 0) {
            lines.add("On real Kafka: " + String.join(", ", mapped.keySet()) + " act on the cluster; the other "
                    + "cluster commands say why they cannot when you run them.");
            lines.add("The window draws what leaderlab polls: the Admin API has no follower log end offset, "
                    + "record epoch or broker's own belief, so replicas in sync are drawn up to the high "
                    + "watermark and records take the epoch seen when it passed them.");
        } else {
            String name = args.positional(0, "");
            Mapping mapping = mapped.get(name);
            lines.add("On real Kafka: " + (mapping != null ? mapping.how() : Refusals.reason(name)));
        }
        return Result.ok(lines);
    }

    private static Result gated(Command command, Mapping mapping, Args args, Session session, RealCluster cluster) {
        if (!cluster.isLocal()) {
            if (mapping.kind() == Kind.FAULT) {
                return Result.error(command.name() + " signals a broker's process, which leaderlab can do only to "
                        + "a cluster it started (--kafka), not to one it attached to; nothing was changed");
            }
            if (mapping.kind() == Kind.ADMIN && !cluster.allowsAdmin()) {
                return Result.error(command.name() + " changes the cluster, and leaderlab attached read-only; "
                        + "start it with --allow-admin to allow admin actions. Nothing was changed.");
            }
        }
        String cli = mapping.kind() == Kind.ADMIN && !cluster.isLocal()
                ? command.kafkaEquivalent(args.words())
                        .map(line -> "$ "
                                + line.replace(
                                        "--bootstrap-server localhost:9092",
                                        "--bootstrap-server " + cluster.bootstrapServers()))
                        .orElse(null)
                : null;
        Result result;
        try {
            result = mapping.action().run(args, session, command.action());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.ok(command.name() + " cancelled");
        }
        if (cli == null) {
            return result;
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(cli);
        lines.addAll(result.lines());
        return new Result(result.status(), lines);
    }

    /**
     * The registry, what its commands hold open (the stall resumer) until the session ends, the last
     * produce's and election's outcomes as data, and the cluster as the shell's commands read it.
     */
    public record Registry(
            CommandRegistry commands, AutoCloseable resources, LastResults results, SnapshotSource snapshots)
            implements AutoCloseable {

        /** A session for these commands: no simulator, the real cluster's snapshots and observed journal. */
        public Session newSession() {
            return Session.withoutCluster(snapshots);
        }

        @Override
        public void close() throws Exception {
            resources.close();
        }
    }
}
