package leaderlab.app.window;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import leaderlab.app.window.QuorumModel.Voter;
import leaderlab.cluster.quorum.QuorumState;

/**
 * One controller of the quorum in the strip: its id and epoch on the first line, its Raft role (Kafka's
 * names), its metadata log end and lag behind the leader, and whom it voted for or what is really happening
 * to its process. The role and that last line are the ones in large type. Its colour and border say the
 * role and the fault, so the back row reads them without the words.
 */
final class ControllerCard extends VBox {

    private static final List<String> STATE_CLASSES = List.of(
            "quorum-card-leader",
            "quorum-card-killed",
            "quorum-card-stalled",
            "quorum-card-isolated",
            "quorum-card-campaigning");

    /** The leader card's border width in quorum.css, the thickest a card has. */
    private static final double LEADER_BORDER_PX = 4;

    /** The epoch line a card leaves room for: three digits, as a class's cluster reaches. */
    private static final String WIDEST_EPOCH = "epoch 999";

    private final int id;
    private final Label title = new Label();
    /** Beside the title, where the id leaves room: the log line alone did not fit a narrow card. */
    private final Label epoch = new Label();

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
        epoch.getStyleClass().add("quorum-card-line");
        log.getStyleClass().add("quorum-card-line");
        status.getStyleClass().add("quorum-card-status");
        title.setText("Controller " + id);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region between = new Region();
        HBox.setHgrow(between, Priority.ALWAYS);
        HBox head = new HBox(title, between, epoch);
        head.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(head, role, log, status);
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

    /**
     * Whether "Controller N" fits on this card, {@code width} wide, in its title's type, with room beside it
     * for an epoch of three digits.
     */
    boolean fitsFullTitle(double width) {
        return ClusterCanvas.textWidth("Controller " + id + "  ", title.getFont())
                        + ClusterCanvas.textWidth(WIDEST_EPOCH, epoch.getFont())
                        + getInsets().getLeft()
                        + getInsets().getRight()
                <= width;
    }

    /**
     * The width its lines need in compact form, in its type now, without padding and border: the widest of
     * the id with an epoch of three digits, its longest role, a log line of four and three digits, and a
     * killed card's status. A fixed set, not the lines it shows now, so the strip's type does not change
     * with every vote; a pause or a cut, longer, may still cut short on a narrow card.
     */
    double leastTextWidth() {
        return Math.max(
                ClusterCanvas.textWidth(id + "  ", title.getFont())
                        + ClusterCanvas.textWidth(WIDEST_EPOCH, epoch.getFont()),
                Math.max(
                        ClusterCanvas.textWidth("PROSPECTIVE", role.getFont()),
                        Math.max(
                                ClusterCanvas.textWidth("end 9999 · lag 999", log.getFont()),
                                ClusterCanvas.textWidth("log on disk", status.getFont()))));
    }

    /** Its padding and the thickest border a card has (the leader's, quorum.css), in pixels. */
    double framePx() {
        return getPadding().getLeft() + getPadding().getRight() + 2 * LEADER_BORDER_PX;
    }

    /** Runs {@code fit} when the title's type changes (presenter mode on or off). */
    void onTitleFont(Runnable fit) {
        title.fontProperty().addListener((obs, old, font) -> fit.run());
    }

    String titleText() {
        return title.getText();
    }

    /** The texts of its lines that the card cut short with an ellipsis (for tests). */
    List<String> cutShort() {
        return Stream.of(title, epoch, role, log, status)
                .filter(l -> ClusterCanvas.textWidth(l.getText(), l.getFont())
                        > l.getWidth() - l.getInsets().getLeft() - l.getInsets().getRight() + 0.5)
                .map(Label::getText)
                .toList();
    }

    void show(Voter voter, int leaderId) {
        shown = voter;
        role.setText(roleText(voter, leaderId));
        epoch.setText(epochText(voter));
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

    private static boolean noProcess(Voter voter) {
        return voter.liveness() == QuorumModel.Liveness.KILLED && voter.endOffset() < 0;
    }

    /** The epoch, on the title's line; nothing for a killed controller with no process to ask. */
    private static String epochText(Voter voter) {
        if (noProcess(voter)) {
            return "";
        }
        return voter.epoch() < 0 ? "epoch ?" : "epoch " + voter.epoch();
    }

    /** Its metadata log end and lag behind the leader (the epoch is on the title's line). */
    private String logText(Voter voter) {
        if (noProcess(voter)) {
            return compact ? "no process" : "no process to ask";
        }
        String end = voter.endOffset() < 0 ? "end ?" : "end " + voter.endOffset();
        String lag = voter.leader() ? "" : voter.lag() < 0 ? " · lag ?" : " · lag " + voter.lag();
        return end + lag;
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
