package leaderlab.cluster.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import leaderlab.cluster.config.ConfigKey;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.EventType;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.LogView;
import leaderlab.cluster.view.ReplicaView;

/**
 * Finds acknowledged records that the partition's leader no longer has, records them in the ledger
 * as a loss with its causal chain (the election that made a replica without them leader, the
 * truncations that removed them), and says whether the configuration had promised they were safe.
 */
final class LossDetector {

    private final Journal journal;
    private final Ledger ledger;

    LossDetector(Journal journal, Ledger ledger) {
        this.journal = journal;
        this.ledger = ledger;
    }

    /** Checks one partition against its current leader; returns the loss found, or null. */
    Ledger.Loss check(ClusterSnapshot snapshot, PartitionRegistration partition, ReplicaView leader) {
        NavigableMap<Long, Ledger.Acked> standing = ledger.standing(partition.id());
        if (standing.isEmpty()) {
            return null;
        }
        LogView log = leader.log();
        List<Ledger.Acked> missing = new ArrayList<>();
        for (Map.Entry<Long, Ledger.Acked> entry : standing.entrySet()) {
            long offset = entry.getKey();
            if (offset >= log.endOffset()
                    || log.recordIdAt(offset) != entry.getValue().recordId()) {
                missing.add(entry.getValue());
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        long from = missing.get(0).offset();
        long to = missing.get(missing.size() - 1).offset();
        List<Integer> missingOn = new ArrayList<>();
        for (int broker : partition.replicas()) {
            ReplicaView replica = snapshot.replica(broker, partition.id());
            // A replica without a view (a broker that has not loaded it yet) is not known to lack them.
            if (replica != null && lacksAny(replica.log(), missing)) {
                missingOn.add(broker);
            }
        }
        Event election = latest(partition, EventType.LEADER_ELECTED);
        // An operator's unclean election is an unsafe act whatever the configuration says.
        boolean safe = isSafe(snapshot.metadata().configs(), partition.topic(), missing) && !unclean(election);
        String explanation = explain(partition, missing, election, leader);
        long seq = journal.append(
                snapshot.timeMs(),
                NodeId.CHECKER,
                new TopicPartition(partition.topic(), partition.index()),
                new EventDetail.RecordsLost(missing.size(), from, to, List.copyOf(missingOn), safe),
                explanation,
                election == null ? -1 : election.seq());
        Ledger.Loss loss = new Ledger.Loss(
                partition.name(),
                from,
                to,
                List.copyOf(missing),
                Integer.toString(partition.leader()),
                List.copyOf(missingOn),
                explanation,
                snapshot.timeMs(),
                safe,
                seq);
        ledger.lost(loss);
        return loss;
    }

    private static boolean lacksAny(LogView log, List<Ledger.Acked> records) {
        for (Ledger.Acked record : records) {
            if (record.offset() >= log.endOffset() || log.recordIdAt(record.offset()) != record.recordId()) {
                return true;
            }
        }
        return false;
    }

    /** Safe as Kafka promises it: acks=all, min.insync.replicas at least 2, unclean election off. */
    static boolean isSafe(Configs configs, String topic, List<Ledger.Acked> records) {
        return records.stream().allMatch(r -> r.acks() == -1)
                && configs.getInt(ConfigKey.MIN_INSYNC_REPLICAS, topic) >= 2
                && !configs.getBoolean(ConfigKey.UNCLEAN_LEADER_ELECTION_ENABLE, topic);
    }

    private String explain(
            PartitionRegistration partition, List<Ledger.Acked> missing, Event election, ReplicaView leader) {
        StringBuilder why = new StringBuilder();
        boolean leaderOnlyAcks = missing.stream().anyMatch(r -> r.acks() != -1);
        if (unclean(election)) {
            why.append("an unclean election made broker ")
                    .append(partition.leader())
                    .append(" leader without them (")
                    .append(election.cause())
                    .append(")");
        } else if (leaderOnlyAcks) {
            why.append("they were acknowledged with acks=")
                    .append(missing.get(0).acks())
                    .append(" by a leader alone, which lost leadership before any follower copied them");
        } else {
            why.append("broker ")
                    .append(partition.leader())
                    .append(" became leader at epoch ")
                    .append(leader.leaderEpoch())
                    .append(" without them");
        }
        Event truncation = latest(partition, EventType.TRUNCATED);
        if (truncation != null) {
            why.append("; ").append(truncation.text());
        }
        return why.toString();
    }

    /** The election chose its leader from outside the ISR, or was an operator's (or periodic) UNCLEAN election. */
    private static boolean unclean(Event election) {
        return election != null
                && election.detail() instanceof EventDetail.LeaderElected elected
                && (elected.unclean() || elected.election() == EventDetail.Election.UNCLEAN);
    }

    private Event latest(PartitionRegistration partition, EventType type) {
        List<Event> found = journal.latest(1, e -> e.type() == type && e.isAbout(partition.topic(), partition.index()));
        return found.isEmpty() ? null : found.get(0);
    }
}
