package leaderlab.app.window;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.SnapshotSource;
import leaderlab.shell.command.CommandRunner;

/**
 * The visualizer window: the cluster view with the partition detail below it, the headline, metrics
 * and the event timeline on the right, the scrubber and the command console at the bottom. It only
 * reads snapshots and the journal, and acts only by running command lines on the shared runner.
 */
public final class LeaderlabWindow {

    private final CommandRunner runner;
    private final ClusterCanvas clusterCanvas = new ClusterCanvas();
    private final PartitionDetail partitionDetail = new PartitionDetail();
    private final Swimlanes swimlanes = new Swimlanes();
    private final EventLog eventLog = new EventLog();
    private final MetricsPanel metrics = new MetricsPanel();
    private final Headline headline = new Headline();
    private final TimeControls controls = new TimeControls();
    private final Slider scrubber = new Slider(0, 1, 1);
    private final CommandConsole console;
    private final LessonPanel lessonPanel;
    private final PlayClock playClock;
    private final ClusterMenus menus;
    private final FrameLoop frames;
    private final QuorumPane quorum;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final CanvasPointer pointer;
    private final Appearance appearance;
    private boolean flowOn = true;
    private boolean presenter;
    private final LessonHosting lessons;
    private final Button live = new Button("Live");
    private final ScrubMarks marks = new ScrubMarks();
    private final WhatIfs whatIfs;
    private final WindowSource source;

    /** @param playing whether the simulator starts playing (live clusters run by themselves) */
    public LeaderlabWindow(CommandRunner runner, boolean playing, double width, double height) {
        this(runner, null, playing, width, height);
    }

    /**
     * A window on a real Kafka cluster: it draws {@code realKafka}'s polled snapshots and observed journal,
     * and its command bar runs lines on {@code runner} (the real-Kafka commands).
     */
    public LeaderlabWindow(CommandRunner runner, SnapshotSource realKafka, double width, double height) {
        this(runner, realKafka, true, width, height);
    }

    private LeaderlabWindow(
            CommandRunner runner, SnapshotSource realKafka, boolean playing, double width, double height) {
        this.runner = runner;
        this.source = new WindowSource(runner, realKafka);
        this.console = new CommandConsole(runner);
        this.lessonPanel = new LessonPanel(
                runner,
                where -> {
                    if (where.partition() != null) {
                        showPartition(where.partition());
                    }
                },
                this::lessonEnded);
        this.playClock = new PlayClock(runner, playing, realKafka != null);
        this.menus = new ClusterMenus(console::run);
        this.quorum = new QuorumPane(clusterCanvas, menus, headline, eventLog);
        this.frames = new FrameLoop(this);
        this.appearance = new Appearance(root, frames::redrawAll);
        this.lessons = new LessonHosting(runner, lessonPanel, playClock, metrics, frames::redrawAll);
        this.whatIfs = new WhatIfs(this, this::layOut);
        layOut();
        scene = new Scene(root, width, height);
        scene.getStylesheets()
                .add(LeaderlabWindow.class.getResource("leaderlab.css").toExternalForm());
        wireControls();
        pointer = new CanvasPointer(clusterCanvas, menus, frames::shown, this::showPartition);
        new WindowKeys(this).attachTo(scene);
        playClock.followTimeSpeed(runner, controls::showSpeed);
        source.fitControls(controls, whatIfs.forkButton());
        appearance.apply();
    }

    /** The height a split pane's divider takes, with a pixel to spare. */
    private static final double DIVIDER_PX = 8;

    private SplitPane center() {
        SplitPane left = new SplitPane(quorum, partitionDetail);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.72);
        // The cluster view takes the logs pane's height, down to its least, before it scrolls.
        clusterCanvas.viewHeight.roomFrom(
                () -> left.getHeight() - partitionDetail.minHeight(-1) - DIVIDER_PX - quorum.stripHeight());
        SplitPane center = new SplitPane(left, SideColumn.of(lessonPanel, metrics, eventLog, swimlanes));
        center.setDividerPositions(0.7);
        return center;
    }

    /**
     * Puts the parts in place: the full window, or presenter mode (the headline, the cluster view and the
     * lesson's narration only). The parts are the same objects either way, so nothing is lost by switching;
     * laid out again, the split panes take their first shares again.
     */
    void layOut() {
        root.getStyleClass().remove("presenter");
        clusterCanvas.setScale(presenter ? ClusterCanvas.PRESENTER_SCALE : 1);
        clusterCanvas.viewHeight.noRoom(); // until the normal layout's split gives it some
        if (presenter) {
            root.getStyleClass().add("presenter");
            root.setTop(new VBox(6, whatIfs.banner(), headline));
            root.setCenter(new PresenterCenter(whatIfs.splitOpen() ? whatIfs.splitView() : quorum, lessonPanel));
            root.setBottom(null);
        } else {
            root.setTop(new VBox(6, controls, whatIfs.banner(), headline));
            root.setCenter(whatIfs.splitOpen() ? whatIfs.splitArea(lessonPanel) : center());
            root.setBottom(bottom());
        }
        BorderPane.setMargin(root.getTop(), new Insets(8, 10, 4, 10));
    }

    /** Presenter mode on or off: full screen, cluster view and narration only, type for the back row. */
    public void setPresenter(boolean on) {
        presenter = on;
        layOut();
        if (scene != null && scene.getWindow() instanceof javafx.stage.Stage stage) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(on);
        }
        frames.redrawAll();
    }

    public boolean presenter() {
        return presenter;
    }

    private VBox bottom() {
        console.setPrefHeight(170);
        VBox bottom = new VBox(4, HistoryRow.of(marks, scrubber, live, whatIfs.forkButton()), console);
        bottom.setPadding(new Insets(4, 10, 8, 10));
        return bottom;
    }

    private void wireControls() {
        controls.play.setOnAction(e -> playClock.toggle());
        controls.step.setOnAction(e -> playClock.step());
        controls.speed.setOnAction(e -> playClock.setSpeed(controls.speed.getValue()));
        controls.flow.setSelected(flowOn);
        controls.flow.setOnAction(e -> setFlow(controls.flow.isSelected()));
        controls.theme.setOnAction(e -> appearance.toggleTheme());
        controls.zoomIn.setOnAction(e -> appearance.zoomBy(1.15));
        controls.zoomOut.setOnAction(e -> appearance.zoomBy(1 / 1.15));
        // Scrubbing stays in the past, for as long as a teacher talks about it, until Live is pressed.
        // The handler (not a filter) runs after the slider's track has moved the value to the press.
        scrubber.valueProperty().addListener((obs, old, value) -> {
            if (frames.scrubbing()) {
                frames.scrubTo((int) Math.round(value.doubleValue()));
            }
        });
        scrubber.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> frames.scrubTo((int) Math.round(scrubber.getValue())));
        live.setOnAction(e -> goLive());
    }

    /** Shows a partition's logs in the detail view and its history in the swimlanes. */
    public void showPartition(String name) {
        ClusterSnapshot shown = frames.shown();
        partitionDetail.select(name, frames.history(), shown == null ? Long.MAX_VALUE : shown.timeMs());
        frames.redrawAll();
    }

    /** Back to the present: the scrubber's thumb, the headline and the timeline follow the cluster again. */
    public void goLive() {
        frames.backToLive();
        frames.redrawAll();
    }

    /** Left arrow: one kept snapshot further into the past (from live, the newest before now). */
    void stepBack() {
        int index =
                frames.scrubbing() ? frames.scrubIndex() - 1 : frames.history().size() - 2;
        frames.scrubTo(Math.max(0, index));
        scrubber.setValue(frames.scrubIndex());
        frames.redrawAll();
    }

    /** Gives the keyboard back to the window (Esc), out of the command bar. */
    void focusRoot() {
        root.requestFocus();
    }

    boolean typing() {
        return scene.getFocusOwner() instanceof TextInputControl;
    }

    void focusCommandBar() {
        console.bar().requestFocus();
    }

    void setFlow(boolean on) {
        flowOn = on;
        controls.flow.setSelected(on);
        frames.redrawAll();
    }

    void updateScrubber(
            SnapshotHistory history, java.util.List<leaderlab.cluster.journal.Event> marked, int scrubIndex) {
        scrubber.setMax(Math.max(1, history.size() - 1));
        if (scrubIndex < 0) {
            scrubber.setValue(scrubber.getMax());
        }
        live.setDisable(scrubIndex < 0);
        marks.draw(history, marked, appearance.palette());
    }

    /** Presents a lesson in the window (see {@link LessonHosting#present}); on the FX thread. */
    public void presentLesson(leaderlab.lessons.Lesson lesson) {
        lessons.present(lesson, new java.util.concurrent.CompletableFuture<>());
    }

    /** {@code present}, on the command thread: see {@link LessonHosting#presentFromCommand}. */
    public boolean presentFromCommand(leaderlab.lessons.Lesson lesson) {
        return lessons.presentFromCommand(lesson);
    }

    /** Ends the running lesson (End); returns false when none runs. On the FX thread. */
    public boolean endLesson() {
        return lessons.end();
    }

    /** {@code lesson end}, on the command thread: see {@link LessonHosting#endFromCommand}. */
    public boolean endLessonFromCommand() {
        return lessons.endFromCommand();
    }

    void clusterChanged(leaderlab.cluster.Cluster cluster) {
        lessons.clusterChanged(cluster);
    }

    private void lessonEnded(leaderlab.cluster.Cluster lessonCluster) {
        lessons.ended(lessonCluster);
    }

    /** The menus of brokers, controllers and partitions, one open at a time. */
    ClusterMenus menus() {
        return menus;
    }

    LessonPanel lessonPanel() {
        return lessonPanel;
    }

    WhatIfs whatIfs() {
        return whatIfs;
    }

    /** Starts the frame loop. */
    public void start() {
        frames.start();
    }

    public void stop() {
        frames.stop();
        lessonPanel.close();
    }

    /** Runs one complete frame now, slow panels included (tests and screenshots wait for one). */
    public void frame() {
        frames.redrawAll();
        frames.frame(System.nanoTime());
    }

    // ---- Parts, for the frame loop and for tests ---------------------------------------------------

    /** What the window draws: the real cluster's poller, or the session's simulated cluster. */
    WindowSource source() {
        return source;
    }

    public Scene scene() {
        return scene;
    }

    public CommandRunner runner() {
        return runner;
    }

    public ClusterCanvas clusterCanvas() {
        return clusterCanvas;
    }

    public PartitionDetail partitionDetail() {
        return partitionDetail;
    }

    public Swimlanes swimlanes() {
        return swimlanes;
    }

    public QuorumPane quorum() {
        return quorum;
    }

    public EventLog eventLog() {
        return eventLog;
    }

    public MetricsPanel metrics() {
        return metrics;
    }

    Headline headline() {
        return headline;
    }

    TimeControls controls() {
        return controls;
    }

    public CommandConsole console() {
        return console;
    }

    public PlayClock playClock() {
        return playClock;
    }

    /** The snapshot on screen (a past one while scrubbing). */
    public ClusterSnapshot shownSnapshot() {
        return frames.shown();
    }

    public boolean scrubbing() {
        return frames.scrubbing();
    }

    public int historySize() {
        return frames.history().size();
    }

    /** The failed produces the frames have seen on this cluster (what the Clients box flashes for). */
    ProduceFailures frameFailures() {
        return frames.failures();
    }

    Appearance appearance() {
        return appearance;
    }

    Palette palette() {
        return appearance.palette();
    }

    double zoom() {
        return appearance.zoom();
    }

    boolean flowOn() {
        return flowOn;
    }

    int hovered() {
        return pointer.hovered();
    }
}
