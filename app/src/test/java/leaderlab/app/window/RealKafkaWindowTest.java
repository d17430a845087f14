package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.journal.NodeId;
import leaderlab.cluster.journal.TopicPartition;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.SnapshotSource;
import leaderlab.kafka.RealState;
import leaderlab.kafka.SnapshotBuilder;
import leaderlab.shell.command.CommandRunner;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window on a real Kafka cluster draws the polled snapshot through the simulator's view code: the
 * leaders the Admin API reported are the leader chips, the observed election is the headline, and the
 * time controls give way (real time cannot be paused). The snapshot is made from a hand-made poll, so no
 * Kafka runs here.
 */
@org.junit.jupiter.api.Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RealKafkaWindowTest {

    private Stage stage;
    private CommandRunner runner;
    private LeaderlabWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
    }

    /**
     * A poll after broker 3 crashed: orders-2 moved to broker 1, the controller fenced broker 3. The
     * record's accessors are the {@link SnapshotSource}; {@code staleness} is what the poller would say.
     */
    private record Polled(ClusterSnapshot snapshot, Journal journal, String staleness) implements SnapshotSource {

        static Polled afterBroker3Crashed(String staleness) {
            List<RealState.Partition> partitions = List.of(
                    partition(0, 1, List.of(1, 2, 3), List.of(1, 2)),
                    partition(1, 2, List.of(2, 3, 1), List.of(2, 1)),
                    partition(2, 1, List.of(3, 1, 2), List.of(1, 2)));
            ClusterSnapshot snapshot = new SnapshotBuilder(false)
                    .next(new RealState(
                            4_000,
                            List.of(
                                    new RealState.Broker(1, null, "RUNNING", "UNFENCED", 11),
                                    new RealState.Broker(2, null, "RUNNING", "UNFENCED", 12),
                                    new RealState.Broker(3, null, "STOPPED", "FENCED", 13)),
                            List.of(new RealState.Topic("orders", "id", Map.of(), 1, partitions)),
                            new RealState.Quorum(100, 1, 90, List.of(new RealState.Voter(100, 90)), List.of(100))));
            Journal journal = new Journal();
            journal.append(
                    4_000,
                    NodeId.CONTROLLER,
                    new TopicPartition("orders", 2),
                    new EventDetail.LeaderElected(3, 1, 1, EventDetail.Election.ONLINE, false, () -> "1 now leads"),
                    "observed (Kafka does not say why)",
                    -1);
            return new Polled(snapshot, journal, staleness);
        }

        private static RealState.Partition partition(int index, int leader, List<Integer> replicas, List<Integer> isr) {
            return new RealState.Partition(
                    "orders", index, leader, 1, replicas, isr, List.of(), List.of(), List.of(), List.of(), 10);
        }
    }

    private void open(FxRobot robot, Polled polled) {
        runner = new CommandRunner(new Dispatcher(CoreCommands.registry(), Session.withoutCluster()));
        robot.interact(() -> {
            window = new LeaderlabWindow(runner, polled, 1400, 900);
            stage.setScene(window.scene());
            stage.show();
            window.frame();
        });
        robot.interact(window::frame);
    }

    private Color chipFill(int broker, int partitionId) {
        return ChipPixels.fill(window, broker, partitionId);
    }

    @Test
    void thePolledLeadersAreTheLeaderChipsAndTheObservedElectionTheHeadline(FxRobot robot) {
        Polled polled = Polled.afterBroker3Crashed(null);
        open(robot, polled);

        assertEquals(polled.snapshot(), window.shownSnapshot());
        Color leader = Palette.LIGHT.replica(ReplicaState.LEADER);
        for (int partition = 0; partition < 3; partition++) {
            int leads = polled.snapshot().metadata().partitions().get(partition).leader();
            assertTrue(near(leader, chipFill(leads, partition)), "orders-" + partition + " led by " + leads);
            assertFalse(near(leader, chipFill(leads == 1 ? 2 : 1, partition)), "orders-" + partition);
        }
        String headline = WindowFixture.onFx(() -> window.headline().getText());
        assertTrue(headline.contains("orders-2 leader 3 -> 1"), headline);
        assertTrue(headline.contains("observed"), headline);
        assertTrue(WindowFixture.onFx(() -> window.controls().clock.getText()).startsWith("REAL KAFKA"));
        assertFalse(WindowFixture.onFx(() -> window.controls().play.isVisible()));
    }

    /** A poller that has not had an answer for a while: the clock carries its own line, whatever its wording. */
    @Test
    void aStaleSourceSaysSoOnTheClock(FxRobot robot) {
        Polled polled = Polled.afterBroker3Crashed("the poller's own line on why the picture may be old");
        open(robot, polled);

        String clock = WindowFixture.onFx(() -> window.controls().clock.getText());
        assertTrue(clock.startsWith("REAL KAFKA"), clock);
        assertTrue(clock.endsWith(polled.staleness()), clock);
    }

    private static boolean near(Color a, Color b) {
        return ChipPixels.near(a, b);
    }
}
