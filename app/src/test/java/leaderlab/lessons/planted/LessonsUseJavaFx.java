package leaderlab.lessons.planted;

import javafx.scene.control.Label;

/** Breaks NO_JAVAFX_BELOW_THE_APP: a lesson holding a JavaFX control. */
public final class LessonsUseJavaFx {

    public Label planted;
}
