package leaderlab.app.window;

import javafx.scene.paint.Color;

/**
 * Colours for the canvases, from the Okabe–Ito palette (distinguishable with the common forms of
 * colour blindness). Colour never carries meaning alone: every state also has a shape or a word.
 */
public record Palette(
        boolean dark,
        Color background,
        Color card,
        Color cardBorder,
        Color text,
        Color mutedText,
        Color leader,
        Color leaderText,
        Color inSync,
        Color outOfSync,
        Color offline,
        Color highlight,
        Color fault,
        Color running,
        Color fenced,
        Color shuttingDown,
        Color stopped,
        Color isolated) {

    // Okabe & Ito, "Color Universal Design" (2008).
    static final Color ORANGE = Color.web("#E69F00");
    static final Color SKY_BLUE = Color.web("#56B4E9");
    static final Color BLUISH_GREEN = Color.web("#009E73");
    static final Color YELLOW = Color.web("#F0E442");
    static final Color BLUE = Color.web("#0072B2");
    static final Color VERMILLION = Color.web("#D55E00");
    static final Color REDDISH_PURPLE = Color.web("#CC79A7");

    /** Leader epochs in the log tapes, cycled: neighbours differ in hue and lightness. */
    private static final Color[] EPOCHS = {BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW};

    public static final Palette LIGHT = new Palette(
            false,
            Color.web("#F6F8FA"),
            Color.WHITE,
            Color.web("#8C959F"),
            Color.web("#1F2328"),
            Color.web("#57606A"),
            BLUE,
            Color.WHITE,
            BLUISH_GREEN,
            ORANGE,
            Color.web("#8C959F"),
            REDDISH_PURPLE,
            VERMILLION,
            BLUISH_GREEN,
            VERMILLION,
            ORANGE,
            Color.web("#6E7781"),
            REDDISH_PURPLE);

    public static final Palette DARK = new Palette(
            true,
            Color.web("#0D1117"),
            Color.web("#161B22"),
            Color.web("#6E7681"),
            Color.web("#E6EDF3"),
            Color.web("#9DA7B3"),
            SKY_BLUE,
            Color.web("#0D1117"),
            BLUISH_GREEN,
            ORANGE,
            Color.web("#6E7681"),
            REDDISH_PURPLE,
            VERMILLION,
            BLUISH_GREEN,
            VERMILLION,
            ORANGE,
            Color.web("#8B949E"),
            REDDISH_PURPLE);

    public Color epoch(int leaderEpoch) {
        return EPOCHS[Math.floorMod(leaderEpoch, EPOCHS.length)];
    }

    public Color replica(ReplicaState state) {
        return switch (state) {
            case LEADER -> leader;
            case IN_SYNC -> inSync;
            // Its own shape and colour, told from in-sync at a glance; a leader's hue (it may lead next),
            // not the purple of the hover ring.
            case ELIGIBLE -> SKY_BLUE;
            case OUT_OF_SYNC -> outOfSync;
            case OFFLINE -> offline;
        };
    }

    public Color broker(BrokerStatus status) {
        return switch (status) {
            case RUNNING, STARTING -> running;
            case FENCED -> fenced;
            case CONTROLLED_SHUTDOWN -> shuttingDown;
            case STOPPED -> stopped;
            case ISOLATED -> isolated;
        };
    }
}
