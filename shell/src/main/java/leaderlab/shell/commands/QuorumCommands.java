package leaderlab.shell.commands;

import java.util.ArrayList;
import java.util.List;
import leaderlab.cluster.quorum.LeaderState;
import leaderlab.cluster.quorum.QuorumView;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Json;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.command.Table;

/**
 * The controller quorum as {@code kafka-metadata-quorum describe --status} and {@code --replication}
 * show it: who leads, in which epoch, the metadata high watermark, and each voter's and observer's
 * log end and lag.
 */
final class QuorumCommands {

    private static final String CLUSTER_ID = "leaderlab";

    private QuorumCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("quorum")
                .usage("quorum [--status | --replication] [--json]")
                .summary("the KRaft controller quorum: leader, epoch, metadata high watermark, each node's lag")
                .details("Like kafka-metadata-quorum describe. The controllers (ids 101..) vote with Raft; the leader "
                        + "is the active controller. Brokers are observers: they fetch the metadata log up to its high "
                        + "watermark. Without a leader (a majority of controllers down) no partition can fail over.")
                .flags("status", "replication", "json")
                .kafka(QuorumCommands::kafkaCli)
                .example("quorum")
                .example("quorum --replication")
                .run(QuorumCommands::quorum));
        registry.add(Command.builder("kafka-metadata-quorum")
                .usage("kafka-metadata-quorum describe (--status | --replication) [--json]")
                .summary("kafka-metadata-quorum.sh spelling of quorum")
                .completes(Completions.first(Completions.words("describe the quorum", "describe")))
                .kafka(QuorumCommands::kafkaCli)
                .options("bootstrap-server", "bootstrap-controller")
                .flags("status", "replication", "json")
                .example("kafka-metadata-quorum describe --status")
                .run(QuorumCommands::kafkaTool));
    }

    private static String kafkaCli(Args args) {
        return "kafka-metadata-quorum.sh --bootstrap-controller localhost:9093 describe "
                + (args.flag("replication") ? "--replication" : "--status");
    }

    private static Result kafkaTool(Args args, Session session) {
        args.expectAtMost(1, "kafka-metadata-quorum describe --status|--replication");
        String verb = args.positional(0, "describe, e.g. kafka-metadata-quorum describe --status");
        if (!verb.equals("describe")) {
            throw new leaderlab.shell.command.CommandException(
                    "kafka-metadata-quorum knows describe, not '" + verb + "'");
        }
        return quorum(args, session);
    }

    private static Result quorum(Args args, Session session) {
        ClusterSnapshot snapshot = session.cluster().snapshot();
        List<Integer> voters = session.cluster().controllerIds();
        QuorumView leader = snapshot.quorumLeader();
        boolean json = args.flag("json");
        if (args.flag("replication")) {
            return json
                    ? Result.ok(replicationJson(snapshot, leader, voters))
                    : Result.ok(replication(snapshot, leader, voters));
        }
        return json ? Result.ok(statusJson(snapshot, leader, voters)) : Result.ok(status(snapshot, leader, voters));
    }

    /** One row of --replication: a voter as the leader sees it, or a broker observer. */
    private record Replica(int id, long logEndOffset, long lag, long lastFetchMs, String status) {}

    private static List<Replica> replicas(ClusterSnapshot snapshot, QuorumView leader, List<Integer> voters) {
        List<Replica> rows = new ArrayList<>();
        long leaderEnd = leader == null ? -1 : leader.endOffset();
        for (int id : voters) {
            QuorumView view = snapshot.quorum().stream()
                    .filter(q -> q.id() == id)
                    .findFirst()
                    .orElse(null);
            LeaderState.VoterProgress progress =
                    leader == null ? null : leader.voters().get(id);
            long end = view != null ? view.endOffset() : progress == null ? -1 : progress.endOffset();
            String status =
                    view == null ? "Stopped" : view.isLeader() ? "Leader" : leader == null ? "Voter" : "Follower";
            rows.add(new Replica(
                    id,
                    end,
                    leaderEnd < 0 || end < 0 ? -1 : Math.max(0, leaderEnd - end),
                    progress == null ? -1 : progress.lastFetchMs(),
                    status));
        }
        for (ClusterSnapshot.BrokerState broker : snapshot.brokers()) {
            long end = broker.view().metadata() == null
                    ? -1
                    : broker.view().metadata().offset();
            rows.add(new Replica(
                    broker.id(),
                    end,
                    leaderEnd < 0 || end < 0 ? -1 : Math.max(0, leaderEnd - end),
                    -1,
                    broker.running() ? "Observer" : "Stopped"));
        }
        return rows;
    }

    private static List<String> status(ClusterSnapshot snapshot, QuorumView leader, List<Integer> voters) {
        long[] lag = maxFollowerLag(snapshot, leader, voters);
        List<String> lines = new ArrayList<>();
        lines.add("ClusterId:              " + CLUSTER_ID);
        lines.add("LeaderId:               " + (leader == null ? -1 : leader.id()));
        lines.add("LeaderEpoch:            " + (leader == null ? maxEpoch(snapshot) : leader.epoch()));
        lines.add("HighWatermark:          " + (leader == null ? -1 : leader.highWatermark()));
        lines.add("MaxFollowerLag:         " + lag[0]);
        lines.add("MaxFollowerLagTimeMs:   " + lag[1]);
        lines.add("CurrentVoters:          " + voters);
        lines.add("CurrentObservers:       "
                + snapshot.brokers().stream()
                        .map(ClusterSnapshot.BrokerState::id)
                        .toList());
        if (leader == null) {
            lines.add("(no quorum leader: " + snapshot.quorum().size() + " of " + voters.size()
                    + " controllers running, a majority is " + (voters.size() / 2 + 1)
                    + "; no partition leader can be elected until one is)");
        }
        return lines;
    }

    private static int maxEpoch(ClusterSnapshot snapshot) {
        return snapshot.quorum().stream().mapToInt(QuorumView::epoch).max().orElse(-1);
    }

    /** Largest lag in records and in ms since the last fetch, over the followers, as Kafka reports them. */
    private static long[] maxFollowerLag(ClusterSnapshot snapshot, QuorumView leader, List<Integer> voters) {
        if (leader == null) {
            return new long[] {-1, -1};
        }
        long records = 0;
        long ms = 0;
        for (Replica replica : replicas(snapshot, leader, voters)) {
            if (voters.contains(replica.id()) && replica.id() != leader.id()) {
                records = Math.max(records, Math.max(0, replica.lag()));
                ms = Math.max(ms, replica.lastFetchMs() < 0 ? 0 : snapshot.timeMs() - replica.lastFetchMs());
            }
        }
        return new long[] {records, ms};
    }

    private static String statusJson(ClusterSnapshot snapshot, QuorumView leader, List<Integer> voters) {
        long[] lag = maxFollowerLag(snapshot, leader, voters);
        return new Json()
                .beginObject()
                .field("clusterId", CLUSTER_ID)
                .field("leaderId", leader == null ? -1 : leader.id())
                .field("leaderEpoch", leader == null ? maxEpoch(snapshot) : leader.epoch())
                .field("highWatermark", leader == null ? -1 : leader.highWatermark())
                .field("maxFollowerLag", lag[0])
                .field("maxFollowerLagTimeMs", lag[1])
                .field("currentVoters", voters)
                .field(
                        "currentObservers",
                        snapshot.brokers().stream()
                                .map(ClusterSnapshot.BrokerState::id)
                                .toList())
                .endObject()
                .toString();
    }

    private static List<String> replication(ClusterSnapshot snapshot, QuorumView leader, List<Integer> voters) {
        Table table = new Table("NodeId", "LogEndOffset", "Lag", "LastFetchTimestamp", "Status");
        for (Replica replica : replicas(snapshot, leader, voters)) {
            table.row(
                    replica.id(),
                    replica.logEndOffset() < 0 ? "-" : replica.logEndOffset(),
                    replica.lag() < 0 ? "-" : replica.lag(),
                    replica.lastFetchMs() < 0 ? "-" : replica.lastFetchMs(),
                    replica.status());
        }
        return table.lines();
    }

    private static String replicationJson(ClusterSnapshot snapshot, QuorumView leader, List<Integer> voters) {
        Json json = new Json().beginArray();
        for (Replica replica : replicas(snapshot, leader, voters)) {
            json.beginObject()
                    .field("nodeId", replica.id())
                    .field("logEndOffset", replica.logEndOffset())
                    .field("lag", replica.lag())
                    .field("lastFetchTimestamp", replica.lastFetchMs())
                    .field("status", replica.status())
                    .endObject();
        }
        return json.endArray().toString();
    }
}
