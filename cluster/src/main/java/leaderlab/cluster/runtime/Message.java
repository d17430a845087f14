package leaderlab.cluster.runtime;

/** Something one node sends another over the network. Messages are immutable. */
public interface Message {}
