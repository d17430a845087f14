package leaderlab.shell.command;

import leaderlab.cluster.journal.Event;

/** One journal event as a JSON object of its typed fields (events --json, export journal). */
public final class EventJson {

    private EventJson() {}

    public static Json write(Json json, Event e) {
        json.beginObject()
                .field("seq", e.seq())
                .field("timeMs", e.timeMs())
                .field("type", e.type().name())
                .name("source")
                .beginObject()
                .field("kind", e.source().kind().name())
                .field("id", e.source().id())
                .endObject();
        if (e.partition() == null) {
            json.field("partition", null);
        } else {
            json.name("partition")
                    .beginObject()
                    .field("topic", e.partition().topic())
                    .field("partition", e.partition().partition())
                    .endObject();
        }
        return json.field("detail", e.detailFields())
                .field("text", e.text())
                .field("cause", e.cause())
                .field("causeSeq", e.causeSeq())
                .endObject();
    }
}
