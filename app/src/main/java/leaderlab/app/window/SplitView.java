package leaderlab.app.window;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.view.ClusterSnapshot;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The split screen: two runs of the same seed side by side, each as a cluster view of its own with its
 * lost records and its timeline, the first event where the two timelines part marked in both, and the
 * one-line diff of the outcome under them. A slider steps both sides through the commands they ran.
 * Runs on the FX thread and only reads the immutable {@link Comparison} it is given.
 */
final class SplitView extends BorderPane {

    /** The timeline rows of one side: an event and its place in the comparison (its row number). */
    record Row(long index, Event event) {}

    private final Supplier<Palette> palette;
    private final Supplier<Double> zoom;
    private final Column left = new Column("a");
    private final Column right = new Column("b");
    private final Label heading = new Label();
    private final Slider moment = new Slider(0, 0, 0);
    private final Label momentName = new Label();
    private final Label after = new Label("after");
    private final Label divergenceLine = new Label();
    private final Label diffLine = new Label();
    final Button close = new Button("Close split", new FontIcon(Feather.X));
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame();
        }
    };

    private Comparison shown;
    /** The live cluster the right side follows between comparisons (a fork as it plays), or null. */
    private Supplier<ClusterSnapshot> followRight;

    private boolean dirty = true;
    private Palette drawnPalette;
    private ClusterSnapshot drawnRight;

    SplitView(Supplier<Palette> palette, Supplier<Double> zoom) {
        this.palette = palette;
        this.zoom = zoom;
        setId("split-view");
        getStyleClass().add("split-view");
        heading.getStyleClass().add("split-heading");
        momentName.getStyleClass().add("split-moment");
        moment.setId("split-moment");
        moment.setMajorTickUnit(1);
        moment.setMinorTickCount(0);
        moment.setSnapToTicks(true);
        moment.setPrefWidth(360);
        moment.valueProperty().addListener((obs, old, value) -> showMoment());
        close.setId("split-close");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        after.getStyleClass().add("split-moment");
        HBox top = new HBox(12, heading, grow, after, moment, momentName, close);
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);
        GridPane columns = new GridPane();
        columns.setHgap(16);
        columns.setVgap(4);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            columns.getColumnConstraints().add(half);
        }
        left.addTo(columns, 0);
        right.addTo(columns, 1);
        RowConstraints fixed = new RowConstraints();
        RowConstraints canvasRow = new RowConstraints();
        canvasRow.setVgrow(Priority.ALWAYS);
        RowConstraints eventsRow = new RowConstraints(110, 150, 220);
        columns.getRowConstraints().addAll(fixed, fixed, canvasRow, eventsRow);
        setCenter(columns);
        divergenceLine.setId("split-divergence");
        divergenceLine.getStyleClass().add("split-divergence");
        diffLine.setId("split-diff");
        diffLine.getStyleClass().add("split-diff");
        divergenceLine.setWrapText(true);
        diffLine.setWrapText(true);
        setBottom(new VBox(4, divergenceLine, diffLine));
        BorderPane.setMargin(top, new Insets(0, 0, 6, 0));
        BorderPane.setMargin(getBottom(), new Insets(6, 0, 0, 0));
        setPadding(new Insets(6, 10, 6, 10));
    }

    /** Shows a comparison, at its last moment (the outcome); {@code follow} keeps the right side live. */
    void show(Comparison comparison, Supplier<ClusterSnapshot> follow) {
        boolean sameMoments = shown != null && shown.moments().equals(comparison.moments());
        shown = comparison;
        followRight = follow;
        heading.setText(comparison.heading());
        moment.setMax(Math.max(0, comparison.moments().size() - 1));
        boolean steps = comparison.moments().size() > 1;
        for (javafx.scene.Node stepping : List.of(after, moment, momentName)) {
            stepping.setVisible(steps);
            stepping.setManaged(steps);
        }
        if (!sameMoments) {
            moment.setValue(moment.getMax());
        }
        left.show(comparison.left(), comparison.divergence());
        right.show(comparison.right(), comparison.divergence());
        divergenceLine.setText(divergenceText(comparison));
        diffLine.setText("Outcome A | B: " + comparison.diff());
        showMoment();
        frames.start();
    }

    void stop() {
        frames.stop();
        shown = null;
        followRight = null;
    }

    Comparison comparison() {
        return shown;
    }

    /** The row of each side's timeline marked as the first divergent event, or -1. */
    long markedRow() {
        return shown == null ? -1 : shown.divergence();
    }

    Column left() {
        return left;
    }

    Column right() {
        return right;
    }

    private void showMoment() {
        if (shown == null) {
            return;
        }
        int at = momentIndex();
        momentName.setText(String.format(
                Locale.ROOT,
                "%d/%d: %s",
                at + 1,
                shown.moments().size(),
                shown.moments().get(at)));
        left.upTo(momentOf(shown.left(), at).timeMs());
        right.upTo(momentOf(shown.right(), at).timeMs());
        dirty = true;
    }

    private int momentIndex() {
        return (int) Math.round(Math.min(moment.getValue(), shown.moments().size() - 1));
    }

    private static ClusterSnapshot momentOf(Comparison.Side side, int at) {
        return side.moments().get(Math.min(at, side.moments().size() - 1));
    }

    /** Redraws the two cluster views when their moment, their size, the theme or the followed cluster changed. */
    private void frame() {
        if (shown == null) {
            return;
        }
        int at = momentIndex();
        ClusterSnapshot rightNow = followRight != null && at == shown.moments().size() - 1
                ? followRight.get()
                : momentOf(shown.right(), at);
        Palette now = palette.get();
        if (dirty || now != drawnPalette || rightNow != drawnRight || left.resized() | right.resized()) {
            left.canvas.render(momentOf(shown.left(), at), -1, now, zoom.get(), null);
            right.canvas.render(rightNow, -1, now, zoom.get(), null);
            drawnPalette = now;
            drawnRight = rightNow;
            dirty = false;
        }
    }

    private static String divergenceText(Comparison comparison) {
        if (comparison.divergence() < 0) {
            return "The timelines do not part: every event is the same on both sides.";
        }
        Event a = eventAt(comparison.left(), comparison.divergence());
        Event b = eventAt(comparison.right(), comparison.divergence());
        return ">> First divergent event (#" + comparison.divergence() + ", marked in both timelines):  A: "
                + describe(a) + "   |   B: " + describe(b);
    }

    private static Event eventAt(Comparison.Side side, long index) {
        long seq = side.fromEvent() + index;
        return seq < side.journal().size() ? side.journal().get(seq) : null;
    }

    private static String describe(Event event) {
        return event == null ? "(no more events)" : event.format().strip();
    }

    /** One side: its title, its lost records, its cluster view and its timeline. */
    static final class Column {
        final Label title = new Label();
        final Label lost = new Label();
        final ClusterCanvas canvas = new ClusterCanvas();
        private final ObservableList<Row> rows = FXCollections.observableArrayList();
        final ListView<Row> events = new ListView<>(rows);
        private List<Row> all = List.of();
        private String titleText = "";
        private long marked = -1;
        private double drawnWidth;
        private double drawnHeight;

        private Column(String id) {
            title.setId("split-title-" + id);
            lost.setId("split-lost-" + id);
            events.setId("split-events-" + id);
            title.getStyleClass().add("split-title");
            lost.getStyleClass().add("split-lost");
            events.getStyleClass().add("split-events");
            events.setFocusTraversable(false);
            events.setCellFactory(view -> new WrappingCell<>(
                    view,
                    row -> String.format(
                            Locale.ROOT,
                            "#%-4d %s",
                            row.index(),
                            row.event().format().strip()),
                    row -> row.index() == marked ? "split-diverged" : "split-same",
                    List.of("split-diverged", "split-same")));
        }

        private void addTo(GridPane grid, int column) {
            grid.add(title, column, 0);
            grid.add(lost, column, 1);
            grid.add(canvas, column, 2);
            grid.add(events, column, 3);
            GridPane.setHgrow(canvas, Priority.ALWAYS);
            GridPane.setVgrow(canvas, Priority.ALWAYS);
            title.setMaxWidth(Double.MAX_VALUE);
        }

        private void show(Comparison.Side side, long divergence) {
            titleText = side.title();
            lost.getStyleClass().remove("bad");
            if (side.lost() > 0) {
                lost.getStyleClass().add("bad");
                lost.setText(side.lost() + " acknowledged record(s) LOST in this run");
            } else {
                lost.setText("no acknowledged record lost in this run");
            }
            marked = divergence;
            List<Event> events = side.events();
            Row[] made = new Row[events.size()];
            for (int i = 0; i < made.length; i++) {
                made[i] = new Row(i, events.get(i));
            }
            all = List.of(made);
        }

        /** The timeline up to a moment, scrolled to the marked row when it is there, else to the end. */
        private void upTo(long timeMs) {
            title.setText(String.format(Locale.ROOT, "%s   (t = %.3f s)", titleText, timeMs / 1000.0));
            int end = 0;
            while (end < all.size() && all.get(end).event().timeMs() <= timeMs) {
                end++;
            }
            rows.setAll(all.subList(0, end));
            int focus = marked >= 0 && marked < end ? (int) marked : end - 1;
            events.scrollTo(Math.max(0, focus - 1));
        }

        /** The rows on screen now (tests look for the marked one). */
        List<Row> rows() {
            return List.copyOf(rows);
        }

        /** Whether the lost-records line is shown as a loss (in the colour for bad news). */
        boolean showsLoss() {
            return lost.getStyleClass().contains("bad");
        }

        private boolean resized() {
            boolean changed = canvas.getWidth() != drawnWidth || canvas.getHeight() != drawnHeight;
            drawnWidth = canvas.getWidth();
            drawnHeight = canvas.getHeight();
            return changed;
        }
    }
}
