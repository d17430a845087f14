package leaderlab.app.window;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The row under the views: the scrubber over its marks, Live (back to now), and Fork here. */
final class HistoryRow {

    private HistoryRow() {}

    static HBox of(ScrubMarks marks, Slider scrubber, Button live, Button forkHere) {
        scrubber.setId("scrubber");
        live.setId("live");
        Label label = new Label("History");
        label.getStyleClass().add("panel-title");
        VBox track = new VBox(0, marks, scrubber);
        marks.widthProperty().bind(scrubber.widthProperty());
        HBox row = new HBox(10, label, track, live, forkHere);
        HBox.setHgrow(track, Priority.ALWAYS);
        return row;
    }
}
