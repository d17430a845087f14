package leaderlab.app.window;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import leaderlab.app.window.QuorumModel.Voter;
import leaderlab.cluster.quorum.QuorumState;

/**
 * One controller of the quorum in the strip: its id, its Raft role (Kafka's names), epoch, metadata log end
 * and lag behind the leader, and whom it voted for or what is really happening to its process. The role and
 * that last line are the ones in large type. Its colour and border say the
 * role and the fault, so the back row reads them without the words.
 */
final class ControllerCard extends VBox {

    private static final List<String> STATE_CLASSES = List.of(
            "quorum-card-leader",
            "quorum-card-killed",
            "quorum-card-stalled",
            "quorum-card-isolated",
            "quorum-card-campaigning");

    private final int id;
    private final Label title = new Label();
    private final Label role = new Label();
    private final Label log = new Label();
    private final Label status = new Label();
    private boolean compact;
    private Voter shown;
    /** The state class the card carries now, null for none. */
    private String styledState;

    ControllerCard(int id) {
        this.id = id;
        setId("controller-card-" + id);
        getStyleClass().add("quorum-card");
        title.getStyleClass().add("quorum-card-title");
        role.getStyleClass().add("quorum-card-role");
        log.getStyleClass().add("quorum-card-line");
        status.getStyleClass().add("quorum-card-status");
        title.setText("Controller " + id);
        getChildren().addAll(title, role, log, status);
    }

    int controllerId() {
        return id;
    }

    /**
     * Narrow cards (many controllers, a narrow window) title themselves with the id alone, so the lines that
     * matter keep their room; the strip's heading already says they are controllers.
     */
    void setCompact(boolean compact) {
        this.compact = compact;
        title.setText(compact ? String.valueOf(id) : "Controller " + id);
        if (shown != null) {
            log.setText(logText(shown));
            status.setText(statusText(shown));
        }
    }

    /** Whether "Controller N" fits on this card, {@code width} wide, in its title's type. */
    boolean fitsFullTitle(double width) {
        return ClusterCanvas.textWidth("Controller " + id, title.getFont())
                        + getInsets().getLeft()
                        + getInsets().getRight()
                <= width;
    }

    /** Runs {@code fit} when the title's type changes (presenter mode on or off). */
    void onTitleFont(Runnable fit) {
        title.fontProperty().addListener((obs, old, font) -> fit.run());
    }

    String titleText() {
        return title.getText();
    }

    /** The texts of its title, role and status lines that the card cut short with an ellipsis (for tests). */
    List<String> cutShort() {
        return Stream.of(title, role, status)
                .filter(l -> ClusterCanvas.textWidth(l.getText(), l.getFont())
                        > l.getWidth() - l.getInsets().getLeft() - l.getInsets().getRight() + 0.5)
                .map(Label::getText)
                .toList();
    }

    void show(Voter voter, int leaderId) {
        shown = voter;
        role.setText(roleText(voter, leaderId));
        log.setText(logText(voter));
        status.setText(statusText(voter));
        String state = stateClass(voter);
        if (!Objects.equals(state, styledState)) {
            // Only a new state restyles the card: swapping its class on every new log end re-ran CSS on it.
            getStyleClass().removeAll(STATE_CLASSES);
            if (state != null) {
                getStyleClass().add(state);
            }
            styledState = state;
        }
    }

    private static String stateClass(Voter voter) {
        return switch (voter.liveness()) {
            case KILLED -> "quorum-card-killed";
            case STALLED -> "quorum-card-stalled";
            case ISOLATED -> voter.leader() ? "quorum-card-leader" : "quorum-card-isolated";
            case ALIVE ->
                voter.leader()
                        ? "quorum-card-leader"
                        : voter.role() == QuorumState.Role.FOLLOWER ? null : "quorum-card-campaigning";
        };
    }

    private static String roleText(Voter voter, int leaderId) {
        if (voter.role() == null) {
            return "KILLED";
        }
        return switch (voter.role()) {
            case LEADER -> voter.id() == leaderId ? "LEADER" : "OLD LEADER";
            case FOLLOWER -> "FOLLOWER";
            case CANDIDATE -> "CANDIDATE";
            case PROSPECTIVE -> "PROSPECTIVE";
            case UNATTACHED -> "UNATTACHED";
            case RESIGNED -> "RESIGNED";
        };
    }

    private String logText(Voter voter) {
        if (voter.liveness() == QuorumModel.Liveness.KILLED && voter.endOffset() < 0) {
            return compact ? "no process" : "no process to ask";
        }
        String epoch = voter.epoch() < 0 ? "epoch ?" : "epoch " + voter.epoch();
        String end = voter.endOffset() < 0 ? "end ?" : "end " + voter.endOffset();
        String lag = voter.leader() ? "" : voter.lag() < 0 ? " · lag ?" : " · lag " + voter.lag();
        return epoch + " · " + end + lag;
    }

    private String statusText(Voter voter) {
        return switch (voter.liveness()) {
            case KILLED -> compact ? "log on disk" : "log, vote on disk";
            case STALLED -> String.format(Locale.ROOT, "PAUSED until t=%.1f s", voter.stalledUntilMs() / 1000.0);
            case ISOLATED -> isolation(voter);
            case ALIVE ->
                voter.votedFor() >= 0 && !voter.leader()
                        ? (compact ? "voted " : "voted for ") + voter.votedFor()
                        : "alive";
        };
    }

    private static String isolation(Voter voter) {
        String peers = voter.cutFrom().stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (peers.isEmpty()) {
            return "CUT OFF from brokers";
        }
        return "CUT OFF from " + peers + (voter.cutFromBrokers() ? " + brokers" : "");
    }
}
