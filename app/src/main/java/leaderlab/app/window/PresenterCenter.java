package leaderlab.app.window;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * Presenter mode's middle: the cluster view beside the lesson's narration while a lesson runs, and the
 * cluster view across the whole width when none does (after End, {@code reset} or before any lesson),
 * rather than beside an empty half of the screen.
 */
final class PresenterCenter extends SplitPane {

    private static final double VIEW_SHARE = 0.6;

    PresenterCenter(Node clusterView, Node narration) {
        getItems().add(clusterView);
        javafx.beans.value.ChangeListener<Boolean> follow = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean shown) {
                if (getParent() == null) {
                    // Presenter mode was left: the narration belongs to the normal layout now.
                    narration.visibleProperty().removeListener(this);
                } else {
                    show(narration, shown);
                }
            }
        };
        narration.visibleProperty().addListener(follow);
        show(narration, narration.isVisible());
    }

    private void show(Node narration, boolean shown) {
        if (shown && !getItems().contains(narration)) {
            getItems().add(narration);
            setDividerPositions(VIEW_SHARE);
        } else if (!shown) {
            getItems().remove(narration);
        }
    }
}
