package leaderlab.cluster.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import leaderlab.cluster.broker.ReplicaLog.EpochEnd;
import leaderlab.cluster.protocol.LogSlice;
import leaderlab.cluster.view.LogView;
import org.junit.jupiter.api.Test;

/** ReplicaLog: Kafka's LeaderEpochFileCache.endOffsetFor (§3.4), truncation, and immutable views. */
class ReplicaLogTest {

    /** Epoch 0 at offsets 0-2, epoch 2 at 3-4, epoch 5 at 5: cache (0,0) (2,3) (5,5), LEO 6. */
    private static ReplicaLog threeEpochs() {
        ReplicaLog log = new ReplicaLog();
        for (int i = 0; i < 3; i++) {
            log.append(0, 100 + i);
        }
        log.assignEpochStartOffset(2, 3);
        log.append(2, 103);
        log.append(2, 104);
        log.append(5, 105); // append with a newer epoch creates the cache entry (5, 5)
        return log;
    }

    @Test
    void epochCacheIsBuiltFromAppendsAndLeaderStarts() {
        ReplicaLog log = threeEpochs();
        LogView view = log.view();
        assertEquals(6, log.endOffset());
        assertEquals(3, view.cacheSize());
        assertEquals(5, log.latestEpoch());
        assertEquals(5, log.lastRecordEpoch());
        assertEquals(0, view.cacheEpochs()[0]);
        assertEquals(0L, view.cacheStartOffsets()[0]);
        assertEquals(2, view.cacheEpochs()[1]);
        assertEquals(3L, view.cacheStartOffsets()[1]);
        assertEquals(5, view.cacheEpochs()[2]);
        assertEquals(5L, view.cacheStartOffsets()[2]);
        // A start for an epoch not newer than the latest is ignored.
        log.assignEpochStartOffset(4, 6);
        assertEquals(5, log.latestEpoch());
    }

    @Test
    void endOffsetForLatestEpochIsTheLogEnd() {
        assertEquals(new EpochEnd(5, 6), threeEpochs().endOffsetFor(5));
    }

    @Test
    void endOffsetForOlderKnownEpochIsStartOfTheNextEpoch() {
        ReplicaLog log = threeEpochs();
        assertEquals(new EpochEnd(0, 3), log.endOffsetFor(0));
        assertEquals(new EpochEnd(2, 5), log.endOffsetFor(2));
    }

    @Test
    void endOffsetForUnknownEpochBetweenKnownOnesAnswersWithTheLargestEpochBelowIt() {
        ReplicaLog log = threeEpochs();
        assertEquals(new EpochEnd(0, 3), log.endOffsetFor(1));
        assertEquals(new EpochEnd(2, 5), log.endOffsetFor(3));
        assertEquals(new EpochEnd(2, 5), log.endOffsetFor(4));
    }

    @Test
    void endOffsetForEpochBelowEveryKnownEpochIsTheFirstStart() {
        ReplicaLog log = new ReplicaLog();
        log.assignEpochStartOffset(3, 0);
        log.append(3, 1);
        log.append(3, 2);
        log.assignEpochStartOffset(7, 2);
        log.append(7, 3);
        assertEquals(new EpochEnd(1, 0), log.endOffsetFor(1), "(requested epoch, start of first later epoch)");
        assertEquals(new EpochEnd(3, 2), log.endOffsetFor(5));
    }

    @Test
    void endOffsetForUnknownOrFutureEpochIsUndefined() {
        ReplicaLog log = threeEpochs();
        assertEquals(new EpochEnd(-1, -1), log.endOffsetFor(6));
        assertEquals(new EpochEnd(-1, -1), log.endOffsetFor(-1));
        assertEquals(new EpochEnd(-1, -1), new ReplicaLog().endOffsetFor(0));
    }

    @Test
    void newLeaderEpochWithoutRecordsEndsAtTheLogEnd() {
        ReplicaLog log = threeEpochs();
        log.assignEpochStartOffset(7, log.endOffset()); // makeLeader before any append
        assertEquals(new EpochEnd(7, 6), log.endOffsetFor(7));
        assertEquals(new EpochEnd(5, 6), log.endOffsetFor(5));
        assertEquals(new EpochEnd(5, 6), log.endOffsetFor(6));
        assertEquals(7, log.latestEpoch());
        assertEquals(5, log.lastRecordEpoch(), "the epoch of the last record differs from the cache's latest");
    }

    @Test
    void largestEpochAtMost() {
        ReplicaLog log = threeEpochs();
        assertEquals(-1, new ReplicaLog().largestEpochAtMost(3));
        assertEquals(0, log.largestEpochAtMost(1));
        assertEquals(2, log.largestEpochAtMost(2));
        assertEquals(2, log.largestEpochAtMost(4));
        assertEquals(5, log.largestEpochAtMost(99));
    }

    @Test
    void truncateToRemovesRecordsAndEpochEntriesStartingAtOrAfterTheOffset() {
        ReplicaLog log = threeEpochs();
        log.setHighWatermark(6);
        log.truncateTo(4);
        assertEquals(4, log.endOffset());
        assertEquals(2, log.latestEpoch(), "entry (5,5) starts after the cut");
        assertEquals(4, log.highWatermark(), "HW is clamped to the new log end");
        assertEquals(new EpochEnd(2, 4), log.endOffsetFor(2), "epoch 2 is now the latest: ends at LEO");
        assertEquals(new EpochEnd(-1, -1), log.endOffsetFor(5));

        log.truncateTo(3);
        assertEquals(0, log.latestEpoch(), "entry (2,3) starts exactly at the cut and goes too");
        assertEquals(3, log.endOffset());
        assertEquals(0, log.lastRecordEpoch());
    }

    @Test
    void truncateBeyondTheEndChangesNothing() {
        ReplicaLog log = threeEpochs();
        LogView before = log.view();
        log.truncateTo(10);
        assertEquals(6, log.endOffset());
        assertEquals(5, log.latestEpoch());
        assertEquals(before, log.view());
    }

    @Test
    void truncateToTheEndDropsAnEpochEntryWithNoRecords() {
        // Kafka's UnifiedLog.truncateTo(LEO) still truncates the epoch cache from the end.
        ReplicaLog log = threeEpochs();
        log.assignEpochStartOffset(7, 6);
        log.truncateTo(6);
        assertEquals(6, log.endOffset());
        assertEquals(5, log.latestEpoch());
    }

    @Test
    void appendAfterTruncationReusesOffsets() {
        ReplicaLog log = threeEpochs();
        log.truncateTo(3);
        log.append(new LogSlice(3, new int[] {8, 8}, new long[] {900, 901}));
        LogView view = log.view();
        assertEquals(5, view.endOffset());
        assertEquals(8, view.epochAt(3));
        assertEquals(900L, view.recordIdAt(3));
        assertEquals(new EpochEnd(0, 3), log.endOffsetFor(0));
        assertEquals(new EpochEnd(0, 3), log.endOffsetFor(2), "epoch 2 is gone: floor is 0, next start 3");
        assertEquals(new EpochEnd(8, 5), log.endOffsetFor(8));
    }

    @Test
    void viewTakenBeforeTruncationKeepsShowingTheOldContents() {
        ReplicaLog log = threeEpochs();
        log.setHighWatermark(5);
        LogView before = log.view();
        log.truncateTo(2);
        log.append(9, 777);
        log.append(9, 778);
        log.append(9, 779);
        log.append(9, 780);
        log.assignEpochStartOffset(10, log.endOffset());
        log.setHighWatermark(6);

        assertEquals(6, before.endOffset());
        assertEquals(5, before.highWatermark());
        assertEquals(3, before.cacheSize());
        assertEquals(5, before.latestEpoch());
        long[] expectedIds = {100, 101, 102, 103, 104, 105};
        int[] expectedEpochs = {0, 0, 0, 2, 2, 5};
        for (int o = 0; o < 6; o++) {
            assertEquals(expectedIds[o], before.recordIdAt(o), "old view changed at offset " + o);
            assertEquals(expectedEpochs[o], before.epochAt(o), "old view changed at offset " + o);
        }
        assertEquals(2, before.cacheEpochs()[1]);
        assertEquals(3L, before.cacheStartOffsets()[1]);

        LogView after = log.view();
        assertEquals(6, after.endOffset());
        assertEquals(777L, after.recordIdAt(2));
        assertEquals(9, after.epochAt(5));
        assertEquals(10, after.latestEpoch());
        assertEquals(6, after.highWatermark());
    }

    @Test
    void viewTakenBeforeAppendsDoesNotGrow() {
        ReplicaLog log = new ReplicaLog();
        log.append(0, 1);
        LogView before = log.view();
        for (int i = 0; i < 40; i++) { // forces the backing arrays to grow
            log.append(1, 10 + i);
        }
        assertEquals(1, before.endOffset());
        assertEquals(1, before.cacheSize());
        assertEquals(41, log.view().endOffset());
    }

    @Test
    void followerAppendOfAnOlderEpochReplacesAnEpochEntryWithoutRecords() {
        // Kafka's LeaderEpochFileCache.assign: entries with epoch >= the new one (or starting at or
        // after its offset) are removed, so the cache always describes the records.
        ReplicaLog log = new ReplicaLog();
        log.append(0, 1);
        log.append(0, 2);
        log.append(0, 3);
        log.assignEpochStartOffset(7, 3); // elected at epoch 7, wrote nothing, then became a follower
        LogView before = log.view();
        log.append(5, 4); // copies epoch-5 records from the new leader
        log.append(5, 5);
        assertEquals(5, log.latestEpoch());
        assertEquals(new EpochEnd(5, 5), log.endOffsetFor(5));
        assertEquals(new EpochEnd(0, 3), log.endOffsetFor(4));
        assertEquals(new EpochEnd(-1, -1), log.endOffsetFor(7));
        assertEquals(2, log.view().cacheSize());
        // The earlier view still shows the entry it had.
        assertEquals(2, before.cacheSize());
        assertEquals(7, before.latestEpoch());
        assertEquals(3L, before.cacheStartOffsets()[1]);
    }

    @Test
    void readStopsAtTheLimitAndTheMaximum() {
        ReplicaLog log = threeEpochs();
        LogSlice slice = log.read(1, 4, 100);
        assertEquals(1, slice.baseOffset());
        assertEquals(3, slice.size());
        assertEquals(101L, slice.recordIds()[0]);
        assertEquals(2, log.read(0, 6, 2).size());
        assertEquals(0, log.read(6, 6, 10).size());
    }
}
