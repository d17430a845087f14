package leaderlab.app.window;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The row under the views: the scrubber over its marks, Live (back to now), and Fork here. */
final class HistoryRow {

    private HistoryRow() {}

    static HBox of(ScrubMarks marks, Slider scrubber, Button live, Button forkHere) {
        scrubber.setId("scrubber");
        live.setId("live");
        Label label = new Label("History");
        label.setId("history-title");
        label.getStyleClass().add("panel-title");
        // The marks follow the scrubber's width but never hold the track open: a canvas is as wide as it is
        // drawn, so zoomed in, the title and buttons were squeezed to "Hist..." and "..." instead.
        Pane marksTrack = new Pane(marks);
        marksTrack.setMinWidth(0);
        marksTrack.setPrefWidth(0);
        VBox track = new VBox(0, marksTrack, scrubber);
        track.setMinWidth(0);
        marks.widthProperty().bind(scrubber.widthProperty());
        for (Region fixed : new Region[] {label, live, forkHere}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(10, label, track, live, forkHere);
        HBox.setHgrow(track, Priority.ALWAYS);
        return row;
    }
}
