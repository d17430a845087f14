package leaderlab.cluster.controller;

import java.util.SortedMap;
import leaderlab.cluster.metadata.MetadataView;

/** What the controller believes, immutable: the committed metadata plus its soft liveness state. */
public record ControllerView(MetadataView metadata, SortedMap<Integer, BrokerSession> sessions) {}
