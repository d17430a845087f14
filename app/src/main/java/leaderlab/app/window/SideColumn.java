package leaderlab.app.window;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The normal layout's right column: a lesson's narration, the metrics, the timeline and the swimlanes. */
final class SideColumn {

    private SideColumn() {}

    /** The column, in a scroll pane for windows too short for it. */
    static ScrollPane of(LessonPanel lessonPanel, MetricsPanel metrics, EventLog eventLog, Swimlanes swimlanes) {
        Label timelineTitle = title("timeline-title", "Timeline");
        Label lanesTitle = title("lanes-title", "Selected partition over time");
        VBox right = new VBox(6, lessonPanel, metrics, timelineTitle, eventLog, lanesTitle, swimlanes);
        VBox.setVgrow(eventLog, Priority.ALWAYS);
        // A lesson's narration asks for its whole text, and the timeline for no more than its least: the
        // timeline takes the height left (VBox shrinks every child alike, whatever its grow priority). At
        // 1920x1080 the two had shared the column, and every lesson's first step hid lines of its narration.
        VBox.setVgrow(lessonPanel, Priority.SOMETIMES);
        eventLog.setPrefHeight(60);
        eventLog.setMinHeight(60); // two rows
        // The swimlanes, too, ask for their least and grow to their most where the column has the room.
        VBox.setVgrow(swimlanes, Priority.ALWAYS);
        swimlanes.setPrefHeight(60);
        swimlanes.setMinHeight(60);
        swimlanes.setMaxHeight(110);
        right.setPadding(new Insets(0, 4, 0, 8));
        // Where a lesson leaves too little height (1440x900), the column scrolls: squeezed below its least
        // height, a split pane centres it, so it spilled over the headline and its panels over each other.
        ScrollPane column = new ScrollPane(right);
        column.setId("right-column");
        column.setFitToWidth(true);
        column.setFitToHeight(true);
        column.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return column;
    }

    private static Label title(String id, String text) {
        Label title = new Label(text);
        title.setId(id);
        title.getStyleClass().add("panel-title");
        return title;
    }
}
