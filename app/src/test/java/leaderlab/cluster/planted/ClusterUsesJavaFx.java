package leaderlab.cluster.planted;

import javafx.scene.paint.Color;

/** Breaks NO_UI_TOOLKIT_IN_CLUSTER: the engine holding a JavaFX colour. */
public final class ClusterUsesJavaFx {

    public Color planted;
}
