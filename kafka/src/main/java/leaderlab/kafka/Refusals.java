package leaderlab.kafka;

import java.util.Map;

/** Why a command of the simulator cannot run on a real Kafka cluster: one line each, nothing changed. */
final class Refusals {

    private static final String NETWORK =
            "network faults need leaderlab's simulated network, and a real cluster here has no "
                    + "fault proxy between its brokers (yet); use kill, shutdown or stall";

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("isolate", NETWORK),
            Map.entry("partition", NETWORK),
            Map.entry("link", NETWORK),
            Map.entry("heal", NETWORK),
            Map.entry("flap", NETWORK),
            Map.entry("slow-disk", "a real disk cannot be slowed without root; try stall (SIGSTOP) instead"),
            Map.entry("time", "real Kafka runs on the wall clock: it cannot be paused, stepped or sped up"),
            Map.entry("fork", "a real cluster cannot be copied to try a what-if"),
            Map.entry("unfork", "a real cluster cannot be copied to try a what-if"),
            Map.entry("split", "a real cluster cannot be copied to run two configurations side by side"),
            Map.entry("reset", "leaderlab cannot reset a real cluster; quit and start again for a fresh one"),
            Map.entry("save", "a run on real Kafka cannot be replayed: it is not deterministic"),
            Map.entry("export", "exports read the simulator's journal; on real Kafka use events"),
            Map.entry("when", "triggers fire between the simulator's events; real Kafka has none to fire between"),
            Map.entry("triggers", "triggers fire between the simulator's events; real Kafka has none to fire between"),
            Map.entry("lost", "the data-loss ledger sees every record the simulator writes; Kafka's API does not"),
            Map.entry(
                    "violations",
                    "the safety checker reads the simulator's internal state; Kafka's API does not show it"),
            Map.entry("log", "a replica's log is not in Kafka's Admin API"),
            Map.entry("history", "leader epochs are not in Kafka's Admin API"),
            Map.entry("undemote", "Kafka has no demotion to undo: reassign the replica order back and elect preferred"),
            Map.entry(
                    "feature",
                    "feature levels are fixed when leaderlab formats the cluster (4.4: eligible.leader.replicas.version=1)"),
            Map.entry(
                    "kafka-features",
                    "feature levels are fixed when leaderlab formats the cluster (4.4: eligible.leader.replicas.version=1)"));

    private Refusals() {}

    static String reason(String command) {
        return command + " is not available on real Kafka: "
                + REASONS.getOrDefault(command, "it works on the simulator only") + "; nothing was changed";
    }
}
