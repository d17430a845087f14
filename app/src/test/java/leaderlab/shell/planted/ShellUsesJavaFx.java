package leaderlab.shell.planted;

import javafx.scene.control.Label;

/** Breaks NO_JAVAFX_BELOW_THE_APP: the shell holding a JavaFX control. */
public final class ShellUsesJavaFx {

    public Label planted;
}
