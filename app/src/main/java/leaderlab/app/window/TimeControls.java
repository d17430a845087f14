package leaderlab.app.window;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The toolbar: play/pause, step, speed, message flow, theme and zoom, and the clock. */
final class TimeControls extends HBox {

    final Button play = new Button();
    final Button step = new Button("Step", new FontIcon(Feather.SKIP_FORWARD));
    final ComboBox<Double> speed = new ComboBox<>();
    final ToggleButton flow = new ToggleButton("Flow", new FontIcon(Feather.ACTIVITY));
    final Button theme = new Button("Theme", new FontIcon(Feather.MOON));
    final Button zoomOut = new Button("", new FontIcon(Feather.ZOOM_OUT));
    final Button zoomIn = new Button("", new FontIcon(Feather.ZOOM_IN));
    final Label clock = new Label();
    private final Label speedLabel = new Label("speed");

    TimeControls() {
        play.setId("play");
        step.setId("step");
        speed.setId("speed");
        flow.setId("flow");
        clock.setId("clock");
        clock.getStyleClass().add("clock");
        speed.getItems().addAll(0.1, 0.25, 0.5, 1.0, 2.0, 4.0);
        speed.setValue(1.0);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null
                        ? ""
                        : (value == Math.rint(value) ? String.valueOf(value.intValue()) : value) + "x";
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("x", ""));
            }
        });
        tip(play, "Pause or resume cluster time (Space)");
        tip(step, "Move cluster time 100 ms and pause (Right arrow)");
        tip(speed, "Cluster time per wall time: slow motion below 1");
        tip(flow, "Animate fetches, heartbeats and produces (F)");
        tip(theme, "Light or dark (T)");
        tip(zoomOut, "Smaller (Ctrl -)");
        tip(zoomIn, "Larger (Ctrl +)");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(play, step, speedLabel, speed, new Separator(), flow, theme, zoomOut, zoomIn, grow, clock);
        getStyleClass().add("time-controls");
        setSpacing(8);
        showPlaying(true);
    }

    /**
     * On real Kafka: nobody can pause, step or speed up a real cluster's time, so those controls give way to
     * a note saying so (History still scrubs through the polled past).
     */
    void realKafka() {
        for (javafx.scene.Node control : java.util.List.of(play, step, speed, speedLabel)) {
            control.setVisible(false);
            control.setManaged(false);
        }
        Label note = new Label("Real Kafka: no pause, step or speed");
        note.setId("real-time-note");
        note.setTooltip(new Tooltip(PlayClock.REAL_TIME));
        getChildren().add(0, note);
    }

    /** Shows a speed set anywhere; a value not in the list is added to it, so the box never lies. */
    void showSpeed(double value) {
        if (!speed.getItems().contains(value)) {
            speed.getItems().add(value);
            speed.getItems().sort(Double::compare);
        }
        speed.setValue(value);
    }

    void showPlaying(boolean playing) {
        play.setText(playing ? "Pause" : "Play");
        play.setGraphic(new FontIcon(playing ? Feather.PAUSE : Feather.PLAY));
    }

    private static void tip(javafx.scene.control.Control control, String text) {
        control.setTooltip(new Tooltip(text));
    }
}
