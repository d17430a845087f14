package leaderlab.app.window;

import javafx.scene.Node;
import leaderlab.cluster.view.SnapshotSource;
import leaderlab.shell.command.CommandRunner;

/**
 * Which cluster the window draws: a real Kafka cluster's poller, or the session's simulated cluster (the
 * one a reset or a lesson put there last). On real Kafka the controls only a simulator obeys give way.
 */
final class WindowSource {

    private final CommandRunner runner;
    /** The real Kafka cluster shown (its poller), or null when the window shows the session's simulator. */
    private final SnapshotSource realKafka;

    WindowSource(CommandRunner runner, SnapshotSource realKafka) {
        this.runner = runner;
        this.realKafka = realKafka;
    }

    /** What to draw now: the poller, or the session's cluster of the moment. */
    SnapshotSource current() {
        return realKafka != null ? realKafka : runner.session().cluster();
    }

    /** Whether the window shows a real Kafka cluster (no simulated time, no what-ifs). */
    boolean realKafka() {
        return realKafka != null;
    }

    /**
     * On real Kafka: play, step and speed give way to a note (real time cannot be paused), and the fork
     * button goes (a real cluster's past cannot be replayed). Nothing changes on the simulator.
     */
    void fitControls(TimeControls controls, Node forkButton) {
        if (realKafka == null) {
            return;
        }
        controls.realKafka();
        forkButton.setVisible(false);
        forkButton.setManaged(false);
    }
}
