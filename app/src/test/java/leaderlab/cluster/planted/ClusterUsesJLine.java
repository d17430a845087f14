package leaderlab.cluster.planted;

import org.jline.terminal.Terminal;

/** Breaks NO_UI_TOOLKIT_IN_CLUSTER: the engine holding a terminal. */
public final class ClusterUsesJLine {

    public Terminal planted;
}
