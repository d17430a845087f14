package leaderlab.shell.commands;

import java.util.List;
import leaderlab.cluster.client.ConsumeResult;
import leaderlab.cluster.client.ProduceResult;
import leaderlab.cluster.protocol.AdminOperation.ElectionType;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.LogSlice;
import leaderlab.shell.command.Json;
import leaderlab.shell.command.Parse;

/**
 * The {@code --json} forms of the client and admin commands, one object per line so scripts need not
 * scrape prose. The shapes are part of the command language (each command's help shows its own) and
 * only ever gain fields.
 */
public final class ResultJson {

    static final String PRODUCE_SHAPE = "{\"results\":[{\"partition\":\"orders-0\",\"leader\":2,\"acks\":\"all\","
            + "\"count\":10,\"acknowledged\":true,\"baseOffset\":0,\"lastOffset\":9,\"error\":\"NONE\",\"errorCode\":0,"
            + "\"detail\":\"\",\"retries\":1,\"retried\":[\"NOT_LEADER_OR_FOLLOWER from broker 1\"],\"duplicate\":false,"
            + "\"waitedMs\":1400}]} (baseOffset and lastOffset are null unless acknowledged; retried lists the error of "
            + "each request the producer resent; duplicate: the leader already held a resent batch and kept one copy; "
            + "waitedMs: how long the batch stayed unsent for a leader it could connect to, null on real Kafka)";
    static final String CONSUME_SHAPE = "{\"results\":[{\"partition\":\"orders-0\",\"leader\":2,\"error\":\"NONE\","
            + "\"errorCode\":0,\"highWatermark\":10,\"baseOffset\":0,\"endOffset\":10,\"records\":[\"m1\",...],"
            + "\"retries\":3,\"retried\":[\"NETWORK_EXCEPTION from broker 1\"],\"timedOut\":false}]} (offsets are null "
            + "on an error or when the poll timed out; retried lists the error of each fetch the consumer made again)";
    static final String ELECT_SHAPE = "{\"electionType\":\"PREFERRED\",\"partitions\":[{\"partition\":\"orders-0\","
            + "\"error\":\"NONE\"|\"ELECTION_NOT_NEEDED\"|...,\"message\":\"...\"}]}";
    static final String REASSIGN_SHAPE =
            "{\"partition\":\"orders-0\",\"targetReplicas\":[2,3,1],\"error\":\"NONE\"," + "\"message\":\"...\"}";

    private ResultJson() {}

    public static String produce(List<ProduceResult> results) {
        Json json = new Json().beginObject().name("results").beginArray();
        for (ProduceResult r : results) {
            boolean acknowledged = r.acknowledged();
            json.beginObject()
                    .field("partition", r.partition())
                    .field("leader", r.leader())
                    .field("acks", Parse.acksName(r.acks()))
                    .field("count", r.count())
                    .field("acknowledged", acknowledged)
                    .field("baseOffset", acknowledged ? r.baseOffset() : null)
                    .field("lastOffset", acknowledged ? r.baseOffset() + r.count() - 1 : null)
                    .field("error", r.error().name())
                    .field("errorCode", r.error().code())
                    .field("detail", r.detail() == null ? "" : r.detail())
                    .field("retries", r.retries())
                    .field("retried", r.retried())
                    .field("duplicate", r.duplicate())
                    .field("waitedMs", r.waitedMs() < 0 ? null : r.waitedMs())
                    .endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String consume(List<ConsumeResult> results) {
        Json json = new Json().beginObject().name("results").beginArray();
        for (ConsumeResult r : results) {
            json.beginObject()
                    .field("partition", r.partition())
                    .field("leader", r.leader())
                    .field("error", r.error().name())
                    .field("errorCode", r.error().code())
                    .field("highWatermark", r.highWatermark());
            LogSlice records = r.error().isError() || r.timedOut() ? null : r.records();
            json.field("baseOffset", records == null ? null : records.baseOffset())
                    .field("endOffset", records == null ? null : records.endOffset());
            json.name("records").beginArray();
            for (int i = 0; records != null && i < records.size(); i++) {
                json.value("m" + records.recordIds()[i]);
            }
            json.endArray()
                    .field("retries", r.retries())
                    .field("retried", r.retried())
                    .field("timedOut", r.timedOut())
                    .endObject();
        }
        return json.endArray().endObject().toString();
    }

    public static String election(ElectionType type, AdminResult result) {
        Json json = new Json()
                .beginObject()
                .field("electionType", type.name())
                .name("partitions")
                .beginArray();
        for (AdminResult.PartitionResult r : result.partitions()) {
            json.beginObject()
                    .field("partition", r.partition().toString())
                    .field("error", r.error().name())
                    .field("message", r.message() == null ? "" : r.message())
                    .endObject();
        }
        return json.endArray().endObject().toString();
    }

    public static String reassignment(String partition, int[] replicas, AdminResult result) {
        return new Json()
                .beginObject()
                .field("partition", partition)
                .field("targetReplicas", replicas)
                .field("error", result.error().name())
                .field("message", result.message())
                .endObject()
                .toString();
    }
}
