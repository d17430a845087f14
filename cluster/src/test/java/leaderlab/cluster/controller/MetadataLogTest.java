package leaderlab.cluster.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.BitSet;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.metadata.MetadataImage;
import leaderlab.cluster.metadata.MetadataRecord;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.protocol.ControllerApi.MetadataFetchResponse;
import leaderlab.cluster.quorum.RaftLog;
import org.junit.jupiter.api.Test;

/**
 * The metadata log's reads carry the controller's replayed partition table so brokers can share it;
 * a broker that takes it must end up exactly where replaying the records itself would have.
 */
class MetadataLogTest {

    private static final int PARTITIONS = 1000;

    private final MetadataImage controllerImage = new MetadataImage(Configs.defaults(false));
    private final MetadataLog log = new MetadataLog(controllerImage, new RaftLog(), 1);

    private static PartitionRegistration created(int id) {
        int[] replicas = {1 + id % 3, 1 + (id + 1) % 3, 1 + (id + 2) % 3};
        return PartitionRegistration.created(id, "t", id, replicas, replicas);
    }

    /** Creates the partitions, then changes each one's ISR {@code rounds} times (broker 1 leaves, returns). */
    private void write(int rounds) {
        for (int id = 0; id < PARTITIONS; id++) {
            log.append(new MetadataRecord.Partition(created(id)));
        }
        for (int round = 0; round < rounds; round++) {
            for (int id = 0; id < PARTITIONS; id++) {
                PartitionRegistration old = controllerImage.partition(id);
                int[] isr = round % 2 == 0 ? new int[] {2, 3} : old.replicas();
                log.append(new MetadataRecord.PartitionChange(
                        old.next(
                                old.replicas(),
                                isr,
                                isr[0],
                                old.leaderEpoch() + 1,
                                old.partitionEpoch() + 1,
                                false,
                                old.adding(),
                                old.removing(),
                                old.elr(),
                                old.lastKnownElr()),
                        false));
            }
        }
    }

    /** Fetches the whole log read by read, as a broker does, into a fresh image. */
    private MetadataImage fetchAll(int[] readsWithTable) {
        MetadataImage broker = new MetadataImage(Configs.defaults(false));
        while (broker.offset() < log.endOffset()) {
            MetadataFetchResponse read = log.read(broker.offset(), Long.MAX_VALUE);
            if (read.delta().partitionsAfter() != null) {
                readsWithTable[0]++;
            }
            broker.view(); // a reader's view from before the batch must not survive it
            broker.replay(read.baseOffset(), read.records(), read.delta());
            assertEquals(broker.offset(), broker.view().offset(), "the view follows the replay");
            assertSame(broker.partitions(), broker.view().partitions());
        }
        return broker;
    }

    private void assertSameTable(MetadataImage expected, MetadataImage actual) {
        assertEquals(expected.offset(), actual.offset());
        assertEquals(expected.partitionCount(), actual.partitionCount());
        for (int id = 0; id < PARTITIONS; id++) {
            assertSame(expected.partition(id), actual.partition(id), "partition " + id);
        }
    }

    @Test
    void readsEndAtBoundariesAndCarryTheReplayedTable() {
        write(120); // 121,000 records: boundaries at 50,000 and 100,000, then the end
        MetadataFetchResponse first = log.read(0, Long.MAX_VALUE);
        assertEquals(MetadataLog.MAX_RECORDS_PER_READ, first.records().size());
        assertNotNull(first.delta().partitionsAfter());
        MetadataFetchResponse fromMiddle = log.read(70_000, Long.MAX_VALUE);
        assertEquals(30_000, fromMiddle.records().size(), "a read from mid-range ends at the next boundary");
        MetadataFetchResponse last = log.read(100_000, Long.MAX_VALUE);
        assertEquals(21_000, last.records().size());
        assertSame(
                controllerImage.partitions(),
                last.delta().partitionsAfter(),
                "at the end it is the controller's own table");
        assertSame(last, log.read(100_000, Long.MAX_VALUE), "brokers fetching the same range share one read");
    }

    @Test
    void takingTheSharedTableEqualsReplayingTheRecords() {
        write(60);
        int[] withTable = {0};
        MetadataImage broker = fetchAll(withTable);
        assertEquals(2, withTable[0]);
        assertSameTable(controllerImage, broker);
    }

    @Test
    void aStragglerWhoseCheckpointIsGoneReplaysTheRecordsItself() {
        int boundaries = MetadataLog.CHECKPOINTS_KEPT + 2;
        write(boundaries * MetadataLog.MAX_RECORDS_PER_READ / PARTITIONS); // one more record than that
        int[] withTable = {0};
        MetadataImage broker = fetchAll(withTable);
        assertEquals(
                MetadataLog.CHECKPOINTS_KEPT + 1,
                withTable[0],
                "the two oldest boundaries' tables were dropped; those two reads came without one");
        assertSameTable(controllerImage, broker);
    }

    @Test
    void changesNameEveryTouchedPartitionAndEveryPossibleNewReplica() {
        write(1);
        MetadataFetchResponse read = log.read(PARTITIONS, Long.MAX_VALUE);
        BitSet hosted = new BitSet();
        hosted.set(5);
        hosted.set(7);
        assertEquals(hosted, read.delta().concerning(hosted), "ISR changes concern only the hosts");
        BitSet created = log.read(0, Long.MAX_VALUE).delta().concerning(new BitSet());
        assertEquals(PARTITIONS, created.cardinality(), "a created partition concerns every broker");
    }
}
