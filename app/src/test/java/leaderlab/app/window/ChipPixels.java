package leaderlab.app.window;

import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** What a replica chip looks like on screen, as the window tests read it. */
final class ChipPixels {

    private ChipPixels() {}

    /** The colour in the middle of a chip's right end, past its label: the chip's fill (after a frame). */
    static Color fill(LeaderlabWindow window, int broker, int partitionId) {
        return WindowFixture.onFx(() -> {
            window.frame();
            ClusterLayout.Box chip = window.clusterCanvas().chipOf(broker, partitionId);
            WritableImage image = window.clusterCanvas().snapshot(null, null);
            return image.getPixelReader().getColor((int) (chip.x() + chip.w() - 10), (int) chip.centerY());
        });
    }

    static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.05
                && Math.abs(a.getGreen() - b.getGreen()) < 0.05
                && Math.abs(a.getBlue() - b.getBlue()) < 0.05;
    }
}
