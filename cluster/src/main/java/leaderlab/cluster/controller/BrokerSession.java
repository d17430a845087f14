package leaderlab.cluster.controller;

/**
 * The controller's soft state about one broker's liveness: when it was last heard from, how far it has
 * replayed the metadata log, and where its controlled shutdown began. Not in the metadata log.
 */
public record BrokerSession(long lastContactMs, long metadataOffset, long controlledShutdownOffset) {

    BrokerSession touched(long nowMs, long offset) {
        return new BrokerSession(nowMs, offset, controlledShutdownOffset);
    }

    BrokerSession withControlledShutdownOffset(long offset) {
        return new BrokerSession(lastContactMs, metadataOffset, offset);
    }
}
