package leaderlab.app.window;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import leaderlab.cluster.journal.Event;
import leaderlab.shell.bundle.Replayer;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Session;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's what-ifs: the split screen a {@code split} opens (typed, or a lesson step), the scrubber's
 * Fork here button and the timeline's Fork at this event's time, the banner that says a what-if fork is current (with Unfork and Beside the original),
 * and a notice line for verdicts such as a replay's digest check. It acts only by running command lines;
 * what it shows comes from immutable comparisons made on the command thread.
 */
final class WhatIfs {

    private final LeaderlabWindow window;
    private final CommandRunner runner;
    private final Runnable relayout;
    private final SplitView split;
    private final Button forkHere = new Button("Fork here", new FontIcon(Feather.GIT_BRANCH));
    private final Label branch = new Label();
    private final Button beside = new Button("Beside the original", new FontIcon(Feather.COLUMNS));
    private final Button unfork = new Button("Unfork", new FontIcon(Feather.CORNER_UP_LEFT));
    private final HBox branchBar;
    private final Label notice = new Label();
    private final HBox noticeBar;
    private final VBox banner;
    private final AnimationTimer watch = new AnimationTimer() {
        @Override
        public void handle(long now) {
            refresh();
        }
    };

    private boolean splitOpen;
    /** The split shows the current fork beside its original (refreshed after each line), not a split. */
    private boolean forkBeside;
    /** A split a lesson step opened closes when the lesson runs its next line. */
    private boolean openedByLesson;

    private long shownForkAt = -1;

    WhatIfs(LeaderlabWindow window, Runnable relayout) {
        this.window = window;
        this.runner = window.runner();
        this.relayout = relayout;
        this.split = new SplitView(window::palette, window::zoom);
        split.close.setOnAction(e -> closeSplit());
        forkHere.setId("fork-here");
        forkHere.setTooltip(new Tooltip("Branch a what-if off the moment the scrubber shows (fork at that time)"));
        forkHere.setOnAction(e -> forkAtShownMoment());
        branch.setId("branch");
        branch.getStyleClass().add("branch-label");
        beside.setId("fork-beside");
        beside.setOnAction(e -> showForkBeside());
        unfork.setId("unfork");
        unfork.setOnAction(e -> window.console().run("unfork"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        branchBar = bar("branch-bar", branch, grow, beside, unfork);
        notice.setId("notice");
        notice.setWrapText(true);
        notice.getStyleClass().add("notice-label");
        Button dismiss = new Button("", new FontIcon(Feather.X));
        dismiss.setOnAction(e -> dismissNotice());
        HBox.setHgrow(notice, Priority.ALWAYS);
        noticeBar = bar("notice-bar", notice, dismiss);
        banner = new VBox(4, branchBar, noticeBar);
        show(branchBar, false);
        show(noticeBar, false);
        Session session = runner.session();
        session.onSplit(outcome -> {
            Comparison comparison = Comparison.of(outcome);
            Platform.runLater(() -> openSplit(comparison));
        });
        runner.addListener((line, result) -> afterLine(line));
        forkFromTimeline();
        watch.start();
    }

    /** The timeline's right-click menu: fork at the time of the event under the mouse (its row is selected). */
    private void forkFromTimeline() {
        MenuItem forkAt = new MenuItem();
        forkAt.setId("fork-at-event");
        ContextMenu menu = new ContextMenu(forkAt);
        EventLog timeline = window.eventLog();
        menu.setOnShowing(e -> {
            Event event = timeline.getSelectionModel().getSelectedItem();
            forkAt.setDisable(event == null || !canFork(runner.session()));
            forkAt.setText(
                    event == null
                            ? "Fork at an event's time (select one)"
                            : "Fork at " + Comparison.seconds(event.timeMs())
                                    + " (this event's time): a what-if from there");
        });
        forkAt.setOnAction(e -> {
            Event event = timeline.getSelectionModel().getSelectedItem();
            if (event != null) {
                window.console().run("fork at " + Comparison.seconds(event.timeMs()));
            }
        });
        timeline.setContextMenu(menu);
    }

    private boolean canFork(Session session) {
        return !window.source().realKafka()
                && session.suspendedRun() == null
                && session.cluster().options().simulated();
    }

    private static HBox bar(String id, Node... children) {
        HBox bar = new HBox(10, children);
        bar.setId(id);
        bar.getStyleClass().add(id);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        return bar;
    }

    private static void show(Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }

    /** The banners above the headline: which branch is current, and the last notice. */
    Node banner() {
        return banner;
    }

    /** The scrubber's button: fork at the past moment it shows. */
    Button forkButton() {
        return forkHere;
    }

    boolean splitOpen() {
        return splitOpen;
    }

    SplitView splitView() {
        return split;
    }

    /** Where the cluster view goes while a split is open: the split, with a running lesson's narration beside it. */
    Node splitArea(LessonPanel lesson) {
        if (!lesson.active()) {
            return split;
        }
        SplitPane area = new SplitPane(split, lesson);
        area.setDividerPositions(0.74);
        return area;
    }

    /** A replay's digest check, for the class to read above the headline: green if it matched, red if not. */
    void announceReplay(String bundleName, Replayer.Outcome outcome) {
        notice.setText("Replay of " + bundleName + ": " + outcome.verdict());
        notice.getStyleClass().removeAll("notice-good", "notice-bad");
        notice.getStyleClass().add(outcome.matched() ? "notice-good" : "notice-bad");
        show(noticeBar, true);
    }

    private void dismissNotice() {
        show(noticeBar, false);
    }

    String noticeText() {
        return noticeBar.isVisible() ? notice.getText() : null;
    }

    private void openSplit(Comparison comparison) {
        openedByLesson = window.lessonPanel().active();
        forkBeside = false;
        split.show(comparison, null);
        setSplitOpen(true);
    }

    void closeSplit() {
        split.stop();
        forkBeside = false;
        setSplitOpen(false);
    }

    private void setSplitOpen(boolean open) {
        if (splitOpen != open) {
            splitOpen = open;
            // The headline tells of the session's cluster, which is neither side of the split.
            window.headline().setVisible(!open);
            window.headline().setManaged(!open);
            relayout.run();
        }
    }

    private void forkAtShownMoment() {
        window.console()
                .run("fork at " + Comparison.seconds(window.shownSnapshot().timeMs()));
    }

    /** Opens the fork beside its original; the comparison is made on the command thread, off the FX thread. */
    private void showForkBeside() {
        CompletableFuture.supplyAsync(() -> runner.call(() -> Comparison.ofFork(runner.session())))
                .thenAccept(comparison -> Platform.runLater(() -> {
                    if (comparison != null) {
                        openedByLesson = false;
                        forkBeside = true;
                        split.show(comparison, () -> runner.session().cluster().snapshot());
                        setSplitOpen(true);
                    }
                }));
    }

    /** On the command thread, after each line: keeps a fork-beside view current, and closes a lesson's split. */
    private void afterLine(String line) {
        boolean isSplit = line.strip().startsWith("split ");
        if (forkBeside) {
            Comparison comparison = Comparison.ofFork(runner.session());
            Platform.runLater(() -> {
                if (!forkBeside) {
                    return;
                }
                if (comparison == null) {
                    closeSplit();
                } else {
                    split.show(comparison, () -> runner.session().cluster().snapshot());
                }
            });
        } else if (!isSplit) {
            Platform.runLater(() -> {
                if (splitOpen && openedByLesson && !forkBeside) {
                    closeSplit();
                }
            });
        }
    }

    /** Every frame: the branch banner and the Fork here button follow the session and the scrubber. */
    private void refresh() {
        Session session = runner.session();
        boolean inFork = session.suspendedRun() != null;
        long forkAt = inFork ? session.forkedAtMs() : -1;
        if (forkAt != shownForkAt) {
            shownForkAt = forkAt;
            show(branchBar, inFork);
            branch.setText(String.format(
                    Locale.ROOT,
                    "WHAT-IF FORK: this run branched off the original at t = %.3f s. Unfork returns to the original.",
                    forkAt / 1000.0));
        }
        boolean canFork = window.scrubbing() && canFork(session);
        forkHere.setDisable(!canFork);
    }
}
