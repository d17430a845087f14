package leaderlab.cluster.runtime;

/**
 * Something a node asks to be woken up with later. Timers cannot be cancelled: a node that no longer
 * wants one ignores it when it fires (typically by comparing a generation number it carries).
 */
public interface Timer {}
